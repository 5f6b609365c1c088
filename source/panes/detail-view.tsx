import {Box, Text} from 'ink';
import {useAppState} from '../hooks/use-app-state.js';
import {statsLines, topLines} from '../render/detail-lines.js';
import {sanitizeLine} from '../render/sanitize.js';
import {truncate} from '../render/text-width.js';
import {tableHeight} from '../store/selectors.js';

const titles = {inspect: 'Inspect', top: 'Top (every 2 s)', stats: 'Stats'} as const;

/** inspect, top or stats of one container, scrolled by the person; renders only what is on screen. */
export function DetailView() {
	const detail = useAppState(s => s.detail);
	const height = useAppState(tableHeight);
	const width = useAppState(s => s.ui.viewport.columns);
	if (!detail) {
		return null;
	}

	let lines: readonly string[];
	if (detail.error) {
		lines = [`error: ${sanitizeLine(detail.error)}`];
	} else if (detail.kind === 'inspect') {
		lines = detail.inspect ?? ['loading...'];
	} else if (detail.kind === 'top') {
		lines = detail.top ? topLines(detail.top) : ['loading...'];
	} else {
		lines = statsLines(detail.stats, width);
	}

	const scroll = Math.min(detail.scroll, Math.max(0, lines.length - height));
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold wrap="truncate">{truncate(`${titles[detail.kind]}: ${sanitizeLine(detail.name)}  (Esc back)`, width)}</Text>
			{lines.slice(scroll, scroll + height).map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate">{truncate(line, width)}</Text>
			))}
		</Box>
	);
}
