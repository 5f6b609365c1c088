import {Box, Text} from 'ink';
import {type PanelProgress, pullPanelLines} from '../render/pull-panel.js';
import {type Theme, tint} from '../render/theme.js';

/**
 * The pull under way, a few lines above the status bar: a title with the total, then a bar and the
 * bytes of each busy layer. It only draws: keys keep going to the pane (it has no scope of its own).
 */
export function PullPanel({reference, progress, width, theme}: {readonly reference: string; readonly progress: PanelProgress; readonly width: number; readonly theme: Theme}) {
	const [title, ...layers] = pullPanelLines(reference, progress, width);
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate" color={tint(theme, 'yellow')}>{title}</Text>
			{layers.map((line, index) => <Text key={index} wrap="truncate" dimColor>{line}</Text>)}
		</Box>
	);
}
