import {confirmLayout} from '../render/confirm-layout.js';
import {describeConfirm} from '../render/confirm-text.js';
import type {Action, ScrollTarget} from './actions.js';
import {detailBottom} from './detail-reducer.js';
import {scrollLogsTo} from './log-reducer.js';
import {logHeight, topIndex} from './log-selectors.js';
import {outputTop, tableHeight} from './selectors.js';
import type {AppState} from './state.js';
import {clampSwitcher} from './switcher.js';
import {moveTo, withUi} from './ui-update.js';

type ScrollAction = Extract<Action, {type: 'scroll'}>;

// Past either end: every target clamps it to its first or last position.
const farthest = Number.MAX_SAFE_INTEGER;

/** The room a dialog gets: the table's lines and its title (as app.tsx lays it out). */
const dialogRoom = (state: AppState) => tableHeight(state) + 1;

/** Rows `target` shows now, as its component draws it. */
export function visibleRows(state: AppState, target: ScrollTarget): number {
	switch (target) {
		case 'logs': return logHeight(state);
		// The help overlay's first line is its title; the switcher's are its title and column names.
		case 'help': return Math.max(1, tableHeight(state) - 1);
		case 'switcher': return Math.max(1, tableHeight(state) - 2);
		// The tasks view's first line is its column titles.
		case 'tasks': return Math.max(1, tableHeight(state) - 1);
		case 'confirm': {
			const overlay = state.ui.overlay;
			return overlay?.kind === 'confirm' ? confirmLayout(describeConfirm(overlay.request), overlay.request.typeToConfirm !== undefined, dialogRoom(state)).rows : 1;
		}

		default: return tableHeight(state);
	}
}

/** The one page-size rule: what the target shows, less one line kept for context. */
export function pageSize(state: AppState, target: ScrollTarget): number {
	return Math.max(1, visibleRows(state, target) - 1);
}

function rowsToMove(state: AppState, action: ScrollAction): number {
	const {by, target} = action;
	if (by === 'top' || by === 'bottom') {
		return by === 'top' ? -farthest : farthest;
	}

	return action.unit === 'page' ? by * pageSize(state, target) : by;
}

/** The scroll action for every target: undefined for any other action. */
export function reduceScroll(state: AppState, action: Action): AppState | undefined {
	if (action.type !== 'scroll') {
		return undefined;
	}

	const delta = rowsToMove(state, action);
	const {ui, logs, detail} = state;
	const {overlay} = ui;
	switch (action.target) {
		case 'list': return moveTo(state, ui.cursor + delta);
		case 'logs': {
			if (!logs) {
				return state;
			}

			// The newest line follows again; up pauses even when nothing moves.
			return action.by === 'bottom'
				? {...state, logs: {...logs, follow: true, unread: 0, dropped: 0}}
				: scrollLogsTo(state, logs, topIndex(logs, logHeight(state)) + delta, delta < 0);
		}

		case 'detail': return detail ? {...state, detail: {...detail, scroll: Math.min(detailBottom(state, detail), Math.max(0, detail.scroll + delta))}} : state;
		case 'page': {
			if (overlay?.kind !== 'page') {
				return state;
			}

			return withUi(state, {overlay: {...overlay, scroll: Math.min(Math.max(0, overlay.scroll + delta), Math.max(0, overlay.lines.length - 1))}});
		}

		// The overlay clamps what it draws; here it is only kept from going below zero.
		case 'help': return overlay?.kind === 'help' ? withUi(state, {overlay: {kind: 'help', scroll: Math.max(0, (overlay.scroll ?? 0) + delta)}}) : state;
		case 'switcher': return overlay?.kind === 'switcher' ? withUi(state, {overlay: {kind: 'switcher', switcher: clampSwitcher({...overlay.switcher, cursor: overlay.switcher.cursor + delta})}}) : state;
		case 'output': return scrollOutput(state, delta);
		case 'confirm': return scrollConfirm(state, delta);
		case 'tasks': return scrollTasks(state, delta);
	}
}

/** The tasks view's first line, clamped so its last page is full. */
function scrollTasks(state: AppState, delta: number): AppState {
	const view = state.swarm?.tasks;
	if (!view) {
		return state;
	}

	const bottom = Math.max(0, (view.tasks?.length ?? 0) - visibleRows(state, 'tasks'));
	return {...state, swarm: {...state.swarm!, tasks: {...view, scroll: Math.min(bottom, Math.max(0, view.scroll + delta))}}};
}

/** Reading back pauses the output; reaching its last line follows new output again. */
function scrollOutput(state: AppState, delta: number): AppState {
	const {overlay} = state.ui;
	if (overlay?.kind !== 'output') {
		return state;
	}

	const height = tableHeight(state);
	const {output} = overlay;
	const bottom = Math.max(0, output.lines.length - height);
	const top = Math.min(bottom, Math.max(0, outputTop(output, height) + delta));
	return withUi(state, {overlay: {kind: 'output', output: {...output, scrollTop: top, follow: top >= bottom}}});
}

/** Clamped to what the dialog shows in the room it has now: the last page is full. */
function scrollConfirm(state: AppState, delta: number): AppState {
	const {overlay} = state.ui;
	if (overlay?.kind !== 'confirm') {
		return state;
	}

	const text = describeConfirm(overlay.request);
	const typing = overlay.request.typeToConfirm !== undefined;
	const now = confirmLayout(text, typing, dialogRoom(state), overlay.scroll ?? 0).scroll;
	const {scroll} = confirmLayout(text, typing, dialogRoom(state), now + delta);
	return scroll === now ? state : withUi(state, {overlay: {...overlay, scroll}});
}
