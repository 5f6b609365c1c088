import {useSyncExternalStore} from 'react';
import {useServices} from '../contexts/app-context.js';
import type {AppState} from '../store/state.js';

/** Subscribes a component to one slice of the state; it re-renders only when that slice changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
	const {store} = useServices();
	return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
