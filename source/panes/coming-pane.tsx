import {Box, Text} from 'ink';
import type {PaneId} from '../types.js';

/** Placeholder for panes whose issue has not landed yet. */
export function ComingPane({pane, height}: {readonly pane: PaneId; readonly height: number}) {
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold>{pane[0]!.toUpperCase() + pane.slice(1)}</Text>
			<Text dimColor>coming in a later release: press 1 or Tab for Containers</Text>
		</Box>
	);
}
