import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import type {Store} from './create-store.js';
import type {ResourcePane} from './resource-selectors.js';

const kindOfEvent: Readonly<Record<string, ResourcePane>> = {image: 'images', network: 'networks', volume: 'volumes'};

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
	const onResourcePane = () => store.getState().ui.pane !== 'containers';

	let lastPane = store.getState().ui.pane;
	const unsubscribe = store.subscribe(() => {
		const {pane} = store.getState().ui;
		if (pane === lastPane) {
			return;
		}

		lastPane = pane;
		if (pane !== 'containers') {
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

	const follow = async () => {
		for (let failures = 0; !stopped; failures++) {
			try {
				// eslint-disable-next-line no-await-in-loop
				for await (const event of engine.events(controller.signal, ['image', 'network', 'volume'])) {
					const kind = kindOfEvent[event.type];
					if (kind && isLoaded(kind)) {
						schedule(kind, throttleMs);
					}

					if (onResourcePane()) {
						schedule('df', diskUsageMs);
					}
				}
			} catch {
				// The container watcher reports the connection; this one only retries.
			}

			if (stopped) {
				return;
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, Math.min(5000, 500 * (2 ** failures))).unref();
			});
			for (const kind of ['images', 'networks', 'volumes'] as const) {
				if (isLoaded(kind)) {
					schedule(kind, 0);
				}
			}
		}
	};

	void follow();
	const backstop = setInterval(() => {
		const {pane} = store.getState().ui;
		if (pane !== 'containers' && isLoaded(pane)) {
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
