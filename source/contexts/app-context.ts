import {createContext, useContext} from 'react';
import type {SwitchEngine} from '../actions/services.js';
import type {HandOff} from '../terminal/hand-off.js';
import type {Engine} from '../docker/engine.js';
import type {Store} from '../store/create-store.js';
import type {ResourceWatcher} from '../store/resource-watcher.js';
import type {Theme} from '../render/theme.js';

export type {Theme} from '../render/theme.js';

export type {HandOff, LentTerminal} from '../terminal/hand-off.js';

export type AppServices = {
	readonly store: Store;
	readonly engine: Engine;
	readonly theme: Theme;
	/** Absent in component tests: the Images, Networks and Volumes lists then stay as the store has them. */
	readonly resources?: ResourceWatcher;
	/** Absent where there is no real terminal to lend (component tests); e then says so. */
	readonly handOff?: HandOff;
	/** The shell e prefers: --shell, else the config's. */
	readonly shell?: string;
	/** Puts another Engine in use (the switcher, :); absent in component tests. */
	readonly switchEngine?: SwitchEngine;
};

export const AppContext = createContext<AppServices | undefined>(undefined);

export function useServices(): AppServices {
	const services = useContext(AppContext);
	if (!services) {
		throw new Error('useServices outside <AppContext.Provider>');
	}

	return services;
}
