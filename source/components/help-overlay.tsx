import {Box, Text} from 'ink';
import {bindingsFor, displayKey, type Scope} from '../keys/keymap.js';
import {fit} from '../render/text-width.js';

type Props = {
	readonly scopes: readonly Scope[];
	readonly height: number;
	readonly width: number;
	readonly scroll?: number;
	readonly readOnly?: boolean;
};

/**
 * Every key of the focused pane, straight from the keymap, each description whole: two columns
 * when they fit side by side, else one column that scrolls (j / k) when it is taller than the room.
 */
export function HelpOverlay({scopes, height, width, scroll = 0, readOnly = false}: Props) {
	const rows = bindingsFor(scopes, {readOnly}).map(b => ({keys: b.keys.map(k => displayKey(k)).join(' '), description: b.description}));
	const keyWidth = Math.max(...rows.map(r => r.keys.length));
	const entryWidth = keyWidth + 2 + Math.max(...rows.map(r => r.description.length));
	const room = Math.max(1, height - 1);
	const twoColumns = rows.length > room && (entryWidth * 2) + 2 <= width && rows.length <= room * 2;
	const perColumn = twoColumns ? Math.ceil(rows.length / 2) : room;
	const top = twoColumns ? 0 : Math.min(scroll, Math.max(0, rows.length - room));
	const columns = twoColumns ? [rows.slice(0, perColumn), rows.slice(perColumn)] : [rows.slice(top, top + room)];
	const more = twoColumns || rows.length <= room ? '' : `, ${top + 1}-${Math.min(rows.length, top + room)} of ${rows.length}: j / k scroll`;
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold wrap="truncate">Keys  <Text dimColor>(? or Esc closes{more})</Text></Text>
			<Box>
				{columns.map((column, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={index} flexDirection="column" marginRight={2} flexShrink={1}>
						{column.map(row => (
							<Text key={row.keys + row.description} wrap="truncate">
								<Text bold>{fit(row.keys, keyWidth)}</Text>  {row.description}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
