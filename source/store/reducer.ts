import {reduceDetail} from './detail-reducer.js';
import {openLogs, reduceLogs} from './log-reducer.js';
import {isSplit} from './log-selectors.js';
import {confirmLayout} from '../render/confirm-layout.js';
import {describeConfirm} from '../render/confirm-text.js';
import type {PaneId} from '../core/types.js';
import type {EngineEvent} from '../core/types.js';
import type {Action} from './actions.js';
import {applyEvent, eventOfAction, isStateEvent, mergeList} from './container-events.js';
import {nextSortColumn} from './resource-selectors.js';
import {filterPick, outputTop, selectPaneKeys, tableHeight} from './selectors.js';
import {type AppState, type CommandOutput, emptyList, type ListUi} from './state.js';
import {reduceSwitcher} from './switcher.js';
import {applyTextEdit} from './text-edit.js';

export const panes: readonly PaneId[] = ['containers', 'images', 'networks', 'volumes'];

/** How many errors the history (!) keeps. */
export const errorHistory = 50;
/** A one-off command's output keeps its last lines only: memory stays flat whatever it prints. */
export const maxOutputLines = 10_000;

/** The one place state changes. Pure: same state and action, same result. */
export function reducer(state: AppState, action: Action): AppState {
	const next = reduceLogs(state, action) ?? reduceDetail(state, action) ?? reduceSwitcher(state, action) ?? apply(state, action);
	return next === state ? state : followSelection(settleSelection(next));
}

/** Side by side, the log follows the selection as it moves through the list. */
function followSelection(state: AppState): AppState {
	const id = state.ui.selectedId;
	if (!isSplit(state) || !id || state.logs?.containerId === id) {
		return state;
	}

	const name = state.containers?.find(c => c.id === id)?.name ?? id.slice(0, 12);
	return {...state, logs: openLogs(state, id, name)};
}

