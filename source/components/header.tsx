import {Box, Text} from 'ink';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {sanitizeLine} from '../render/sanitize.js';
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
	// Below 110 columns only the focused pane is named; the others keep their number key.
	const wide = useAppState(s => s.ui.viewport.columns >= 110);
	const version = connection.info?.version ? ` ${sanitizeLine(connection.info.version)}` : '';
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">
				<Text bold color={theme.color ? 'cyan' : undefined}>tsdtop</Text>
				{' '}
				{paneTitles.map(([id, title], index) => (
					<Text key={id} inverse={id === pane} dimColor={id !== pane}>{` ${index + 1}${wide || id === pane ? ` ${title}` : ''} `}</Text>
				))}
				{'  '}
				{loaded
					? <Text dimColor={connection.status !== 'connected'}>{counts.running} running, {counts.stopped} stopped, {counts.total} total</Text>
					: null}
				{'  '}
				<Text dimColor>{sanitizeLine(connection.host)}{version ? `, Engine${version}` : ''}</Text>
			</Text>
		</Box>
	);
}
