import {Box} from 'ink';
import {ConfirmDialog, confirmHeight} from '../components/confirm-dialog.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {OutputPane} from '../components/output-pane.js';
import {SwitcherOverlay} from '../components/switcher-overlay.js';
import {AppContext, type AppServices, useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useKeyboard} from '../hooks/use-keyboard.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {activeScopes, focusScopes} from '../keys/scopes.js';
import {isSplit, splitListWidth} from '../store/log-selectors.js';
import {PageView} from '../components/page-view.js';
import {DiskUsagePane, FilterPane, FooterPane, HeaderPane, PullPanelPane, StatusPane} from './chrome.js';
import {DetailView} from './detail-view.js';
import {LogPane} from './log-pane.js';
import {ListPane} from './list-pane.js';
import {tableHeight} from '../store/selectors.js';
import {isResourcePane} from '../store/pane-kinds.js';
import {ScalePane, TasksView} from './swarm-views.js';

export function App({services}: {readonly services: AppServices}) {
	return (
		<AppContext.Provider value={services}>
			<Screen/>
		</AppContext.Provider>
	);
}

function Screen() {
	useTerminalSize();
	useKeyboard();
	const {theme} = useServices();
	const pane = useAppState(s => s.ui.pane);
	const overlay = useAppState(s => s.ui.overlay);
	const height = useAppState(tableHeight);
	const readOnly = useAppState(s => s.ui.readOnly);
	const {columns, rows} = useAppState(s => s.ui.viewport);
	// The footer names the keys of what has the keyboard; under help, those of the pane it explains.
	const focused = useAppState(activeScopes);
	const focus = useAppState(focusScopes);
	const scopes = focused[0] === 'help' ? focus : focused;
	const logsOpen = useAppState(s => s.logs !== undefined);
	const detailOpen = useAppState(s => s.detail !== undefined);
	const split = useAppState(isSplit);
	// Swarm (issue 17): the Services pane's merged service log and tasks view.
	const serviceLogs = useAppState(s => s.logs?.kind === 'service');
	const tasksOpen = useAppState(s => s.swarm?.tasks !== undefined);
	const list = (shorter?: number) => <ListPane pane={pane} height={shorter}/>;

	let body;
	if (overlay?.kind === 'help') {
		body = <HelpOverlay scopes={focus} height={height} width={columns} scroll={overlay.scroll} readOnly={readOnly}/>;
	} else if (overlay?.kind === 'switcher') {
		body = <SwitcherOverlay switcher={overlay.switcher} height={height} width={columns}/>;
	} else if (overlay?.kind === 'page') {
		body = <PageView page={overlay} height={height}/>;
	} else if (overlay?.kind === 'confirm') {
		// The list stays in view above the dialog, so the person sees where the selection is.
		const dialog = confirmHeight(overlay.request, height + 1);
		body = (
			<Box flexDirection="column" height={height + 1} flexShrink={0}>
				{dialog < height ? list(height - dialog) : null}
				<ConfirmDialog request={overlay.request} height={dialog} typed={overlay.typed} scroll={overlay.scroll ?? 0} theme={theme}/>
			</Box>
		);
	} else if (pane === 'services' && serviceLogs) {
		body = <LogPane width={columns}/>;
	} else if (pane === 'services' && tasksOpen) {
		body = <TasksView/>;
	} else if (pane !== 'containers') {
		body = list();
	} else if (detailOpen) {
		body = <DetailView/>;
	} else if (split) {
		const listWidth = splitListWidth(columns);
		body = (
			<Box flexShrink={0}>
				<Box width={listWidth} flexShrink={0}><ListPane pane={pane} width={listWidth}/></Box>
				<Box width={1} flexShrink={0}/>
				<LogPane width={columns - listWidth - 1}/>
			</Box>
		);
	} else if (overlay?.kind === 'output') {
		body = <OutputPane output={overlay.output} height={height} theme={theme}/>;
	} else {
		body = logsOpen ? <LogPane width={columns}/> : list();
	}

	// One line short of the terminal: at full height Ink 6 cleared the screen on every frame (not
	// measured again on Ink 8, whose full-height path differs).
	return (
		<Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
			<HeaderPane/>
			{isResourcePane(pane) ? <DiskUsagePane/> : null}
			{body}
			<FilterPane/>
			<PullPanelPane/>
			<ScalePane/>
			<StatusPane/>
			<FooterPane scopes={scopes} readOnly={readOnly} width={columns}/>
		</Box>
	);
}
