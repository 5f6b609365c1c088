import {Box} from 'ink';
import {ConfirmDialog, confirmHeight} from './components/confirm-dialog.js';
import {FilterBar} from './components/filter-bar.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {HelpOverlay} from './components/help-overlay.js';
import {OutputPane} from './components/output-pane.js';
import {StatusBar} from './components/status-bar.js';
import {AppContext, type AppServices} from './contexts/app-context.js';
import {useAppState} from './hooks/use-app-state.js';
import {scopesFor, useKeyboard} from './hooks/use-keyboard.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {paneScopes} from './keys/keymap.js';
import {ComingPane} from './panes/coming-pane.js';
import {ContainersPane} from './panes/containers-pane.js';
import {tableHeight} from './store/selectors.js';

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
	const pane = useAppState(s => s.ui.pane);
	const overlay = useAppState(s => s.ui.overlay);
	const height = useAppState(tableHeight);
	const {columns, rows} = useAppState(s => s.ui.viewport);
	// The footer names the keys of what has the keyboard; under help, those of the pane it explains.
	const focused = useAppState(scopesFor);
	const scopes = focused[0] === 'help' ? paneScopes(pane) : focused;

	let body;
	if (overlay?.kind === 'help') {
		body = <HelpOverlay scopes={paneScopes(pane)} height={height}/>;
	} else if (overlay?.kind === 'confirm') {
		// The list stays in view above the dialog, so the person sees where the selection is.
		const dialog = confirmHeight(overlay.request, height + 1);
		body = (
			<Box flexDirection="column" height={height + 1} flexShrink={0}>
				{pane === 'containers' && dialog < height ? <ContainersPane height={height - dialog}/> : null}
				<ConfirmDialog request={overlay.request} height={dialog}/>
			</Box>
		);
	} else if (overlay?.kind === 'output') {
		body = <OutputPane output={overlay.output} height={height}/>;
	} else {
		body = pane === 'containers' ? <ContainersPane/> : <ComingPane pane={pane} height={height}/>;
	}

	// One line short of the terminal: at full height Ink 6 clears the screen on every frame.
	return (
		<Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
			<Header/>
			{body}
			<FilterBar/>
			<StatusBar/>
			<Footer scopes={scopes}/>
		</Box>
	);
}
