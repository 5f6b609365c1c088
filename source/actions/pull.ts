import type {PullProgress} from '../docker/pull-progress.js';
import {pullOutcomeText} from '../render/update-status.js';
import {selectResourceRows} from '../store/resource-selectors.js';
import type {AppState} from '../store/state.js';
import type {Image} from '../core/types.js';
import {say, type CommandServices, type Handlers} from './services.js';
import {throttle} from './throttle.js';

let nextPull = 0;

/** The tag P offers: the selected row's, or nothing for a dangling image (the person types one). */
export function pullSuggestion(state: AppState): string {
	const image = selectResourceRows(state, 'images').find(row => (row as Image).rowId === state.ui.selectedId) as Image | undefined;
	return image && !image.dangling ? image.tag : '';
}

/**
 * Pulls `reference` while the person keeps working: the panel above the status bar shows each layer
 * (at most ten updates a second), then one line says what happened. The Images list follows from
 * the Engine's image events (store/resource-watcher.ts).
 */
export async function runPull({engine, store}: CommandServices, reference: string): Promise<void> {
	nextPull += 1;
	const id = nextPull;
	store.dispatch({type: 'pull/started', id, reference});
	const progress = throttle((value: PullProgress) => {
		store.dispatch({type: 'pull/progress', id, progress: value});
	});
	try {
		const result = await engine.updates.pull(reference, {onProgress: progress});
		store.dispatch({type: 'status', status: {kind: result.kind === 'error' ? 'error' : 'success', text: pullOutcomeText(result)}});
	} finally {
		progress.cancel();
		store.dispatch({type: 'pull/finished', id});
	}
}

/** P, and the reference line it opens. */
export const pullHandlers = {
	'image.pull'(services, state) {
		if (state.pulls.running) {
			return say(services, `a pull of ${state.pulls.running.reference} is under way: one at a time`, 'error');
		}

		services.store.dispatch({type: 'pull/input', text: pullSuggestion(state)});
	},
	'pull.start'(services, state) {
		const reference = state.pulls.input?.text.trim() ?? '';
		services.store.dispatch({type: 'pull/input/close'});
		if (!reference) {
			return say(services, 'nothing to pull: type an image reference, e.g. busybox:latest', 'error');
		}

		if (state.pulls.running) {
			return say(services, `a pull of ${state.pulls.running.reference} is under way: one at a time`, 'error');
		}

		void runPull(services, reference);
	},
	'pull.cancel': ({store}) => store.dispatch({type: 'pull/input/close'}),
} satisfies Handlers;
