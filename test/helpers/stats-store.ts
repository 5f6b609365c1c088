import type {Engine} from '../../source/docker/engine.js';
import {createStore, type Store} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import type {ContainerStats} from '../../source/core/types.js';
import {engineHost} from './engine-paths.js';

/** A store with the Engine's list, filtered to `name`: the stats watcher sees that one row on screen. */
export async function storeShowing(engine: Engine, name: string): Promise<Store> {
	const store = createStore(initialState({host: engineHost, rows: 10}));
	store.dispatch({type: 'engine/connected', info: {host: engineHost}});
	store.dispatch({type: 'containers/loaded', containers: await engine.listContainers()});
	store.dispatch({type: 'edit', target: 'filter', edit: {kind: 'insert', text: name}});
	return store;
}

/** `engine`, but every stats stream it opens is noted in `opened` (by container id). */
export function countingStreams(engine: Engine, opened: string[], overrides: Partial<Engine> = {}): Engine {
	return {
		...engine,
		async stats(id: string, signal: AbortSignal, onSample: (read: () => ContainerStats) => void) {
			opened.push(id);
			return engine.stats(id, signal, onSample);
		},
		...overrides,
	};
}
