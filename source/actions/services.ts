import type {Connection} from '../docker/connection.js';
import type {Engine} from '../docker/engine.js';
import type {Command} from '../keys/keymap.js';
import type {Store} from '../store/create-store.js';
import type {ResourceWatcher} from '../store/resource-watcher.js';
import type {AppState} from '../store/state.js';
import type {HandOff} from '../terminal/hand-off.js';

/** Puts another Engine in place of the one in use (run.tsx); `target` is the entry's id. */
export type SwitchEngine = (connection: Connection, target: string) => void;

/**
 * What a command's handler may use: plain values and functions, handed in by the keyboard hook
 * (contexts/ passes its services on; handlers never read React context themselves).
 */
export type CommandServices = {
	readonly store: Store;
	readonly engine: Engine;
	readonly exit: () => void;
	readonly resources?: ResourceWatcher;
	/** Lends the real terminal to a shell in a container (absent in component tests). */
	readonly handOff?: HandOff;
	/** The shell e prefers (--shell or the config). */
	readonly shell?: string;
	/** Puts another Engine in use (absent in component tests). */
	readonly switchEngine?: SwitchEngine;
};

/** What a command does, given the services and the state when its key was pressed. */
export type Handler = (services: CommandServices, state: AppState) => void;

/** A feature's handlers: actions/handlers.ts gathers them and checks that every command has one. */
export type Handlers = Partial<Record<Command, Handler>>;

/** A line in the status bar. */
export function say({store}: CommandServices, text: string, kind: 'info' | 'error' = 'info'): void {
	store.dispatch({type: 'status', status: {kind, text}});
}
