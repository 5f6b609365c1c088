import {isSplit} from '../store/log-selectors.js';
import type {AppState} from '../store/state.js';
import {paneScopes, type Scope} from './keymap.js';

// The same array for the same scopes: React's useSyncExternalStore needs a stable snapshot.
const interned = new Map<string, readonly Scope[]>();
function intern(scopes: readonly Scope[]): readonly Scope[] {
	const key = scopes.join(' ');
	let found = interned.get(key);
	if (!found) {
		found = scopes;
		interned.set(key, found);
	}

	return found;
}

/** Scopes of what has focus, ignoring overlays: the help overlay lists these. */
export function focusScopes(state: AppState): readonly Scope[] {
	return intern(focusOf(state));
}

function focusOf(state: AppState): readonly Scope[] {
	if (state.ui.pane !== 'containers') {
		return paneScopes(state.ui.pane);
	}

	if (state.detail) {
		return ['detail', 'global'];
	}

	if (state.logs) {
		if (isSplit(state)) {
			return state.ui.focus === 'logs' ? ['split', 'logs', 'global'] : ['split', ...paneScopes('containers')];
		}

		return ['logs', 'global'];
	}

	return paneScopes(state.ui.pane);
}

/** Scopes searched, in order, for the next key. */
export function activeScopes(state: AppState): readonly Scope[] {
	return intern(activeOf(state));
}

function activeOf(state: AppState): readonly Scope[] {
	const {overlay} = state.ui;
	if (state.ui.prompt) {
		return ['prompt'];
	}

	if (overlay?.kind === 'output') {
		return ['output'];
	}

	if (overlay?.kind === 'confirm') {
		return ['confirm'];
	}

	if (overlay?.kind === 'help') {
		return ['help'];
	}

	if (overlay?.kind === 'page') {
		return ['page'];
	}

	if (overlay?.kind === 'switcher') {
		return overlay.switcher.filter.open ? ['switcherfilter'] : ['switcher'];
	}

	if (state.ui.filter.open) {
		return ['filter'];
	}

	if (state.detail?.input && state.ui.pane === 'containers') {
		return ['detailsearch'];
	}

	return state.logs?.input && focusScopes(state).includes('logs') ? ['logsearch'] : focusScopes(state);
}
