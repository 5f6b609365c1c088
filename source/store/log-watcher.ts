import type {Engine} from '../docker/engine.js';
import type {LogChunk, LogStream} from '../docker/demux.js';
import {LineSplitter, type RawLine} from '../docker/line-splitter.js';
import {PartJoiner} from '../docker/part-joiner.js';
import type {Store} from './create-store.js';

export type LogWatcherOptions = {
	/** Keep SGR colour codes (false under --no-color / NO_COLOR). */
	readonly color: boolean;
	/** Most often the store hears of new lines: one dispatch, so at most one frame, per interval. */
	readonly intervalMs?: number;
	/** How often a stopped container is asked whether it runs again. */
	readonly pollMs?: number;
};

/** Sortable form of an RFC 3339 timestamp: fractions padded to 9 digits. */
export function timeKey(time: string): string {
	const match = /^([^.Z+]+)(?:\.(\d+))?/.exec(time);
	return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : time;
}

/** A batch in time order (stable for lines of the same time): streams and tasks are read apart. */
export function sortByTime(lines: RawLine[]): RawLine[] {
	const keyed = lines.map((line, index) => ({line, index, key: line.time ? timeKey(line.time) : ''}));
	keyed.sort((a, b) => (a.key < b.key ? -1 : (a.key > b.key ? 1 : a.index - b.index)));
	return keyed.map(k => k.line);
}

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
	/** Sends the lines waiting for the next batch now (before a status change). */
	readonly flush: () => void;
	/** Lines for the next batch. */
	readonly push: (lines: readonly RawLine[]) => void;
};

/** Follows one container's log, attaching again from its last line each time it runs again, until the signal aborts or it is gone. */
async function follow({engine, store, options, flush, push}: FollowContext, id: string, signal: AbortSignal): Promise<void> {
	let lastTime: string | undefined;
	const status = (s: 'connecting' | 'following' | 'stopped' | 'error', message?: string) => {
		flush();
		store.dispatch({type: 'logs/status', containerId: id, status: s, ...(message ? {message} : {})});
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

			push(lines);

			lastTime = lines.at(-1)?.time ?? lastTime;
		};

		const since = lastTime ? sinceOf(lastTime) : undefined;
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
		}

		// eslint-disable-next-line no-await-in-loop
		if (signal.aborted || !await waitUntilRunning({engine, store, options, flush, push}, id, signal, status)) {
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

/**
 * Follows the log of the container the log pane shows, outside React. Lines are sanitised as they
 * arrive and reach the store in one batch per interval, so a container writing 50,000 lines a second
 * costs at most one frame per interval and keys are answered between batches. Between batches at
 * most the buffer's capacity is held. When the stream ends (the container stopped) the pane says so
 * and keeps its lines; the watcher asks now and then whether it runs again and then re-attaches,
 * from the last line it has.
 */
export function startLogWatcher(engine: Engine, store: Store, options: LogWatcherOptions): () => void {
	const intervalMs = options.intervalMs ?? 100;
	let current: {id: string; controller: AbortController} | undefined;
	let pending: RawLine[] = [];

	const push = (lines: readonly RawLine[]) => {
		for (const line of lines) {
			pending.push(line);
		}

		const capacity = store.getState().config.logCapacity;
		if (pending.length > capacity * 2) {
			pending = pending.slice(-capacity);
		}
	};

	const flush = () => {
		if (current && pending.length > 0) {
			// stdout and stderr come on one connection but are read apart: put each batch in time order.
			const lines = pending.length > 1 && pending[0]!.time && pending.some(line => line.stream !== pending[0]!.stream) ? sortByTime(pending) : pending;
			pending = [];
			store.dispatch({type: 'logs/append', containerId: current.id, lines});
		}
	};

	const sync = () => {
		const {logs, eventMarks} = store.getState();
		// A service's log is store/service-log-watcher.ts's.
		const id = logs?.kind === undefined ? logs?.containerId : undefined;
		if (current?.id === id) {
			// The destroy event says it at once; the poll below would take up to pollMs.
			if (id && eventMarks.byId[id]?.gone && logs?.status === 'stopped' && logs.message !== 'container removed') {
				store.dispatch({type: 'logs/status', containerId: id, status: 'stopped', message: 'container removed'});
			}

			return;
		}

		current?.controller.abort();
		pending = [];
		current = undefined;
		// The batch timer runs only while a log is followed: idle, it would wake tsdtop 10 times a
		// second for nothing (issue 15).
		clearInterval(timer);
		timer = undefined;
		if (id) {
			const controller = new AbortController();
			current = {id, controller};
			timer = setInterval(flush, intervalMs);
			void follow({engine, store, options, flush, push}, id, controller.signal);
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
