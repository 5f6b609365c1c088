import type {Engine} from '../docker/engine.js';
import {isSplit} from '../logs/selectors.js';
import {formatBytes, formatPercent} from '../render/format.js';
import type {ContainerStats} from '../types.js';
import type {Store} from './create-store.js';
import {selectedContainer, selectWindow} from './selectors.js';
import type {AppState} from './state.js';

/**
 * Streams stats for the running containers on screen (and the selected one) only: one connection
 * each, opened when a row scrolls into view and closed when it leaves. Samples arrive every second;
 * the store gets them in one batch per interval, so the screen redraws once, not once per container.
 */
export function startStatsWatcher(engine: Engine, store: Store, intervalMs = 2000, firstSampleMs = 100): () => void {
	const streams = new Map<string, AbortController>();
	// The latest sample of each stream since the last flush, still unparsed.
	let pending = new Map<string, () => ContainerStats>();

	const wanted = (state: AppState): Set<string> => {
		const ids = new Set<string>();
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
	};

	const open = (id: string) => {
		const controller = new AbortController();
		streams.set(id, controller);
		void (async () => {
			try {
				await engine.stats(id, controller.signal, read => {
					pending.set(id, read);
					// A row that has shown nothing yet (it just scrolled into view) is not left blank
					// until the next refresh: the first samples of the rows that came in are shown together.
					if (!shown.has(id)) {
						firstSamples ??= setTimeout(() => {
							firstSamples = undefined;
							flush();
						}, firstSampleMs);
					}
				});
			} catch {
				// A stream ends when its container stops or the Engine goes away; the watcher says that.
			} finally {
				if (streams.get(id) === controller) {
					streams.delete(id);
					// When it comes back it must be shown again, whatever it printed before.
					shown.delete(id);
				}
			}
		})();
	};

	const sync = () => {
		const ids = wanted(store.getState());
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
	};

	// What each row last showed: a sample that would print the same is not worth a frame.
	const shown = new Map<string, string>();
	let firstSamples: NodeJS.Timeout | undefined;
	const flush = () => {
		const batch: Record<string, ContainerStats> = {};
		let changed = false;
		for (const [id, read] of pending) {
			let sample: ContainerStats;
			try {
				sample = read();
			} catch {
				// A garbled sample is skipped: the next one a second later will do.
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
	};

	const refresh = setInterval(flush, intervalMs);

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
		unsubscribe();
		clearInterval(refresh);
		clearTimeout(firstSamples);
		for (const controller of streams.values()) {
			controller.abort();
		}

		streams.clear();
	};
}
