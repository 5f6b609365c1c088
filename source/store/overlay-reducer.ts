import type {Action} from './actions.js';
import type {AppState, CommandOutput} from './state.js';
import {withError, withUi} from './ui-update.js';

/** A one-off command's output keeps its last lines only: memory stays flat whatever it prints. */
export const maxOutputLines = 10_000;

/** Overlays, the E prompt and its output, the status line and pending marks; undefined for other actions. */
export function reduceOverlay(state: AppState, action: Action): AppState | undefined {
	const {ui} = state;
	switch (action.type) {
		case 'overlay/help': {
			return withUi(state, {overlay: {kind: 'help'}});
		}

		case 'overlay/confirm': {
			return withUi(state, {overlay: {kind: 'confirm', request: action.request}});
		}

		case 'overlay/close': {
			return withUi(state, {overlay: undefined});
		}

		case 'overlay/page': {
			return withUi(state, {overlay: {kind: 'page', ...action.page}});
		}

		case 'prompt/open': {
			const text = action.text ?? '';
			return withUi(state, {prompt: {target: action.target, text, cursor: text.length}});
		}

		case 'prompt/close': {
			return ui.prompt ? withUi(state, {prompt: undefined}) : state;
		}

		case 'output/open': {
			const output: CommandOutput = {id: action.id, target: action.target, command: action.command, lines: [], dropped: 0, running: true, scrollTop: 0, follow: true};
			return withUi(state, {overlay: {kind: 'output', output}});
		}

		case 'output/append': {
			return withOutput(state, action.id, output => {
				const lines = [...output.lines, ...action.lines];
				const excess = Math.max(0, lines.length - maxOutputLines);
				return {
					...output,
					lines: excess > 0 ? lines.slice(excess) : lines,
					dropped: output.dropped + excess,
					// What the person is reading stays where it is on screen while old lines go.
					scrollTop: Math.max(0, output.scrollTop - excess),
				};
			});
		}

		case 'output/done': {
			return withOutput(state, action.id, output => ({
				...output,
				running: false,
				...(action.exitCode === undefined ? {} : {exitCode: action.exitCode}),
				...(action.error === undefined ? {} : {error: action.error}),
			}));
		}

		case 'status': {
			const next = withUi(state, {status: action.status});
			if (action.status?.kind !== 'error') {
				return next;
			}

			return withError(next, action.status.text, action.at ?? Date.now());
		}

		case 'pending/set': {
			const pending = {...state.pending};
			for (const id of action.ids) {
				pending[id] = action.label;
			}

			return {...state, pending};
		}

		case 'pending/clear': {
			const pending = {...state.pending};
			for (const id of action.ids) {
				delete pending[id];
			}

			return {...state, pending};
		}

		default: return undefined;
	}
}

/** Changes the output overlay of run `id`; output of a run that is no longer shown is dropped. */
function withOutput(state: AppState, id: number, change: (output: CommandOutput) => CommandOutput): AppState {
	const overlay = state.ui.overlay;
	if (overlay?.kind !== 'output' || overlay.output.id !== id) {
		return state;
	}

	return withUi(state, {overlay: {kind: 'output', output: change(overlay.output)}});
}
