import {Text} from 'ink';
import type {Filter} from '../store/state.js';
import {EditLine} from './edit-line.js';

/**
 * The filter line. Not ink-text-input: that component drops keys typed faster than it re-renders
 * (see readme.md and test/components/ink-text-input.test.tsx); this one is fed by the store.
 */
export function FilterBar({filter}: {readonly filter: Filter}) {
	if (!filter.open && !filter.text) {
		return null;
	}

	if (!filter.open) {
		return <Text wrap="truncate" dimColor>filter: {filter.text}  (/ edit, Esc clear)</Text>;
	}

	return <EditLine label="/" value={filter} hint="Enter keep, Esc clear"/>;
}
