import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import type {Store} from './create-store.js';
import {backoffDelay} from './reconnect.js';
import {isResourcePane, type ResourcePane} from './resource-selectors.js';

const kindOfEvent: Readonly<Record<string, ResourcePane>> = {image: 'images', network: 'networks', volume: 'volumes'};

/**
 * Image, network and volume events until the signal aborts, each handed to `onEvent` as the pane it
 * concerns; a broken stream is followed again after a growing wait, and `onReconnect` then lists
 * again what may have changed meanwhile. The container watcher reports the connection; this one
 * only retries.
 */
async function followResourceEvents(engine: Engine, signal: AbortSignal, onEvent: (kind: ResourcePane | undefined) => void, onReconnect: () => void): Promise<void> {
	for (let failures = 0; !signal.aborted; failures++) {
		try {
			// eslint-disable-next-line no-await-in-loop
			for await (const event of engine.events(signal, ['image', 'network', 'volume'])) {
				onEvent(kindOfEvent[event.type]);
			}
		} catch {}

		if (signal.aborted) {
			return;
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, backoffDelay(failures)).unref();
		});
		onReconnect();
	}
}

/** Lists a resource pane's kind, or the disk usage, into the store; a failed list says so in the status bar. */
function resourceLoaders(engine: Engine, store: Store) {
	const load = async (kind: ResourcePane) => {
		try {
			if (kind === 'images') {
				store.dispatch({type: 'images/loaded', images: await engine.listImages()});
			} else if (kind === 'networks') {
				store.dispatch({type: 'networks/loaded', networks: await engine.listNetworks()});
			} else {
				store.dispatch({type: 'volumes/loaded', volumes: await engine.listVolumes()});
			}
		} catch (error) {
			store.dispatch({type: 'status', status: {kind: 'error', text: `cannot list ${kind}: ${describeError(error, engine.host)}`}});
		}
	};

	const loadDiskUsage = async () => {
		try {
			const {usage, volumeSizes} = await engine.diskUsage();
			store.dispatch({type: 'diskUsage/loaded', usage, volumeSizes});
		} catch {
			// The header keeps the last figures; a list error already says what is wrong.
		}
	};

	return {load, loadDiskUsage};
}

/**
 * Loads the Images, Networks and Volumes lists the first time their pane is shown, then keeps the
 * loaded ones live from the Engine's image, network and volume events. `docker system df` is slow
 * (it sizes every volume), so it is asked for only while a resource pane is shown, and at most every
 * few seconds. The shown pane is also listed again every backstopMs: Podman (4.3) sends no network
 * events at all, and a list costs a few ms. Returns the function that stops it, and a refresh for
 * after an action.
 */
export function startResourceWatcher(engine: Engine, store: Store, options: {readonly throttleMs?: number; readonly diskUsageMs?: number; readonly backstopMs?: number} = {}) {
	const throttleMs = options.throttleMs ?? 100;
	const diskUsageMs = options.diskUsageMs ?? 3000;
	const backstopMs = options.backstopMs ?? 10_000;
	let stopped = false;
	const timers = new Map<ResourcePane | 'df', NodeJS.Timeout>();
	const controller = new AbortController();

	const {load, loadDiskUsage} = resourceLoaders(engine, store);

	const schedule = (kind: ResourcePane | 'df', delay: number) => {
		if (stopped || timers.has(kind)) {
			return;
		}

		timers.set(kind, setTimeout(() => {
			timers.delete(kind);
			void (kind === 'df' ? loadDiskUsage() : load(kind));
		}, delay));
	};

	const isLoaded = (kind: ResourcePane) => store.getState()[kind] !== undefined;
	const onResourcePane = () => isResourcePane(store.getState().ui.pane);

	let lastPane = store.getState().ui.pane;
	const unsubscribe = store.subscribe(() => {
		const {pane} = store.getState().ui;
		if (pane === lastPane) {
			return;
		}

		lastPane = pane;
		if (isResourcePane(pane)) {
			if (!isLoaded(pane)) {
				void load(pane);
			}

			schedule('df', 0);
		}
	});

	// Started on a resource pane (the config file's "pane", or after an Engine switch): no pane change
	// will come to load it.
	if (onResourcePane()) {
		if (!isLoaded(lastPane as ResourcePane)) {
			void load(lastPane as ResourcePane);
		}

		schedule('df', 0);
	}

	const relistLoaded = () => {
		for (const kind of ['images', 'networks', 'volumes'] as const) {
			if (isLoaded(kind)) {
				schedule(kind, 0);
			}
		}
	};

	void followResourceEvents(engine, controller.signal, kind => {
		if (kind && isLoaded(kind)) {
			schedule(kind, throttleMs);
		}

		if (onResourcePane()) {
			schedule('df', diskUsageMs);
		}
	}, relistLoaded);
	const backstop = setInterval(() => {
		const {pane} = store.getState().ui;
		if (isResourcePane(pane) && isLoaded(pane)) {
			schedule(pane, 0);
		}
	}, backstopMs);
	backstop.unref();
	return {
		stop() {
			stopped = true;
			clearInterval(backstop);
			unsubscribe();
			controller.abort();
			for (const timer of timers.values()) {
				clearTimeout(timer);
			}
		},
		/** After an action: reload a list and the disk figures now, not at the next event. */
		refresh(kind: ResourcePane) {
			void load(kind);
			void loadDiskUsage();
		},
	};
}

export type ResourceWatcher = ReturnType<typeof startResourceWatcher>;
