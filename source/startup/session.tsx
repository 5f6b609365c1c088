import {type Instance, render} from 'ink';
import {App} from '../panes/app.js';
import type {SwitchEngine} from '../actions/switcher.js';
import type {AppServices, HandOff} from '../contexts/app-context.js';
import {createEngine, type Engine} from '../docker/engine.js';
import {connectOverSsh} from '../docker/ssh-tunnel.js';
import type {Connection} from '../docker/connection.js';
import type {Store} from '../store/create-store.js';
import {gatedStore} from '../store/gated-store.js';
import {rememberHost} from '../config/hosts-history.js';
import type {Settings} from '../config/settings.js';
import {leaveForShell, returnFromShell} from '../terminal/terminal.js';
import {count, tracing} from '../core/trace.js';
import {type LiveWatchers, startLiveWatchers} from './live-watchers.js';

/** The running UI: the Engine in use, its watchers, Ink, and whether the terminal is lent to a shell. */
export type Session = {
	engine: Engine;
	/** One gate per Engine: closed at a switch, so nothing of the old Engine reaches the store after it. */
	gate: ReturnType<typeof gatedStore>;
	live?: LiveWatchers;
	/** Set while the terminal is lent to a shell. */
	away?: AbortController;
	quitting: boolean;
	instance?: Instance;
	readonly store: Store;
	readonly settings: Settings;
};

export function startWatchers(session: Session): void {
	session.live = startLiveWatchers(session.engine, session.gate, {refresh: session.settings.refresh, color: session.settings.theme.color});
}

export function stopWatchers(session: Session): void {
	session.live?.stop();
	session.live = undefined;
}

/**
 * Lends the terminal to a shell in a container: Ink suspends (it erases its frame, lets go of raw
 * mode and stdin, draws nothing), the watchers stop, and afterwards Ink draws the whole frame again
 * from the same store.
 */
function handOffFor(session: Session): HandOff {
	const {stdin, stdout} = process;
	return async (task, suspend) => {
		// Quitting (q pressed while the shell was starting), or already lent: the task never runs.
		if (session.away || session.quitting || !suspend) {
			throw new Error(session.quitting ? 'tsdtop is quitting' : (suspend ? 'the terminal is already lent' : 'no terminal to lend'));
		}

		const lent = new AbortController();
		session.away = lent;
		stopWatchers(session);
		try {
			await suspend(async () => {
				leaveForShell(stdout);
				try {
					await task({stdin, stdout, signal: lent.signal});
				} finally {
					// The alternate screen again, cleared, every mode the shell may have changed put back;
					// Ink then draws the whole frame (not when quitting: the restore is on its way).
					if (!session.quitting) {
						returnFromShell(stdout);
					}
				}
			});
		} finally {
			session.away = undefined;
			if (!session.quitting) {
				startWatchers(session);
			}
		}
	};
}

/**
 * The same store and the same Ink: the old Engine's watchers stop, the new one's start, every pane
 * reloads. An Engine that does not answer shows "disconnected, retrying", and : switches back.
 */
function switchTo(session: Session, next: Connection, target: Parameters<SwitchEngine>[1]): void {
	if (session.away || session.quitting) {
		return;
	}

	stopWatchers(session);
	session.gate.close();
	session.gate = gatedStore(session.store);
	session.engine = createEngine(next);
	// No origin: a context's label names it, and a host is its own name.
	session.store.dispatch({type: 'engine/switched', host: session.engine.host, target});
	startWatchers(session);
	session.instance?.rerender(<App services={services(session)}/>);
	// A host picked here goes to the front of the history once it answers, as a --host would.
	if (next.source === '--host') {
		const picked = session.engine;
		picked.info().then(() => {
			if (picked === session.engine) {
				rememberHost(next.label);
			}
		}, () => undefined);
	}
}

/**
 * The switcher's choice. An ssh:// Engine logs in first (cli.tsx does the same at start): the old
 * Engine stays in use until the login has worked, and a refused one is a line in the status bar.
 */
function switchEngineFor(session: Session): SwitchEngine {
	return (next, target) => {
		if (!next.ssh) {
			switchTo(session, next, target);
			return;
		}

		session.store.dispatch({type: 'status', status: {kind: 'progress', text: `logging in to ${next.label}...`}});
		connectOverSsh(next).then(ready => {
			session.store.dispatch({type: 'status'});
			switchTo(session, ready, target);
		}, (error: unknown) => {
			session.store.dispatch({type: 'status', status: {kind: 'error', text: (error as Error).message}});
		});
	};
}

function services(session: Session): AppServices {
	const {settings, live} = session;
	return {
		store: session.gate,
		engine: session.engine,
		theme: settings.theme,
		handOff: handOffFor(session),
		switchEngine: switchEngineFor(session),
		...(live ? {resources: live.resources} : {}),
		...(settings.shell ? {shell: settings.shell} : {}),
	};
}

/** Starts the watchers and draws the UI with Ink. */
export function mount(session: Session): Instance {
	startWatchers(session);
	session.instance = render(<App services={services(session)}/>, {
		exitOnCtrlC: false,
		patchConsole: true,
		// Only changed lines go to the terminal: over SSH a key press costs a line, not a screen
		// (and with scripts/patches, lines that moved are moved by the terminal).
		incrementalRendering: true,
		// cli.tsx has checked that both ends are a TTY: draw even when CI is set (Ink would not).
		interactive: true,
		...(tracing ? {onRender: () => count('frame')} : {}),
	});
	return session.instance;
}
