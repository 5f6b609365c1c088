import {Box, Text} from 'ink';
import {switcherHeader, switcherRows} from '../render/switcher-rows.js';
import {type Switcher, visibleEntries} from '../store/switcher.js';
import {EditLine} from './edit-line.js';

/** The Engine switcher (:): docker contexts, DOCKER_HOST, the --host history and the local socket. */
export function SwitcherOverlay({switcher, height, width}: {readonly switcher: Switcher; readonly height: number; readonly width: number}) {
	const entries = visibleEntries(switcher);
	const {filter} = switcher;
	// Title, column names and the filter line take three of the rows.
	const room = Math.max(1, height - 2);
	const top = Math.max(0, Math.min(switcher.cursor - room + 1, entries.length - room));
	const rows = switcherRows(entries, width).slice(top, top + room);
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold wrap="truncate">Switch Engine  <Text dimColor>(* in use; Enter switches, / filters, Esc closes)</Text></Text>
			<Text dimColor wrap="truncate">{switcherHeader(entries, width)}</Text>
			{rows.length === 0 ? <Text dimColor>  nothing matches "{filter.text}"</Text> : rows.map((row, index) => (
				<Text key={entries[top + index]!.id} inverse={top + index === switcher.cursor} wrap="truncate">{row}</Text>
			))}
			{filter.open || filter.text ? <EditLine label="filter: " value={filter} hint="Enter switches, Esc clears"/> : null}
		</Box>
	);
}
