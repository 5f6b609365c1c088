import {Box, Text} from 'ink';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {sanitizeLine} from '../render/sanitize.js';
import {truncate} from '../render/text-width.js';
import {selectCounts} from '../store/selectors.js';
import type {PaneId} from '../types.js';

const paneTitles: ReadonlyArray<[PaneId, string]> = [['containers', 'Containers'], ['images', 'Images'], ['networks', 'Networks'], ['volumes', 'Volumes']];

/** Engine, connection state, counts and the pane tabs, on one line. */
export function Header() {
	const {theme} = useServices();
	const connection = useAppState(s => s.connection);
	const pane = useAppState(s => s.ui.pane);
	const counts = useAppState(selectCounts);
	const loaded = useAppState(s => s.containers !== undefined);
	const columns = useAppState(s => s.ui.viewport.columns);
	// Below 110 columns only the focused pane is named; the others keep their number key.
	const wide = columns >= 110;
	const version = connection.info?.version ? `, Engine ${sanitizeLine(connection.info.version)}` : '';
	const tabs = paneTitles.map(([id, title], index) => ({id, text: ` ${index + 1}${wide || id === pane ? ` ${title}` : ''} `}));
	const paused = counts.paused > 0 ? `, ${counts.paused} paused` : '';
	const readOnly = useAppState(s => s.ui.readOnly);
	const countText = loaded ? `${counts.running} running${paused}, ${counts.stopped} stopped, ${counts.total} total` : '';
	// The Engine's name takes what is left, cut by us so that the line stays plain ASCII for Ink.
	const used = 'tsdtop '.length + (readOnly ? ' READ-ONLY'.length : 0) + tabs.reduce((sum, tab) => sum + tab.text.length, 0) + 2 + countText.length + 2;
	// Which Engine and how it was picked (--host, DOCKER_HOST, a context...), so a surprise shows.
	const origin = connection.origin ? ` ${connection.origin}` : '';
	const engineText = truncate(sanitizeLine(connection.host) + origin + version, Math.max(0, columns - used));
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">
				<Text bold color={theme.color ? 'cyan' : undefined}>tsdtop</Text>
				{readOnly ? <Text bold inverse> READ-ONLY</Text> : null}
				{' '}
				{tabs.map(tab => (
					<Text key={tab.id} inverse={tab.id === pane} dimColor={tab.id !== pane}>{tab.text}</Text>
				))}
				{'  '}
				<Text dimColor={connection.status !== 'connected'}>{countText}</Text>
				{'  '}
				<Text dimColor>{engineText}</Text>
			</Text>
		</Box>
	);
}
