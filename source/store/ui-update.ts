import {selectPaneKeys} from './selectors.js';
import type {AppState} from './state.js';

/** How many errors the history (!) keeps. */
export const errorHistory = 50;

export function withUi(state: AppState, patch: Partial<AppState['ui']>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

/** An error line the status bar shows, added to the history (!); kept short: a history, not a log. */
export function withError(state: AppState, text: string, at: number): AppState {
	return {...state, errors: [...state.errors, {at, text}].slice(-errorHistory)};
}

/** Puts the focused list's cursor on row `index`, clamped to the rows there are. */
export function moveTo(state: AppState, index: number): AppState {
	const keys = selectPaneKeys(state);
	if (keys.length === 0) {
		return state;
	}

	const cursor = Math.min(Math.max(0, index), keys.length - 1);
	return withUi(state, {cursor, selectedId: keys[cursor]!});
}

/** Selects the row with `key` (by id: the cursor follows it), or leaves the selection to settle. */
export function selectKey(state: AppState, key: string | undefined): AppState {
	const cursor = key === undefined ? -1 : selectPaneKeys(state).indexOf(key);
	return cursor === -1 ? state : withUi(state, {cursor, selectedId: key});
}
