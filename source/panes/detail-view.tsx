import {Box, Text} from 'ink';
import {EditLine} from '../components/edit-line.js';
import {useAppState} from '../hooks/use-app-state.js';
import {detailLines} from '../render/detail-lines.js';
import {sanitizeLine} from '../render/sanitize.js';
import {truncate} from '../render/text-width.js';
import {tableHeight} from '../store/selectors.js';

const titles = {inspect: 'Inspect', top: 'Top (every 2 s)', stats: 'Stats'} as const;

/** inspect, top or stats of one container, scrolled by the person; renders only what is on screen. */
export function DetailView() {
	const detail = useAppState(s => s.detail);
	const fullHeight = useAppState(tableHeight);
	const width = useAppState(s => s.ui.viewport.columns);
	if (!detail) {
		return null;
	}

	const lines = detailLines(detail, width);
	// While a search is typed, its line takes the last row.
	const height = detail.input ? Math.max(1, fullHeight - 1) : fullHeight;
	const scroll = Math.min(detail.scroll, Math.max(0, lines.length - height));
	const end = Math.min(lines.length, scroll + height);
	const found = detail.search ? (detail.match === undefined ? `  /${sanitizeLine(detail.search)}: no match` : `  /${sanitizeLine(detail.search)}: line ${detail.match + 1}`) : '';
	return (
		<Box flexDirection="column" height={fullHeight + 1} flexShrink={0}>
			<Text bold wrap="truncate">{truncate(`${titles[detail.kind]}: ${sanitizeLine(detail.name)}  (${scroll + 1}-${end} of ${lines.length}; Esc back)${found}`, width)}</Text>
			{lines.slice(scroll, scroll + height).map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate" inverse={scroll + index === detail.match}>{truncate(line, width) || ' '}</Text>
			))}
			{detail.input ? <Box flexGrow={1}/> : null}
			{detail.input ? <EditLine label="search: " value={detail.input} hint="Enter search, Esc cancel"/> : null}
		</Box>
	);
}
