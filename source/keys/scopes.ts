import {isSplit} from '../store/log-selectors.js';
import type {AppState} from '../store/state.js';
import type {EditTarget, ScrollTarget} from '../store/actions.js';
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
	const swarm = swarmFocus(state);
	if (swarm) {
		return swarm;
	}

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

/** Scopes searched, in order, for the next key: what is open or typed into first, then `always`. */
export function activeScopes(state: AppState): readonly Scope[] {
	return intern([...activeOf(state), 'always']);
}

function activeOf(state: AppState): readonly Scope[] {
	const {overlay} = state.ui;
	if (state.ui.prompt) {
		return ['prompt', 'edit'];
	}

	if (state.pulls.input) {
		return ['pullprompt', 'edit'];
	}

	switch (overlay?.kind) {
		case 'output':
		case 'help':
		case 'page': {
			return [overlay.kind];
		}

		case 'confirm': {
			// A volume dialog wants a word typed: keys are text until Enter or Esc.
			return overlay.request.typeToConfirm === undefined ? ['confirm'] : ['confirmtype', 'edit'];
		}

		case 'switcher': {
			return overlay.switcher.filter.open ? ['switcherfilter', 'edit'] : ['switcher'];
		}

		default:
	}

	if (state.ui.filter.open) {
		return ['filter', 'edit'];
	}

	if (state.swarm?.scale && state.ui.pane === 'services') {
		return ['replicas', 'edit'];
	}

	if (state.detail?.input && state.ui.pane === 'containers') {
		return ['detailsearch', 'edit'];
	}

	return state.logs?.input && focusScopes(state).includes('logs') ? ['logsearch', 'edit'] : focusScopes(state);
}

/** What the scroll keys move now: the first scope that scrolls, of those searched for a key. */
export function scrollTarget(state: AppState): ScrollTarget | undefined {
	for (const scope of activeScopes(state)) {
		const target = scrollTargets[scope];
		if (target) {
			return target;
		}
	}

	return undefined;
}

/** The line the edit keys change now, if one is open. */
export function editTarget(state: AppState): EditTarget | undefined {
	return editTargets[activeScopes(state)[0]!];
}

/** The Services pane's tasks view and its log pane (issue 17); undefined elsewhere. */
function swarmFocus(state: AppState): readonly Scope[] | undefined {
	if (state.ui.pane !== 'services') {
		return undefined;
	}

	if (state.logs?.kind === 'service') {
		return ['logs', 'global'];
	}

	return state.swarm?.tasks ? ['tasks', 'global'] : undefined;
}

const scrollTargets: Partial<Record<Scope, ScrollTarget>> = {
	tasks: 'tasks',
	list: 'list', logs: 'logs', detail: 'detail', page: 'page', output: 'output', help: 'help',
	switcher: 'switcher', switcherfilter: 'switcher', confirm: 'confirm', confirmtype: 'confirm',
};

const editTargets: Partial<Record<Scope, EditTarget>> = {
	filter: 'filter', logsearch: 'logsearch', detailsearch: 'detailsearch', prompt: 'prompt', switcherfilter: 'switcherfilter', confirmtype: 'confirm', replicas: 'replicas',
	pullprompt: 'pull',
};
