import type {Store} from './create-store.js';

export type GatedStore = Store & {
	/** From now on dispatch does nothing. */
	close(): void;
};

/**
 * The store as one Engine's watchers and commands see it. After an Engine switch the old gate is
 * closed, so a late reply of the old Engine (a list, a stats sample, a log line, an action's result)
 * can never put its rows on screen again, whichever code path it comes through.
 */
export function gatedStore(store: Store): GatedStore {
	let open = true;
	return {
		getState: () => store.getState(),
		subscribe: listener => store.subscribe(listener),
		dispatch(action) {
			if (open) {
				store.dispatch(action);
			}
		},
		close() {
			open = false;
		},
	};
}
