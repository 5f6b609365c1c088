import {type Instance, render} from 'ink';
import {App} from '../panes/app.js';
import type {SwitchEngine} from '../actions/switcher.js';
import type {AppServices, HandOff, LentTerminal} from '../contexts/app-context.js';
import type {Connection} from '../docker/connection.js';
import {createEngine, toEngineInfo} from '../docker/engine.js';
import {connectOverSsh} from '../docker/ssh-tunnel.js';
import {describeError} from '../docker/errors.js';
import {mapContainers} from '../docker/map-container.js';
import type {Prefetch} from '../docker/prefetch.js';
import {createStore} from '../store/create-store.js';
import {gatedStore} from '../store/gated-store.js';
import {rememberHost} from '../config/hosts-history.js';
import {holdYoungGeneration} from './heap.js';
import {startState} from './start-state.js';
import {type ResourceWatcher, startResourceWatcher} from '../store/resource-watcher.js';
import {startDetailWatcher} from '../store/detail-watcher.js';
import {startLogWatcher} from '../store/log-watcher.js';
import {startStatsWatcher} from '../store/stats-watcher.js';
import {startWatcher} from '../store/watcher.js';
import {enterFullScreen, leaveForShell, restoreTerminal, returnFromShell} from '../terminal/terminal.js';
import {installKeymap} from '../keys/keymap.js';
import type {Settings} from '../config/settings.js';
import {count, mark, reportTrace, tracing} from '../core/trace.js';

export type RunOptions = Settings & {
	readonly connection: Connection;
	/** The first answers, asked for before this module loaded (see prefetch.ts). */
	readonly early?: Prefetch;
	readonly showAll: boolean;
	readonly readOnly?: boolean;
};

