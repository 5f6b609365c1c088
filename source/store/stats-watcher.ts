import type {CgroupStats} from '../docker/cgroup-stats.js';
import type {Engine} from '../docker/engine.js';
import {isSplit} from './log-selectors.js';
import {formatBytes, formatPercent} from '../render/format.js';
import {note} from '../core/trace.js';
import type {ContainerStats} from '../core/types.js';
import type {Store} from './create-store.js';
import {cgroupRows} from './cgroup-rows.js';
import {selectedContainer, selectWindow} from './selectors.js';
import type {AppState} from './state.js';
import {projectStatsWanted} from './project-stats.js';

/** The rows whose stats are on screen: the running ones in the table's window, and the selected one. */
export function statsWanted(state: AppState): Set<string> {
	const ids = new Set<string>();
	if (state.connection.status === 'connected' && state.ui.pane === 'projects') {
		return projectStatsWanted(state);
	}

	// Nothing of the table is on screen under a full-screen log or a detail view.
	if (state.connection.status !== 'connected' || state.ui.pane !== 'containers' || state.detail || (state.logs && !isSplit(state))) {
		return ids;
	}

	for (const container of selectWindow(state)) {
		if (container.state === 'running') {
			ids.add(container.id);
		}
	}

	const selected = selectedContainer(state);
	if (selected?.state === 'running') {
		ids.add(selected.id);
	}

	return ids;
}

/**
 * The samples of each row since the last flush, still unparsed: a flush parses them and sends the
 * store one batch of those that would print differently from what the row shows.
 */
function statsBatch(store: Store) {
	let pending = new Map<string, () => ContainerStats>();
	// What each row last showed: a sample that would print the same is not worth a frame.
	const shown = new Map<string, string>();
	return {
		/** Keeps the sample; true when the row has shown nothing yet. */
		offer(id: string, read: () => ContainerStats): boolean {
			pending.set(id, read);
			return !shown.has(id);
		},
		/** The row must be shown again when it comes back, whatever it printed before. */
		forget(id: string) {
			shown.delete(id);
		},
		keepOnly(ids: ReadonlySet<string>) {
			for (const id of shown.keys()) {
				if (!ids.has(id)) {
					shown.delete(id);
				}
			}
		},
		flush() {
			const batch: Record<string, ContainerStats> = {};
			let changed = false;
			for (const [id, read] of pending) {
				let sample: ContainerStats;
				try {
					sample = read();
				} catch {
					// A garbled sample is skipped: the next one will do.
					continue;
				}

				const text = `${formatPercent(sample.cpuPercent)} ${formatBytes(sample.memoryBytes)}`;
				if (shown.get(id) !== text) {
					shown.set(id, text);
					batch[id] = sample;
					changed = true;
				}
			}

			pending = new Map();
			if (changed) {
				store.dispatch({type: 'stats/loaded', stats: batch});
			}
		},
	};
}

/** One streaming stats connection per row that wants one, opened and closed as rows come and go. */
function statsStreams(engine: Engine, offer: (id: string, read: () => ContainerStats) => void, ended: (id: string) => void) {
	const streams = new Map<string, AbortController>();
	const open = (id: string) => {
		const controller = new AbortController();
		streams.set(id, controller);
		void (async () => {
			try {
				await engine.stats(id, controller.signal, read => {
					offer(id, read);
				});
			} catch {
				// A stream ends when its container stops or the Engine goes away; the watcher says that.
			} finally {
				if (streams.get(id) === controller) {
					streams.delete(id);
					ended(id);
				}
			}
		})();
	};

	return {
		keep(ids: ReadonlySet<string>) {
			for (const [id, controller] of streams) {
				if (!ids.has(id)) {
					controller.abort();
					streams.delete(id);
				}
			}

			for (const id of ids) {
				if (!streams.has(id)) {
					open(id);
				}
			}
		},
		stop() {
			for (const controller of streams.values()) {
				controller.abort();
			}

			streams.clear();
		},
	};
}

/**
 * Keeps the stats of the running containers on screen (and the selected one) only. Where tsdtop
 * runs on the Engine's host, one timer at the refresh interval reads their cgroup files (the
 * Engine does nothing for it); elsewhere each row has its own streaming connection, opened when
 * it scrolls into view and closed when it leaves, a sample a second. Either way the store gets one
 * batch per interval, so the screen redraws once, not once per container, and it never learns
 * which source the numbers came from.
 */
export function startStatsWatcher(engine: Engine, store: Store, intervalMs = 2000, firstSampleMs = 100): () => void {
	// Undefined until the Engine has said where stats come from; 'api' means streams.
	let source: CgroupStats | 'api' | undefined;
	let deciding = false;
	let stopped = false;
	let cgroups: ReturnType<typeof cgroupRows> | undefined;
	const batch = statsBatch(store);

	// A row that has shown nothing yet (it just scrolled into view) is not left blank until the
	// next refresh: the first samples of the rows that came in are shown together.
	let firstSamples: NodeJS.Timeout | undefined;
	const offer = (id: string, read: () => ContainerStats) => {
		if (batch.offer(id, read)) {
			firstSamples ??= setTimeout(() => {
				firstSamples = undefined;
				batch.flush();
			}, firstSampleMs);
		}
	};

	const streams = statsStreams(engine, offer, id => {
		batch.forget(id);
	});

	// The refresh timer runs only while some row wants stats: an idle tsdtop on another pane sleeps.
	let refresh: NodeJS.Timeout | undefined;
	const tick = () => {
		cgroups?.read(offer);
		batch.flush();
	};

	const decide = (probeId: string) => {
		deciding = true;
		engine.statsSource(probeId).then(answer => {
			source = answer.kind === 'cgroup' ? answer : 'api';
			note('stats', answer.kind === 'cgroup' ? answer.description : `API streams (${answer.reason})`);
		}, (error: unknown) => {
			source = 'api';
			note('stats', `API streams (${(error as Error).message})`);
		}).finally(() => {
			deciding = false;
			if (!stopped) {
				cgroups = typeof source === 'object' ? cgroupRows(source, intervalMs) : undefined;
				sync();
			}
		});
	};

	const sync = () => {
		const ids = statsWanted(store.getState());
		if (source === undefined) {
			const [first] = ids;
			if (first !== undefined && !deciding) {
				decide(first);
			}

			return;
		}

		// Rows the cgroup files can serve are read here; those they cannot are streamed.
		streams.keep(cgroups ? cgroups.want(ids, offer) : ids);
		batch.keepOnly(ids);
		if (ids.size > 0) {
			refresh ??= setInterval(tick, intervalMs);
		} else {
			clearInterval(refresh);
			refresh = undefined;
		}
	};

	let lastState: AppState | undefined;
	const unsubscribe = store.subscribe(() => {
		const state = store.getState();
		// Only what decides the wanted set matters; stats batches themselves do not.
		if (lastState && lastState.containers === state.containers && lastState.ui === state.ui && lastState.connection === state.connection
			&& (lastState.logs === undefined) === (state.logs === undefined) && lastState.detail === state.detail) {
			return;
		}

		lastState = state;
		sync();
	});
	sync();

	return () => {
		stopped = true;
		cgroups?.stop();
		unsubscribe();
		clearInterval(refresh);
		clearTimeout(firstSamples);
		streams.stop();
	};
}
