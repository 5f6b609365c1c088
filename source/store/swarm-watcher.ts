import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import {workerNotice, type Swarm} from '../docker/swarm.js';
import type {Store} from './create-store.js';
import {backoffDelay} from './reconnect.js';
import type {AppState} from './state.js';
import {isManager} from './swarm-panes.js';
import {swarmEventTarget, swarmRefreshDelay} from './swarm-refresh.js';

export type SwarmWatcherOptions = {
	/** Coalesces a burst of service and node events into one list. */
	readonly throttleMs?: number;
	/** swarmRefreshDelay's backstop while a service converges, and when all are settled. */
	readonly converging?: number;
	readonly settled?: number;
};

/** What the screen wants listed now: nothing unless the Engine is a manager. */
function wanted(state: AppState) {
	const manager = isManager(state);
	const {pane} = state.ui;
	const tasks = manager && pane === 'services' ? state.swarm?.tasks?.serviceId : undefined;
	return {
		services: manager && (pane === 'services' || state.swarm?.services !== undefined),
		nodes: manager && (pane === 'nodes' || state.swarm?.nodes !== undefined),
		tasks,
		// Only a shown Swarm pane has the backstop: tasks send no events, and idle must cost nothing.
		shown: manager && (pane === 'services' || pane === 'nodes'),
	};
}

/** Follows service and node events while the signal lives, reconnecting with backoff; each event to `onEvent`. */
async function followSwarmEvents(swarm: Swarm, signal: AbortSignal, onEvent: (target: 'services' | 'nodes' | undefined) => void): Promise<void> {
	for (let failures = 0; !signal.aborted; failures++) {
		try {
			// eslint-disable-next-line no-await-in-loop
			for await (const event of swarm.events(signal)) {
				failures = 0;
				onEvent(swarmEventTarget(event));
			}
		} catch {}

		if (signal.aborted) {
			return;
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, backoffDelay(failures)).unref();
		});
		// What changed while the stream was down.
		onEvent(undefined);
	}
}

/**
 * One round of lists: what the screen wants, each sent to the store only when it changed (the
 * backstop mostly finds nothing new, and an unchanged list must cost no frame).
 */
function swarmLister(engine: Engine, swarm: Swarm, store: Store, stopped: () => boolean): () => Promise<void> {
	let lastError = '';
	const signatures = new Map<string, string>();

	const changed = (key: string, value: unknown) => {
		const signature = JSON.stringify(value);
		if (signatures.get(key) === signature) {
			return false;
		}

		signatures.set(key, signature);
		return true;
	};

	const list = async <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
		try {
			return await call();
		} catch (error) {
			const text = `cannot list ${what}: ${describeError(error, engine.host)}`;
			if (text !== lastError && !stopped()) {
				lastError = text;
				store.dispatch({type: 'status', status: {kind: 'error', text}});
			}

			return undefined;
		}
	};

	return async () => {
		const want = wanted(store.getState());
		const [services, nodes, tasks] = await Promise.all([
			want.services ? list('services', async () => swarm.services()) : undefined,
			want.nodes ? list('nodes', async () => swarm.nodes()) : undefined,
			want.tasks ? list('tasks', async () => swarm.tasks(want.tasks!)) : undefined,
		]);
		if (stopped()) {
			return;
		}

		// An unchanged list costs no frame (the backstop mostly finds nothing new).
		if (services && (changed('services', services) || store.getState().swarm?.services === undefined)) {
			store.dispatch({type: 'swarm/services', services});
		}

		if (nodes && (changed('nodes', nodes) || store.getState().swarm?.nodes === undefined)) {
			store.dispatch({type: 'swarm/nodes', nodes});
		}

		if (tasks && want.tasks && (changed(`tasks ${want.tasks}`, tasks) || store.getState().swarm?.tasks?.tasks === undefined)) {
			store.dispatch({type: 'swarm/tasks', serviceId: want.tasks, tasks});
		}
	};
}

/**
 * When the lists run: never two rounds at once (one more after the one in flight), an event's
 * round soon, and on a shown Swarm pane the backstop's round after each (swarmRefreshDelay).
 */
function swarmRounds(listOnce: () => Promise<void>, store: Store, options: SwarmWatcherOptions) {
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let timerAt = 0;
	let inFlight = false;
	let dirty = false;

	const schedule = (delay: number) => {
		// An event comes before the backstop's slower round: the sooner of the two stands.
		if (!stopped && (!timer || Date.now() + delay < timerAt)) {
			clearTimeout(timer);
			timerAt = Date.now() + delay;
			timer = setTimeout(() => {
				timer = undefined;
				void refresh();
			}, delay);
		}
	};

	async function refresh(): Promise<void> {
		if (inFlight) {
			dirty = true;
			return;
		}

		inFlight = true;
		try {
			do {
				dirty = false;
				// eslint-disable-next-line no-await-in-loop
				await listOnce();
			} while (dirty && !stopped);
		} finally {
			inFlight = false;
		}

		const state = store.getState();
		if (wanted(state).shown) {
			schedule(swarmRefreshDelay(state.swarm?.services ?? [], options));
		}
	}

	const cancel = () => {
		clearTimeout(timer);
		timer = undefined;
	};

	return {
		schedule,
		now() {
			cancel();
			void refresh();
		},
		cancel,
		stop() {
			stopped = true;
			cancel();
		},
	};
}

/**
 * Swarm mode, live (issue 17). Asks the Engine's role at each connect (and so after a reconnect; an
 * Engine switch starts a new watcher); a worker gets its notice once. On a manager it follows
 * service and node events and lists services, nodes and the open tasks view again after them, but
 * only the lists pane 6 or 7 has shown; a shown Swarm pane also has the backstop swarmRefreshDelay
 * gives (1 s while a service converges, 10 s when settled), as tasks send no events.
 */
export function startSwarmWatcher(engine: Engine, store: Store, options: SwarmWatcherOptions = {}): () => void {
	const {swarm} = engine;
	if (!swarm) {
		return () => {};
	}

	const throttleMs = options.throttleMs ?? 100;
	let stopped = false;
	let events: AbortController | undefined;
	const lists = swarmRounds(swarmLister(engine, swarm, store, () => stopped), store, options);
	const {schedule, now} = lists;

	const followEvents = () => {
		if (events) {
			return;
		}

		events = new AbortController();
		void followSwarmEvents(swarm, events.signal, () => {
			schedule(throttleMs);
		});
	};

	const askRole = async () => {
		try {
			const role = await swarm.role();
			if (stopped) {
				return;
			}

			const before = store.getState().swarm?.role;
			store.dispatch({type: 'swarm/role', role});
			if (role.kind === 'worker' && JSON.stringify(before) !== JSON.stringify(role)) {
				store.dispatch({type: 'status', status: {kind: 'info', text: workerNotice(role)}});
			}
		} catch {
			// The container watcher says what is wrong with the connection; the next connect asks again.
		}
	};

	let last = {connected: false, key: ''};
	const sync = () => {
		const state = store.getState();
		const connected = state.connection.status === 'connected';
		const want = wanted(state);
		const key = `${state.swarm?.role.kind ?? ''} ${state.ui.pane} ${want.tasks ?? ''}`;
		if (connected && !last.connected) {
			void askRole();
		}

		if (key !== last.key) {
			if (isManager(state)) {
				followEvents();
				now();
			} else {
				events?.abort();
				events = undefined;
				lists.cancel();
			}
		}

		last = {connected, key};
	};

	const unsubscribe = store.subscribe(sync);
	sync();
	return () => {
		stopped = true;
		lists.stop();
		unsubscribe();
		events?.abort();
	};
}
