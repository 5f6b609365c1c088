import type {Connection} from '../docker/connection.js';
import {createEngine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import type {Prefetch} from '../docker/prefetch.js';
import {createStore, type Store} from '../store/create-store.js';
import {gatedStore} from '../store/gated-store.js';
import {rememberHost} from '../config/hosts-history.js';
import type {Settings} from '../config/settings.js';
import {enterFullScreen, restoreTerminal} from '../terminal/terminal.js';
import {installKeymap} from '../keys/keymap.js';
import {mark, reportTrace} from '../core/trace.js';
import {holdYoungGeneration} from './heap.js';
import {heapTick, isActivity, noteActivity} from './heap-reducer.js';
import {startState} from './start-state.js';
import {type FirstAnswers, firstAnswers} from './first-answers.js';
import {mount, type Session, stopWatchers} from './session.js';

export type RunOptions = Settings & {
	readonly connection: Connection;
	/** The first answers, asked for before this module loaded (see prefetch.ts). */
	readonly early?: Prefetch;
	readonly showAll: boolean;
	readonly readOnly?: boolean;
};

/** Connects, draws the UI until the person quits, and restores the terminal. Resolves to the exit code. */
export async function run(options: RunOptions): Promise<number> {
	// The config file's remapped keys: the one table in use from here on (help and footer read it too).
	if (options.keymap) {
		installKeymap(options.keymap);
	}

	const {connection} = options;
	// Another one when the person picks another Engine in the switcher (:).
	const engine = createEngine(connection);
	let answers: FirstAnswers;
	try {
		answers = await firstAnswers(engine, options.early);
	} catch (error) {
		console.error(`tsdtop: ${describeError(error, engine.host)}`);
		return 1;
	}

	// Only a --host that answered goes into the switcher's history.
	if (connection.source === '--host') {
		rememberHost(connection.label);
	}

	const store = await firstStore(options, engine.host, answers);
	mark('listed');
	// A followed log is where the heap would grow (see heap.ts); the store says when one is open.
	// Its changes are also the memory reducer's ticks (heap-reducer.ts): no timer of its own.
	let previous = store.getState();
	store.subscribe(() => {
		const state = store.getState();
		holdYoungGeneration(state.logs !== undefined);
		if (isActivity(previous, state)) {
			noteActivity();
		}

		previous = state;
		heapTick();
	});

	// Node prints warnings (deprecations, listener leaks) to stderr, over the UI.
	process.removeAllListeners('warning');
	process.noDeprecation = true;
	enterFullScreen(process.stdout);
	const session: Session = {engine, gate: gatedStore(store), quitting: false, store, settings: options};
	mount(session);
	mark('drawn');
	return untilQuit(session);
}

/** The store as the first frame shows it: the version (or what is known of the Engine) and the list. */
async function firstStore(options: RunOptions, host: string, {info, firstInfo, firstList}: FirstAnswers): Promise<Store> {
	const store = createStore(startState({
		connection: options.connection,
		showAll: options.showAll,
		...(options.readOnly === undefined ? {} : {readOnly: options.readOnly}),
		columns: process.stdout.columns,
		rows: process.stdout.rows,
		settings: options,
	}));
	store.dispatch({type: 'engine/connected', info: info ?? {host}});
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

	return store;
}

/** Waits for q, Ctrl+C or a signal, then stops the watchers and restores the terminal. Resolves to the exit code. */
async function untilQuit(session: Session): Promise<number> {
	const restore = () => {
		restoreTerminal(process.stdout, process.stdin);
	};

	const onSignal = () => {
		session.quitting = true;
		session.away?.abort();
		session.instance?.unmount();
	};

	const onCrash = (error: unknown) => {
		try {
			session.instance?.unmount();
		} catch {}

		restore();
		console.error(`tsdtop crashed: ${describeError(error, session.engine.host)}`);
		process.exit(70);
	};

	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	try {
		await session.instance!.waitUntilExit();
		session.quitting = true;
		return 0;
	} catch (error) {
		onCrash(error);
		return 70;
	} finally {
		stopWatchers(session);
		restore();
		// After the restore: on the alternate screen it would vanish with it.
		reportTrace();
		// Open sockets (events, stats) must not keep the process alive after the UI is gone.
		setTimeout(() => process.exit(process.exitCode ?? 0), 50).unref();
	}
}
