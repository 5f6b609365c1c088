import type {SuspendTerminal} from 'ink';

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
