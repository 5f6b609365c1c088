import {createContext, useContext} from 'react';
import type {Engine} from '../docker/engine.js';
import type {Store} from '../store/create-store.js';
import type {ResourceWatcher} from '../store/resource-watcher.js';

export type Theme = {
	/** False under NO_COLOR: no colours at all, only bold, dim and inverse. */
	readonly color: boolean;
};

export type AppServices = {
	readonly store: Store;
	readonly engine: Engine;
	readonly theme: Theme;
	/** Absent in component tests: the Images, Networks and Volumes lists then stay as the store has them. */
	readonly resources?: ResourceWatcher;
};

export const AppContext = createContext<AppServices | undefined>(undefined);

export function useServices(): AppServices {
	const services = useContext(AppContext);
	if (!services) {
		throw new Error('useServices outside <AppContext.Provider>');
	}

	return services;
}
