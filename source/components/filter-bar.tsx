import {Text} from 'ink';
import type {Filter} from '../store/state.js';
import {sanitizeLine} from '../render/sanitize.js';
import {EditLine} from './edit-line.js';

/**
 * The filter line. Not ink-text-input: that component drops keys typed faster than it re-renders
 * (see readme.md and test/components/ink-text-input.test.tsx); this one is fed by the store.
 */
export function FilterBar({filter, project}: {readonly filter: Filter; readonly project?: string}) {
	// Issue 16: the Containers list narrowed to a compose project (Enter on the Projects pane).
	const scope = project ? `project: ${sanitizeLine(project)}  ` : '';
	if (!filter.open && !filter.text) {
		return scope ? <Text wrap="truncate" dimColor>{scope}(Esc back to Projects)</Text> : null;
	}

	if (!filter.open) {
		return <Text wrap="truncate" dimColor>{scope}filter: {filter.text}  (/ edit, Esc clear)</Text>;
	}

	return <EditLine label="/" value={filter} hint="Enter keep, Esc clear"/>;
}
