import {Text} from 'ink';
import {useAppState} from '../hooks/use-app-state.js';

/**
 * The filter line. Not ink-text-input: that component drops keys typed faster than it re-renders
 * (see readme.md and test/components/ink-text-input.test.tsx); this one is fed by the store.
 */
export function FilterBar() {
	const filter = useAppState(s => s.ui.filter);
	if (!filter.open && !filter.text) {
		return null;
	}

	if (!filter.open) {
		return <Text wrap="truncate" dimColor>filter: {filter.text}  (/ edit, Esc clear)</Text>;
	}

	const before = filter.text.slice(0, filter.cursor);
	const code = filter.text.codePointAt(filter.cursor);
	const at = code === undefined ? ' ' : String.fromCodePoint(code);
	const after = filter.text.slice(filter.cursor + at.length);
	return (
		<Text wrap="truncate">
			<Text bold>/</Text>{before}<Text inverse>{at}</Text>{after}
			<Text dimColor>  (Enter keep, Esc clear)</Text>
		</Text>
	);
}
