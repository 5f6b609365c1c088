import type {Engine} from '../docker/engine.js';
import type {LogChunk, LogStream} from '../docker/demux.js';
import {LineSplitter, type RawLine} from '../docker/line-splitter.js';
import {PartJoiner} from '../docker/part-joiner.js';
import type {Store} from './create-store.js';
import {type LogBatcher, mergedBatcher, singleBatcher, timeKey} from './log-batches.js';
import {composeLabels} from './projects.js';
import type {AppState} from './state.js';

export type LogWatcherOptions = {
	/** Keep SGR colour codes (false under --no-color / NO_COLOR). */
	readonly color: boolean;
	/** Most often the store hears of new lines: one dispatch, so at most one frame, per interval. */
	readonly intervalMs?: number;
	/** How often a stopped container is asked whether it runs again. */
	readonly pollMs?: number;
};

export {sortByTime, timeKey} from './log-batches.js';

/** seconds.nanoseconds, as the Engine's `since` takes it. */
export function sinceOf(time: string): string | undefined {
	const seconds = Math.floor(Date.parse(time) / 1000);
	if (Number.isNaN(seconds)) {
		return undefined;
	}

	const fraction = /\.(\d+)/.exec(time)?.[1] ?? '';
	return `${seconds}.${fraction.padEnd(9, '0').slice(0, 9)}`;
}

/**
 * Reads one attach of a log to its end: chunks joined into frames (a TTY container's stream has
 * none) and split into sanitised lines per stream, handed to `take` as they come; what is left when
 * the stream ends is handed over too. `started` runs once the Engine has answered.
 */
export async function readLog(stream: AsyncIterable<LogChunk>, color: boolean, take: (lines: RawLine[]) => void, started: () => void): Promise<void> {
	const splitters = new Map<LogStream, {joiner: PartJoiner; splitter: LineSplitter}>();
	try {
		started();
		for await (const chunk of stream) {
			let reader = splitters.get(chunk.stream);
			if (!reader) {
				// A demultiplexed stream's first bytes start a frame; a TTY container's stream has none.
				reader = {joiner: new PartJoiner(chunk.start ? 'frames' : 'raw'), splitter: new LineSplitter(chunk.stream, {color, timestamps: true})};
				splitters.set(chunk.stream, reader);
			}

			for (const bytes of reader.joiner.push(chunk.data, chunk.start)) {
				take(reader.splitter.push(bytes));
			}
		}
	} finally {
		for (const {joiner, splitter} of splitters.values()) {
			for (const bytes of joiner.end()) {
				take(splitter.push(bytes));
			}

			take(splitter.end());
		}
	}
}

type FollowContext = {
	readonly engine: Engine;
	readonly store: Store;
	readonly options: LogWatcherOptions;
	/** The log pane's key (its containerId): a merged log's is not a container's id. */
	readonly key: string;
	/** A merged log: statuses are said per container (`source`), and each attach opens it in the merge. */
	readonly merged: boolean;
	/** Sends the lines waiting for the next batch now (before a status change). */
	readonly flush: () => void;
	/** Lines of container `id` for the next batch. */
	readonly push: (id: string, lines: readonly RawLine[]) => void;
	/** Container `id` is attached again (true) or its stream ended (false): the merge waits only for attached ones. */
	readonly attached: (id: string, open: boolean) => void;
};

/** Follows one container's log, attaching again from its last line each time it runs again, until the signal aborts or it is gone. */
async function follow(context: FollowContext, id: string, signal: AbortSignal): Promise<void> {
	const {engine, store, options, flush, push, key, merged} = context;
	let lastTime: string | undefined;
	const status = (s: 'connecting' | 'following' | 'stopped' | 'error', message?: string) => {
		flush();
		store.dispatch({type: 'logs/status', containerId: key, status: s, ...(message ? {message} : {}), ...(merged ? {source: id} : {})});
	};

	while (!signal.aborted) {
		// After a re-attach, `since` has one-second resolution: lines up to this key are already shown.
		let seenUpTo = lastTime ? timeKey(lastTime) : undefined;
		const take = (lines: RawLine[]) => {
			if (signal.aborted) {
				return;
			}

			if (seenUpTo) {
				const upTo = seenUpTo;
				const fresh = lines.findIndex(line => line.time !== undefined && timeKey(line.time) > upTo);
				if (fresh === -1) {
					return;
				}

				lines = lines.slice(fresh);
				seenUpTo = undefined;
			}

			push(id, lines);

			lastTime = lines.at(-1)?.time ?? lastTime;
		};

		const since = lastTime ? sinceOf(lastTime) : undefined;
		context.attached(id, true);
		try {
			// eslint-disable-next-line no-await-in-loop
			await readLog(engine.logs(id, {tail: since ? 100_000 : store.getState().config.tail, ...(since ? {since} : {}), signal}), options.color, take, () => {
				status('following');
			});
		} catch (error) {
			if (signal.aborted) {
				return;
			}

			status('error', (error as Error).message);
		} finally {
			context.attached(id, false);
		}

		// eslint-disable-next-line no-await-in-loop
		if (signal.aborted || !await waitUntilRunning(context, id, signal, status)) {
			return;
		}
	}
}

