import type {SuspendTerminal} from 'ink';
import {createContext, useContext} from 'react';
import type {SwitchEngine} from '../actions/switcher.js';
import type {Engine} from '../docker/engine.js';
import type {Store} from '../store/create-store.js';
import type {ResourceWatcher} from '../store/resource-watcher.js';
import type {Theme} from '../render/theme.js';

export type {Theme} from '../render/theme.js';

/** The real terminal, lent to a task (a shell in a container) while tsdtop's own screen is put away. */
export type LentTerminal = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	/** Aborts when tsdtop must quit (SIGTERM, SIGHUP) while the task has the terminal. */
	readonly signal: AbortSignal;
};

/**
 * Puts tsdtop's screen away (Ink suspended, watchers stopped, normal screen), runs the task with the
 * terminal, then brings everything back from the store: same pane, selection, filter and scroll.
 * `suspend` is Ink's suspendTerminal (only a component can reach it: useKeyboard passes it on).
 */
export type HandOff = (task: (terminal: LentTerminal) => Promise<void>, suspend?: SuspendTerminal) => Promise<void>;

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