function apply(state: AppState, action: Action): AppState {
	const {ui} = state;
	switch (action.type) {
		case 'viewport': {
			const {viewport} = ui;
			return viewport.columns === action.columns && viewport.rows === action.rows ? state : withUi(state, {viewport: {columns: action.columns, rows: action.rows}});
		}

		case 'engine/connected': {
			const {connection} = state;
			// Reconnecting to the same Engine changes nothing on screen: no new frame for it.
			if (connection.status === 'connected' && JSON.stringify(connection.info) === JSON.stringify(action.info)) {
				return state;
			}

			const {error: _error, retryAt: _retryAt, ...kept} = connection;
			return {...state, connection: {...kept, status: 'connected', info: action.info}};
		}

		case 'engine/disconnected': {
			// Keep the last data on screen: the person still sees what was there.
			const next = {...state, connection: {...state.connection, status: 'disconnected' as const, error: action.error, retryAt: action.retryAt}};
			// The status bar shows it, so the history (!) keeps it: once an outage, not once a retry
			// (issue 12: an Engine gone, or one switched to that never answered, was missing there).
			const repeat = state.connection.status === 'disconnected' && state.connection.error === action.error;
			return repeat ? next : withError(next, `disconnected: ${action.error}`, Date.now());
		}

		case 'containers/loaded': {
			if (!action.requested) {
				return pruneGone({...state, containers: action.containers, eventMarks: {seq: state.eventMarks.seq, byId: {}}});
			}

			const {containers, marks} = mergeList(state.containers, state.eventMarks, action.containers, action.requested);
			return pruneGone({...state, containers, eventMarks: marks});
		}

		case 'containers/event': {
			return applyContainerEvent(state, action.event, action.at);
		}

		case 'containers/acted': {
			return applyContainerEvent(state, eventOfAction(action.id, action.verb, Math.floor(action.at / 1000), action.name), action.at);
		}

		case 'stats/loaded': {
			return {...state, stats: {...state.stats, ...action.stats}};
		}

		case 'images/loaded': {
			return {...state, images: action.images};
		}

		case 'networks/loaded': {
			return {...state, networks: action.networks};
		}

		case 'volumes/loaded': {
			// Sizes come from system df, which answers later and less often: keep the last ones.
			const sizes = new Map((state.volumes ?? []).filter(v => v.size !== undefined).map(v => [v.name, v.size!]));
			return {...state, volumes: action.volumes.map(v => (v.size === undefined && sizes.has(v.name) ? {...v, size: sizes.get(v.name)} : v))};
		}

		case 'diskUsage/loaded': {
			const volumes = state.volumes?.map(v => (action.volumeSizes.has(v.name) ? {...v, size: action.volumeSizes.get(v.name)} : v));
			return {...state, diskUsage: action.usage, ...(volumes ? {volumes} : {})};
		}

		case 'sort/cycle': {
			// The Containers pane has an order of its own (running first), which the cycle comes back to.
			return withUi(state, {sort: nextSortColumn(action.columns, ui.sort ?? action.current, ui.pane === 'containers')});
		}

		case 'sort/reverse': {
			return ui.sort ? withUi(state, {sort: {...ui.sort, descending: !ui.sort.descending}}) : state;
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
			return switchPane(state, action.pane);
		}

		case 'pane/cycle': {
			const index = panes.indexOf(ui.pane);
			return switchPane(state, panes[(index + action.delta + panes.length) % panes.length]!);
		}

		case 'showAll/toggle': {
			return withUi(state, {showAll: !ui.showAll});
		}

		case 'filter/open': {
			return withUi(state, {filter: {...ui.filter, open: true, cursor: ui.filter.text.length}});
		}

		case 'filter/edit': {
			const value = applyTextEdit(ui.filter, action.edit);
			const next = withUi(state, {filter: {open: true, ...value}});
			// Issue 12 item 6: a new filter selects its best match, never the row the cursor was on.
			// Emptied, every row is back and the selection stays where it is.
			return value.text === ui.filter.text || value.text.trim() === '' ? next : selectKey(next, filterPick(next, value.text));
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
			if (ui.marks.size === 0) {
				return state;
			}

			const {ids} = action;
			if (!ids) {
				return withUi(state, {marks: new Set()});
			}

			// Marks gathered under other filters were not acted on: they stay (issue 12 item 9).
			const gone = new Set(ids);
			const marks = new Set([...ui.marks].filter(key => !gone.has(key) && !gone.has(key.split('|')[0]!)));
			return marks.size === ui.marks.size ? state : withUi(state, {marks});
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

		case 'overlay/page': {
			return withUi(state, {overlay: {kind: 'page', ...action.page}});
		}

		case 'page/scroll': {
			const {overlay} = ui;
			if (overlay?.kind !== 'page') {
				return state;
			}

			const scroll = Math.min(Math.max(0, overlay.scroll + action.delta), Math.max(0, overlay.lines.length - 1));
			return withUi(state, {overlay: {...overlay, scroll}});
		}

		case 'help/scroll': {
			const {overlay} = ui;
			// The overlay clamps what it draws; here it is only kept from going below zero.
			return overlay?.kind === 'help' ? withUi(state, {overlay: {kind: 'help', scroll: Math.max(0, (overlay.scroll ?? 0) + action.delta)}}) : state;
		}

		case 'confirm/type': {
			const {overlay} = ui;
			if (overlay?.kind !== 'confirm') {
				return state;
			}

			const typed = overlay.typed ?? '';
			const next = applyTextEdit({text: typed, cursor: typed.length}, action.edit).text;
			return withUi(state, {overlay: {...overlay, typed: next}});
		}

		case 'confirm/scroll': {
			const {overlay} = ui;
			if (overlay?.kind !== 'confirm') {
				return state;
			}

			// Clamped to what the dialog shows in the room it has now: the last page is full.
			const text = describeConfirm(overlay.request);
			const typing = overlay.request.typeToConfirm !== undefined;
			const room = tableHeight(state) + 1;
			const {rows, scroll: now} = confirmLayout(text, typing, room, overlay.scroll ?? 0);
			const delta = action.unit === 'page' ? action.delta * Math.max(1, rows - 1) : action.delta;
			const {scroll} = confirmLayout(text, typing, room, now + delta);
			return scroll === now ? state : withUi(state, {overlay: {...overlay, scroll}});
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

		default: return state;
	}
}

/** Parks the focused list's selection, marks, filter and sort, and brings back the new pane's. */
function switchPane(state: AppState, pane: PaneId): AppState {
	const {ui} = state;
	if (pane === ui.pane) {
		return state;
	}

	const current: ListUi = {selectedId: ui.selectedId, cursor: ui.cursor, scrollTop: ui.scrollTop, marks: ui.marks, filter: {...ui.filter, open: false}, sort: ui.sort};
	const next = ui.parked[pane] ?? emptyList;
	return withUi(state, {...next, selectedId: next.selectedId, sort: next.sort, pane, overlay: undefined, parked: {...ui.parked, [ui.pane]: current}});
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
	const keys = selectPaneKeys(state);
	if (keys.length === 0) {
		return state;
	}

	const cursor = Math.min(Math.max(0, index), keys.length - 1);
	return withUi(state, {cursor, selectedId: keys[cursor]!});
}

/** An event changes its row at once and marks it, so a list asked for before it cannot undo it. */
function applyContainerEvent(state: AppState, event: EngineEvent, at: number): AppState {
	if (event.type !== 'container' || !isStateEvent(event)) {
		return state;
	}

	const containers = state.containers ? applyEvent(state.containers, event) : undefined;
	// An event about a row not shown (and not a removal) has nothing for a list to confirm. Before the
	// first list every event is kept: that list may have been asked for before it.
	if (state.containers && !containers && event.action !== 'destroy') {
		return state;
	}

	const seq = state.eventMarks.seq + 1;
	const mark = {seq, at, ...(event.action === 'destroy' ? {gone: true} : {})};
	const next = {...state, ...(containers ? {containers} : {}), eventMarks: {seq, byId: {...state.eventMarks.byId, [event.id]: mark}}};
	return containers && event.action === 'destroy' ? pruneGone(next) : next;
}

/** Selects the row with `key` (by id: the cursor follows it), or leaves the selection to settle. */
function selectKey(state: AppState, key: string | undefined): AppState {
	const cursor = key === undefined ? -1 : selectPaneKeys(state).indexOf(key);
	return cursor === -1 ? state : withUi(state, {cursor, selectedId: key});
}

/** Drops marks and stats of containers that no longer exist (only the Containers list's marks). */
function pruneGone(state: AppState): AppState {
	const ids = new Set(state.containers?.map(c => c.id));
	const stats = Object.fromEntries(Object.entries(state.stats).filter(([id]) => ids.has(id)));
	const {ui} = state;
	const marks = ui.pane === 'containers' ? ui.marks : ui.parked.containers?.marks;
	if (!marks || ![...marks].some(id => !ids.has(id))) {
		return {...state, stats};
	}

	const kept = new Set([...marks].filter(id => ids.has(id)));
	return ui.pane === 'containers'
		? {...state, stats, ui: {...ui, marks: kept}}
		: {...state, stats, ui: {...ui, parked: {...ui.parked, containers: {...ui.parked.containers!, marks: kept}}}};
}

/**
 * Keeps the selection on the same container (by id) whatever moved, falls back to the row where it
 * was when that container is gone or filtered out, and scrolls just enough to keep it on screen.
 */
function settleSelection(state: AppState): AppState {
	const rows = selectPaneKeys(state);
	const {ui} = state;
	let cursor = ui.cursor;
	let selectedId = ui.selectedId;
	// The row under the cursor is checked first: most changes leave the selection where it was.
	const found = selectedId === undefined ? -1 : (rows[cursor] === selectedId ? cursor : rows.indexOf(selectedId));
	if (found === -1) {
		cursor = Math.min(Math.max(0, cursor), Math.max(0, rows.length - 1));
		selectedId = rows[cursor];
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

/** An error line the status bar shows, added to the history (!); kept short: a history, not a log. */
function withError(state: AppState, text: string, at: number): AppState {
	return {...state, errors: [...state.errors, {at, text}].slice(-errorHistory)};
}
