import {DiskUsageLine} from '../components/disk-usage-line.js';
import {FilterBar} from '../components/filter-bar.js';
import {Footer} from '../components/footer.js';
import {Header} from '../components/header.js';
import {StatusBar} from '../components/status-bar.js';
import {EditLine} from '../components/edit-line.js';
import {PullPanel} from '../components/pull-panel.js';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {selectPaneTabs} from '../store/list-panes.js';
import {selectCounts, selectMarkSummary, tableHeight} from '../store/selectors.js';
import type {Scope} from '../keys/keymap.js';

// The lines around the pane's body: each picks its state here and hands the component plain props.

/** Engine, connection state, counts and the pane tabs. */
export function HeaderPane() {
	const {theme} = useServices();
	const connection = useAppState(s => s.connection);
	const pane = useAppState(s => s.ui.pane);
	const counts = useAppState(selectCounts);
	const loaded = useAppState(s => s.containers !== undefined);
	const columns = useAppState(s => s.ui.viewport.columns);
	const readOnly = useAppState(s => s.ui.readOnly);
	const tabs = useAppState(selectPaneTabs);
	return (
		<Header
			host={connection.host}
			{...(connection.origin ? {origin: connection.origin} : {})}
			{...(connection.info?.version ? {version: connection.info.version} : {})}
			{...(connection.info?.product ? {product: connection.info.product} : {})}
			status={connection.status}
			pane={pane}
			tabs={tabs}
			{...(loaded ? {counts} : {})}
			readOnly={readOnly}
			columns={columns}
			theme={theme}
		/>
	);
}

/** The filter line, while it is typed or holds text. */
export function FilterPane() {
	const filter = useAppState(s => s.ui.filter);
	const project = useAppState(s => (s.ui.pane === 'containers' ? s.ui.project : undefined));
	return <FilterBar filter={filter} project={project}/>;
}

/** The E command line, the connection's trouble or the last message. */
export function StatusPane() {
	const {theme} = useServices();
	const connection = useAppState(s => s.connection);
	const status = useAppState(s => s.ui.status);
	const prompt = useAppState(s => s.ui.prompt);
	const pullInput = useAppState(s => s.pulls.input);
	if (pullInput) {
		return <EditLine label="pull: " value={pullInput} hint="Enter pull, Esc cancel"/>;
	}

	return <StatusBar connection={connection} {...(status ? {status} : {})} {...(prompt ? {prompt} : {})} theme={theme}/>;
}

/** `docker system df` above the resource panes' tables. */
export function DiskUsagePane() {
	const usage = useAppState(s => s.diskUsage);
	const width = useAppState(s => s.ui.viewport.columns);
	return <DiskUsageLine {...(usage ? {usage} : {})} width={width}/>;
}

/** The key hints, with the count of marks and, under a confirmation, the keys it takes. */
export function FooterPane({scopes, readOnly, width}: {readonly scopes: readonly Scope[]; readonly readOnly: boolean; readonly width: number}) {
	const marked = useAppState(selectMarkSummary);
	const request = useAppState(s => (s.ui.overlay?.kind === 'confirm' ? s.ui.overlay.request : undefined));
	// The room the dialog has, as app.tsx gives it: the table's lines and its title.
	const room = useAppState(tableHeight) + 1;
	return <Footer scopes={scopes} readOnly={readOnly} width={width} room={room} {...(marked ? {marked} : {})} {...(request ? {request} : {})}/>;
}

/** P's pull under way: its layers above the status bar, while the pane keeps the keys. */
export function PullPanelPane() {
	const {theme} = useServices();
	const running = useAppState(s => s.pulls.running);
	const width = useAppState(s => s.ui.viewport.columns);
	return running ? <PullPanel reference={running.reference} progress={running.progress} width={width} theme={theme}/> : null;
}
