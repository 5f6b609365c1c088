import type {PaneId} from '../types.js';
import type {Action} from './actions.js';
import {outputTop, selectRows, tableHeight} from './selectors.js';
import type {AppState, CommandOutput} from './state.js';
import {applyTextEdit} from './text-edit.js';

export const panes: readonly PaneId[] = ['containers', 'images', 'networks', 'volumes'];

/** A one-off command's output keeps its last lines only: memory stays flat whatever it prints. */
export const maxOutputLines = 10_000;

/** The one place state changes. Pure: same state and action, same result. */
export function reducer(state: AppState, action: Action): AppState {
	const next = apply(state, action);
	return next === state ? state : settleSelection(next);
}

function apply(state: AppState, action: Action): AppState {
	const {ui} = state;
	switch (action.type) {
		case 'viewport': {
			return withUi(state, {viewport: {columns: action.columns, rows: action.rows}});
		}

		case 'engine/connected': {
			return {...state, connection: {status: 'connected', host: state.connection.host, info: action.info}};
		}

		case 'engine/disconnected': {
			// Keep the last data on screen: the person still sees what was there.
			return {...state, connection: {...state.connection, status: 'disconnected', error: action.error, retryAt: action.retryAt}};
		}

		case 'containers/loaded': {
			return pruneGone({...state, containers: action.containers});
		}

		case 'stats/loaded': {
			return {...state, stats: {...state.stats, ...action.stats}};
		}

		case 'cursor/move': {
			return moveTo(state, ui.cursor + action.delta);
		}

		case 'cursor/page': {
			return moveTo(state, ui.cursor + (action.direction * Math.max(1, tableHeight(state) - 1)));
		}

		case 'cursor/edge': {
			return moveTo(state, action.edge === 'top' ? 0 : Number.MAX_SAFE_INTEGER);
		}

		case 'pane/select': {
			return withUi(state, {pane: action.pane});
		}

		case 'pane/cycle': {
			const index = panes.indexOf(ui.pane);
			return withUi(state, {pane: panes[(index + action.delta + panes.length) % panes.length]!});
		}

		case 'showAll/toggle': {
			return withUi(state, {showAll: !ui.showAll});
		}

		case 'filter/open': {
			return withUi(state, {filter: {...ui.filter, open: true, cursor: ui.filter.text.length}});
		}

		case 'filter/edit': {
			const value = applyTextEdit(ui.filter, action.edit);
			return withUi(state, {filter: {open: true, ...value}});
		}

		case 'filter/close': {
			return withUi(state, {filter: action.keep ? {...ui.filter, open: false} : {open: false, text: '', cursor: 0}});
		}

		case 'mark/toggle': {
			const id = ui.selectedId;
			if (!id) {
				return state;
			}

			const marks = new Set(ui.marks);
			if (marks.has(id)) {
				marks.delete(id);
			} else {
				marks.add(id);
			}

			// Like a file manager: marking moves on, so Space Space Space marks three rows.
			return moveTo(withUi(state, {marks}), ui.cursor + 1);
		}

		case 'marks/clear': {
			return ui.marks.size === 0 ? state : withUi(state, {marks: new Set()});
		}

		case 'overlay/help': {
			return withUi(state, {overlay: {kind: 'help'}});
		}

		case 'overlay/confirm': {
			return withUi(state, {overlay: {kind: 'confirm', request: action.request}});
		}

		case 'overlay/close': {
			return withUi(state, {overlay: undefined});
		}

		case 'prompt/open': {
			const text = action.text ?? '';
			return withUi(state, {prompt: {target: action.target, text, cursor: text.length}});
		}

		case 'prompt/edit': {
			return ui.prompt ? withUi(state, {prompt: {...ui.prompt, ...applyTextEdit(ui.prompt, action.edit)}}) : state;
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

		case 'output/scroll': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'output') {
				return state;
			}

			const height = tableHeight(state);
			const {output} = overlay;
			const bottom = Math.max(0, output.lines.length - height);
			const top = Math.min(bottom, Math.max(0, outputTop(output, height) + action.delta));
			return withOutput(state, output.id, () => ({...output, scrollTop: top, follow: top >= bottom}));
		}

		case 'status': {
			return withUi(state, {status: action.status});
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
	}
}

function withUi(state: AppState, patch: Partial<AppState['ui']>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

/** Changes the output overlay of run `id`; output of a run that is no longer shown is dropped. */
function withOutput(state: AppState, id: number, change: (output: CommandOutput) => CommandOutput): AppState {
	const overlay = state.ui.overlay;
	if (overlay?.kind !== 'output' || overlay.output.id !== id) {
		return state;
	}

	return withUi(state, {overlay: {kind: 'output', output: change(overlay.output)}});
}

function moveTo(state: AppState, index: number): AppState {
	const rows = selectRows(state);
	if (rows.length === 0) {
		return state;
	}

	const cursor = Math.min(Math.max(0, index), rows.length - 1);
	return withUi(state, {cursor, selectedId: rows[cursor]!.id});
}

/** Drops marks and stats of containers that no longer exist. */
function pruneGone(state: AppState): AppState {
	const ids = new Set(state.containers?.map(c => c.id));
	let {marks} = state.ui;
	if ([...marks].some(id => !ids.has(id))) {
		marks = new Set([...marks].filter(id => ids.has(id)));
	}

	const stats = Object.fromEntries(Object.entries(state.stats).filter(([id]) => ids.has(id)));
	return {...state, stats, ui: {...state.ui, marks}};
}

/**
 * Keeps the selection on the same container (by id) whatever moved, falls back to the row where it
 * was when that container is gone or filtered out, and scrolls just enough to keep it on screen.
 */
function settleSelection(state: AppState): AppState {
	const rows = selectRows(state);
	const {ui} = state;
	let cursor = ui.cursor;
	let selectedId = ui.selectedId;
	const found = selectedId === undefined ? -1 : rows.findIndex(c => c.id === selectedId);
	if (found === -1) {
		cursor = Math.min(Math.max(0, cursor), Math.max(0, rows.length - 1));
		selectedId = rows[cursor]?.id;
	} else {
		cursor = found;
	}

	const height = tableHeight(state);
	let scrollTop = Math.min(ui.scrollTop, Math.max(0, rows.length - height));
	if (cursor < scrollTop) {
		scrollTop = cursor;
	} else if (cursor >= scrollTop + height) {
		scrollTop = cursor - height + 1;
	}

	scrollTop = Math.max(0, scrollTop);
	if (cursor === ui.cursor && selectedId === ui.selectedId && scrollTop === ui.scrollTop) {
		return state;
	}

	return {...state, ui: {...ui, cursor, selectedId, scrollTop}};
}