/** The stream ended: the container stopped (or is restarting). False when it is gone. */
async function waitUntilRunning({engine, store, options}: FollowContext, id: string, signal: AbortSignal, status: (s: 'stopped', message: string) => void): Promise<boolean> {
	const pollMs = options.pollMs ?? 1000;
	let running = await engine.isRunning(id).catch(() => false);
	if (!running) {
		// The destroy event may have come while inspect was answering "exists".
		const gone = running === undefined || store.getState().eventMarks.byId[id]?.gone;
		status('stopped', gone ? 'container removed' : 'container stopped');
	}

	while (!running && running !== undefined && !signal.aborted) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, pollMs);
		});
		// eslint-disable-next-line no-await-in-loop
		running = await engine.isRunning(id).catch(() => false);
		if (running === undefined && !signal.aborted) {
			// Stopped, then removed elsewhere (docker rm, or rm -f racing the stream's end): the
			// pane said "container stopped" and must now say it is gone (issue 12 item 5).
			status('stopped', 'container removed');
		}
	}

	return running !== undefined;
}

type Following = {
	readonly key: string;
	readonly controller: AbortController;
	readonly batcher: LogBatcher;
	readonly merged: boolean;
	/** Containers followed (a merged log's grow as a project's containers appear). */
	readonly followed: Set<string>;
	/** Containers announced to the store as joining, so one is announced once. */
	readonly announced: Set<string>;
	containers?: AppState['containers'];
};

/** The containers of a merged log's projects that it does not follow yet (created or started since it opened). */
function joining(state: AppState, current: Following): Array<{id: string; name: string}> {
	const projects = state.logs?.projects;
	if (!projects || !state.containers) {
		return [];
	}

	return state.containers
		.filter(c => projects.includes(c.labels[composeLabels.project] ?? '') && !current.followed.has(c.id) && !current.announced.has(c.id))
		.map(c => ({id: c.id, name: c.name}));
}

/**
 * Follows the log the log pane shows, outside React: one container's, or several merged in time
 * order (issue 16 item 2), each with the same follow loop. Lines are sanitised as they arrive and
 * reach the store in one batch per interval, so a container writing 50,000 lines a second costs at
 * most one frame per interval and keys are answered between batches. When a stream ends (the
 * container stopped) the pane says so and keeps its lines; the watcher asks now and then whether it
 * runs again and then re-attaches, from the last line it has. A merged log of compose projects takes
 * in a container that joins a project later.
 */
export function startLogWatcher(engine: Engine, store: Store, options: LogWatcherOptions): () => void {
	const intervalMs = options.intervalMs ?? 100;
	let current: Following | undefined;

	const flush = () => {
		const lines = current?.batcher.take(Date.now());
		if (current && lines && lines.length > 0) {
			store.dispatch({type: 'logs/append', containerId: current.key, lines});
		}
	};

	const start = (following: Following, id: string) => {
		following.followed.add(id);
		const context = {
			engine, store, options, key: following.key, merged: following.merged, flush,
			push: (source: string, lines: readonly RawLine[]) => following.batcher.push(source, lines),
			attached: (source: string, open: boolean) => following.batcher.attached(source, open),
		};
		void follow(context, id, following.controller.signal);
	};

	const syncMerged = (state: AppState, following: Following) => {
		for (const source of state.logs?.sources ?? []) {
			if (!following.followed.has(source.id)) {
				start(following, source.id);
			}
		}

		if (following.containers === state.containers) {
			return;
		}

		following.containers = state.containers;
		const added = joining(state, following);
		if (added.length > 0) {
			for (const container of added) {
				following.announced.add(container.id);
			}

			// Not from inside this listener: the store is still telling the others of this change.
			queueMicrotask(() => {
				store.dispatch({type: 'logs/sources/add', containerId: following.key, sources: added});
			});
		}
	};

	const sync = () => {
		const state = store.getState();
		const {logs, eventMarks} = state;
		// A service's log is store/service-log-watcher.ts's.
		const key = logs?.kind === undefined ? logs?.containerId : undefined;
		if (current?.key === key) {
			if (current?.merged) {
				syncMerged(state, current);
			} else if (key && eventMarks.byId[key]?.gone && logs?.status === 'stopped' && logs.message !== 'container removed') {
				// The destroy event says it at once; the poll would take up to pollMs.
				store.dispatch({type: 'logs/status', containerId: key, status: 'stopped', message: 'container removed'});
			}

			return;
		}

		current?.controller.abort();
		current = undefined;
		// The batch timer runs only while a log is followed: idle, it would wake tsdtop 10 times a
		// second for nothing (issue 15).
		clearInterval(timer);
		timer = undefined;
		if (logs && key) {
			const merged = logs.sources !== undefined;
			current = {
				key, merged, controller: new AbortController(), followed: new Set(), announced: new Set(),
				batcher: merged ? mergedBatcher() : singleBatcher(() => store.getState().config.logCapacity),
			};
			timer = setInterval(flush, intervalMs);
			if (merged) {
				syncMerged(state, current);
			} else {
				start(current, key);
			}
		}
	};

	let timer: NodeJS.Timeout | undefined;
	const unsubscribe = store.subscribe(sync);
	sync();
	return () => {
		unsubscribe();
		clearInterval(timer);
		current?.controller.abort();
	};
}
