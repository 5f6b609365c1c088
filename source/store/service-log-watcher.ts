import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import type {RawLine} from '../docker/line-splitter.js';
import type {Swarm} from '../docker/swarm.js';
import type {ServiceLogLine} from '../core/swarm.js';
import type {Store} from './create-store.js';
import {sinceOf, sortByTime, timeKey} from './log-watcher.js';

export type ServiceLogWatcherOptions = {
	readonly color: boolean;
	/** Most often the store hears of new lines (one dispatch, so at most one frame, per interval). */
	readonly intervalMs?: number;
	/** How long to wait before attaching again after the stream ended while the service still exists. */
	readonly retryMs?: number;
};

/** A service's log line as the log pane keeps it: after the task it came from, as `docker service logs` puts it. */
export function serviceLine(line: ServiceLogLine): RawLine {
	const text = `${line.task} | ${line.text}`;
	return line.time === undefined ? {stream: line.stream, text} : {stream: line.stream, time: line.time, text};
}

type Follow = {
	readonly swarm: Swarm;
	readonly engine: Engine;
	readonly store: Store;
	readonly options: ServiceLogWatcherOptions;
	readonly push: (lines: readonly RawLine[]) => void;
	readonly status: (status: 'following' | 'stopped' | 'error', message?: string) => void;
};

/** Follows one service's merged log; attaches again from its last line while the service exists. */
async function follow({swarm, engine, store, options, push, status}: Follow, id: string, signal: AbortSignal): Promise<void> {
	let lastTime: string | undefined;
	while (!signal.aborted) {
		const upTo = lastTime ? timeKey(lastTime) : undefined;
		const since = lastTime ? sinceOf(lastTime) : undefined;
		try {
			// eslint-disable-next-line no-await-in-loop
			for await (const batch of swarm.logs(id, {tail: since ? 100_000 : store.getState().config.tail, ...(since ? {since} : {}), color: options.color, signal})) {
				status('following');
				// `since` has one-second resolution: lines already shown come again after a re-attach.
				const fresh = upTo ? batch.filter(line => line.time === undefined || timeKey(line.time) > upTo) : batch;
				push(fresh.map(line => serviceLine(line)));
				lastTime = batch.at(-1)?.time ?? lastTime;
			}
		} catch (error) {
			if (signal.aborted) {
				return;
			}

			status('error', describeError(error, engine.host));
		}

		if (signal.aborted) {
			return;
		}

		// eslint-disable-next-line no-await-in-loop
		const exists = await swarm.inspectService(id).then(() => true, () => false);
		if (!exists) {
			status('stopped', 'service removed');
			return;
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, options.retryMs ?? 1000);
		});
	}
}

/**
 * Follows the merged log of the service the log pane shows (issue 17), outside React, with the
 * container log watcher's batching: at most one dispatch per interval, the buffer's capacity held
 * between batches. The pane, its search, filter, follow and save are the container log's.
 */
export function startServiceLogWatcher(engine: Engine, store: Store, options: ServiceLogWatcherOptions): () => void {
	const {swarm} = engine;
	if (!swarm) {
		return () => {};
	}

	const intervalMs = options.intervalMs ?? 100;
	let current: {id: string; controller: AbortController} | undefined;
	let pending: RawLine[] = [];
	let timer: NodeJS.Timeout | undefined;

	const flush = () => {
		if (current && pending.length > 0) {
			// Each task's lines come apart (the tails one after another): a batch goes in time order.
			const lines = pending.length > 1 ? sortByTime(pending) : pending;
			pending = [];
			store.dispatch({type: 'logs/append', containerId: current.id, lines});
		}
	};

	const push = (lines: readonly RawLine[]) => {
		pending.push(...lines);
		const capacity = store.getState().config.logCapacity;
		if (pending.length > capacity * 2) {
			pending = pending.slice(-capacity);
		}
	};

	const sync = () => {
		const {logs} = store.getState();
		const id = logs?.kind === 'service' ? logs.containerId : undefined;
		if (current?.id === id) {
			return;
		}

		current?.controller.abort();
		pending = [];
		current = undefined;
		clearInterval(timer);
		timer = undefined;
		if (id) {
			const controller = new AbortController();
			const following = {id, controller};
			current = following;
			timer = setInterval(flush, intervalMs);
			const status = (s: 'following' | 'stopped' | 'error', message?: string) => {
				if (current !== following) {
					return;
				}

				flush();
				if (store.getState().logs?.status !== s || message) {
					store.dispatch({type: 'logs/status', containerId: id, status: s, ...(message ? {message} : {})});
				}
			};

			void follow({swarm, engine, store, options, push, status}, id, controller.signal);
		}
	};

	const unsubscribe = store.subscribe(sync);
	sync();
	return () => {
		unsubscribe();
		clearInterval(timer);
		current?.controller.abort();
	};
}