/** Connects, draws the UI until the person quits, and restores the terminal. Resolves to the exit code. */
export async function run(options: RunOptions): Promise<number> {
	const {stdout, stdin} = process;
	// The config file's remapped keys: the one table in use from here on (help and footer read it too).
	if (options.keymap) {
		installKeymap(options.keymap);
	}

	const color = options.theme.color;
	const {refresh} = options;
	const {connection} = options;
	// Another one when the person picks another Engine in the switcher (:).
	let engine = createEngine(connection);
	const {early} = options;
	const firstList = early ? early.containers.then(list => mapContainers(list)) : engine.listContainers();
	// Handled below; without this a failed list is an unhandled rejection before info() settles.
	firstList.catch(() => undefined);
	const firstInfo = early ? early.version.then(version => toEngineInfo(engine.host, version)) : engine.info();
	firstInfo.catch(() => undefined);
	let info;
	try {
		// Podman's GET /version takes seconds (it gathers all of `podman info`), its container list
		// a few ms: the first frame waits for whichever comes first (for the version only if the list
		// failed), and the header's version follows when it comes.
		info = await Promise.race([firstInfo, firstList.then(() => undefined, async () => firstInfo)]);
	} catch (error) {
		console.error(`tsdtop: ${describeError(error, engine.host)}`);
		return 1;
	}

	// Only a --host that answered goes into the switcher's history.
	if (connection.source === '--host') {
		rememberHost(connection.label);
	}

	const store = createStore(startState({
		connection,
		showAll: options.showAll,
		...(options.readOnly === undefined ? {} : {readOnly: options.readOnly}),
		columns: stdout.columns,
		rows: stdout.rows,
		settings: options,
	}));
	store.dispatch({type: 'engine/connected', info: info ?? {host: engine.host}});
	if (!info) {
		// A failure here shows up in the watcher, which asks again after a reconnect.
		firstInfo.then(info => {
			store.dispatch({type: 'engine/connected', info});
		}, () => undefined);
	}
	try {
		store.dispatch({type: 'containers/loaded', containers: await firstList});
	} catch {
		// The watcher lists again and reports trouble in the status bar.
	}

	mark('listed');

	// A followed log is where the heap would grow (see heap.ts); the store says when one is open.
	store.subscribe(() => {
		holdYoungGeneration(store.getState().logs !== undefined);
	});

	// Node prints warnings (deprecations, listener leaks) to stderr, over the UI.
	process.removeAllListeners('warning');
	process.noDeprecation = true;

	enterFullScreen(stdout);
	const restore = () => {
		restoreTerminal(stdout, stdin);
	};

	// The terminal can be lent to a shell in a container: Ink suspends (it erases its frame, lets go
	// of raw mode and stdin, draws nothing), the watchers stop, and afterwards Ink draws the whole
	// frame again from the same store.
	let away: AbortController | undefined;
	let quitting = false;
	let instance!: Instance;
	let stopWatchers = () => {};
	// One gate per Engine: closed at a switch, so nothing of the old Engine reaches the store after it.
	let gate = gatedStore(store);
	let resources: ResourceWatcher | undefined;
	const stopLive = () => {
		stopWatchers();
		stopWatchers = () => {};
	};

	const handOff: HandOff = async (task, suspend) => {
		// Quitting (q pressed while the shell was starting), or already lent: the task never runs.
		if (away || quitting || !suspend) {
			throw new Error(quitting ? 'tsdtop is quitting' : (suspend ? 'the terminal is already lent' : 'no terminal to lend'));
		}

		const lent = new AbortController();
		away = lent;
		stopLive();
		try {
			await suspend(async () => {
				leaveForShell(stdout);
				try {
					await task({stdin, stdout, signal: lent.signal});
				} finally {
					// The alternate screen again, cleared, every mode the shell may have changed put back;
					// Ink then draws the whole frame (not when quitting: the restore is on its way).
					if (!quitting) {
						returnFromShell(stdout);
					}
				}
			});
		} finally {
			away = undefined;
			if (!quitting) {
				startWatchers();
			}
		}
	};

	const startWatchers = () => {
		const live = startResourceWatcher(engine, gate, refresh?.events === undefined ? {} : {throttleMs: refresh.events});
		resources = live;
		const stopWatcher = startWatcher(engine, gate, {
			...(refresh?.events === undefined ? {} : {throttleMs: refresh.events}),
			...(refresh?.poll === undefined ? {} : {backstopMs: refresh.poll * 1000}),
		});
		// "stats": false reads no cgroup files and opens no stats streams at all (a slow link, or many containers).
		const stopStats = refresh?.stats === false ? () => {} : startStatsWatcher(engine, gate, refresh?.stats === undefined ? undefined : refresh.stats * 1000);
		const stopLogs = startLogWatcher(engine, gate, {color});
		const stopDetail = startDetailWatcher(engine, gate);
		stopWatchers = () => {
			stopWatcher();
			stopStats();
			live.stop();
			stopLogs();
			stopDetail();
		};
	};

	let switchEngine: SwitchEngine | undefined;
	const services = (): AppServices => ({
		store: gate, engine, theme: options.theme, handOff, ...(resources ? {resources} : {}), ...(options.shell ? {shell: options.shell} : {}), ...(switchEngine ? {switchEngine} : {}),
	});

	// The same store and the same Ink: the old Engine's watchers stop, the new one's start, every pane
	// reloads. An Engine that does not answer shows "disconnected, retrying", and : switches back.
	const switchTo: SwitchEngine = (next, target) => {
		if (away || quitting) {
			return;
		}

		stopWatchers();
		gate.close();
		gate = gatedStore(store);
		engine = createEngine(next);
		// No origin: a context's label names it, and a host is its own name.
		store.dispatch({type: 'engine/switched', host: engine.host, target});
		startWatchers();
		instance.rerender(<App services={services()}/>);
		// A host picked here goes to the front of the history once it answers, as a --host would.
		if (next.source === '--host') {
			const picked = engine;
			picked.info().then(() => {
				if (picked === engine) {
					rememberHost(next.label);
				}
			}, () => undefined);
		}
	};

	// An ssh:// Engine logs in first (cli.tsx does the same at start): the old Engine stays in use
	// until the login has worked, and a refused one is a line in the status bar.
	switchEngine = (next, target) => {
		if (!next.ssh) {
			switchTo(next, target);
			return;
		}

		store.dispatch({type: 'status', status: {kind: 'progress', text: `logging in to ${next.label}...`}});
		connectOverSsh(next).then(ready => {
			store.dispatch({type: 'status'});
			switchTo(ready, target);
		}, (error: unknown) => {
			store.dispatch({type: 'status', status: {kind: 'error', text: (error as Error).message}});
		});
	};

	const mount = () => {
		startWatchers();
		instance = render(<App services={services()}/>, {
			exitOnCtrlC: false,
			patchConsole: true,
			// Only changed lines go to the terminal: over SSH a key press costs a line, not a screen
			// (and with scripts/patches, lines that moved are moved by the terminal).
			incrementalRendering: true,
			// cli.tsx has checked that both ends are a TTY: draw even when CI is set (Ink would not).
			interactive: true,
			...(tracing ? {onRender: () => count('frame')} : {}),
		});
	};

	mount();
	mark('drawn');

	const onSignal = () => {
		quitting = true;
		away?.abort();
		instance.unmount();
	};

	const onCrash = (error: unknown) => {
		try {
			instance.unmount();
		} catch {}

		restore();
		console.error(`tsdtop crashed: ${describeError(error, engine.host)}`);
		process.exit(70);
	};

	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	try {
		// q, Ctrl+C or a signal: the person is done.
		await instance.waitUntilExit();
		quitting = true;
		return 0;
	} catch (error) {
		onCrash(error);
		return 70;
	} finally {
		stopLive();
		restore();
		// After the restore: on the alternate screen it would vanish with it.
		reportTrace();
		// Open sockets (events, stats) must not keep the process alive after the UI is gone.
		setTimeout(() => process.exit(process.exitCode ?? 0), 50).unref();
	}
}
