import {Box, Text} from 'ink';
import {bindingsFor, displayKey, type Scope} from '../keys/keymap.js';
import {fit} from '../render/text-width.js';

/** Every key of the focused pane, straight from the keymap. */
export function HelpOverlay({scopes, height, readOnly = false}: {readonly scopes: readonly Scope[]; readonly height: number; readonly readOnly?: boolean}) {
	const bindings = bindingsFor(scopes, {readOnly});
	const rows = bindings.map(b => ({
		keys: b.keys.map(k => displayKey(k)).join(' '),
		description: b.description,
	}));
	const keyWidth = Math.max(...rows.map(r => r.keys.length));
	// Two columns when the list is taller than the room: 80x24 still shows every key.
	const perColumn = Math.max(1, height - 2);
	const columns = [];
	for (let i = 0; i < rows.length; i += perColumn) {
		columns.push(rows.slice(i, i + perColumn));
	}

	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold>Keys  <Text dimColor>(? or Esc closes)</Text></Text>
			<Box>
				{columns.map((column, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={index} flexDirection="column" marginRight={2} flexShrink={1}>
						{column.map(row => (
							<Text key={row.keys} wrap="truncate">
								<Text bold>{fit(row.keys, keyWidth)}</Text>  {row.description}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
