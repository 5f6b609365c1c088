import type {Action} from './actions.js';
import {reducer} from './reducer.js';
import type {AppState} from './state.js';
import {count, tracing} from '../core/trace.js';

export type Store = {
	getState(): AppState;
	dispatch(action: Action): void;
	/** Calls the listener after every change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
};

/** A minimal external store: React reads it with useSyncExternalStore, the watchers outside React write to it. */
export function createStore(initial: AppState): Store {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		dispatch(action) {
			if (tracing) {
				count(`dispatch ${action.type}`);
			}

			const next = reducer(state, action);
			if (next === state) {
				return;
			}

			state = next;
			for (const listener of listeners) {
				listener();
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
