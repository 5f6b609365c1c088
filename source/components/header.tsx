import {Box} from 'ink';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {headerLine} from '../render/header-line.js';
import {selectCounts} from '../store/selectors.js';
import {StyledText} from './styled-text.js';

/** Engine, connection state, counts and the pane tabs, on one line. */
export function Header() {
	const {theme} = useServices();
	const connection = useAppState(s => s.connection);
	const pane = useAppState(s => s.ui.pane);
	const counts = useAppState(selectCounts);
	const loaded = useAppState(s => s.containers !== undefined);
	const columns = useAppState(s => s.ui.viewport.columns);
	const readOnly = useAppState(s => s.ui.readOnly);
	const line = headerLine({
		host: connection.host,
		...(connection.origin ? {origin: connection.origin} : {}),
		...(connection.info?.version ? {version: connection.info.version} : {}),
		...(connection.info?.product ? {product: connection.info.product} : {}),
		status: connection.status,
		pane,
		...(loaded ? {counts} : {}),
		readOnly,
		columns,
		theme,
	});
	return (
		<Box flexShrink={0}>
			<StyledText line={line}/>
		</Box>
	);
}
