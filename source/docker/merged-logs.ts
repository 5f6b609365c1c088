import {setTimeout as sleep} from 'node:timers/promises';
import type {LogStream} from './demux.js';
import {LineSplitter, type RawLine} from './line-splitter.js';
import {PartJoiner} from './part-joiner.js';
import type {Engine} from './engine.js';
import {describeError} from './errors.js';
import {MergeBuffer, type MergedLine} from './merge-buffer.js';

export type {MergedLine} from './merge-buffer.js';

/** What a merged log gives out each interval: lines in time order, and the sources that ended. */
export type MergedBatch = {
	readonly lines: readonly MergedLine[];
	/** Sources whose stream ended since the last batch (the container stopped, or an error line). */
	readonly ended: ReadonlyArray<{readonly source: string; readonly error?: string}>;
};

export type MergedLogOptions = {
	/** Lines of history per container to start with. */
	readonly tail: number;
	readonly signal: AbortSignal;
	/** Keep SGR colour codes (false under --no-color / NO_COLOR). */
	readonly color: boolean;
	/** How often a batch is given out (default 100 ms): one store dispatch, one frame, per batch. */
	readonly intervalMs?: number;
	/** Longest a line waits for the other containers to catch up (default 500 ms; merge-buffer.ts). */
	readonly holdMs?: number;
};

/** One container's log into the buffer, with the log pane's own demux, part-joining and splitting. */
async function readSource(engine: Pick<Engine, 'logs' | 'host'>, source: string, buffer: MergeBuffer, options: MergedLogOptions): Promise<string | undefined> {
	const readers = new Map<LogStream, {joiner: PartJoiner; splitter: LineSplitter}>();
	const take = (lines: RawLine[]) => {
		buffer.push(source, lines, Date.now());
	};

	let error: string | undefined;
	try {
		for await (const chunk of engine.logs(source, {tail: options.tail, signal: options.signal})) {
			let reader = readers.get(chunk.stream);
			if (!reader) {
				// A demultiplexed stream's first bytes start a frame; a TTY container's stream has none.
				reader = {joiner: new PartJoiner(chunk.start ? 'frames' : 'raw'), splitter: new LineSplitter(chunk.stream, {color: options.color, timestamps: true})};
				readers.set(chunk.stream, reader);
			}

			for (const bytes of reader.joiner.push(chunk.data, chunk.start)) {
				take(reader.splitter.push(bytes));
			}
		}
	} catch (error_) {
		if (!options.signal.aborted) {
			error = describeError(error_, engine.host);
		}
	}

	for (const {joiner, splitter} of readers.values()) {
		for (const bytes of joiner.end()) {
			take(splitter.push(bytes));
		}

		take(splitter.end());
	}

	return error;
}

/**
 * Follows several containers' logs at once (both streams, with timestamps) and gives out their
 * lines interleaved in time order, each tagged with its container's id (`source`), in one batch per
 * interval. Ends when every stream has ended (the containers stopped) or the signal aborts;
 * re-attaching to restarted containers and adding new ones is the caller's (call again with them).
 */
export async function * followMergedLogs(engine: Pick<Engine, 'logs' | 'host'>, sources: readonly string[], options: MergedLogOptions): AsyncGenerator<MergedBatch> {
	const buffer = new MergeBuffer(options.holdMs ?? 500);
	let ended: Array<{source: string; error?: string}> = [];
	let open = sources.length;
	for (const source of sources) {
		buffer.open(source);
		void readSource(engine, source, buffer, options).then(error => {
			buffer.close(source);
			ended.push(error === undefined ? {source} : {source, error});
			open--;
		});
	}

	while (!options.signal.aborted) {
		const last = open === 0;
		const lines = last ? buffer.flush() : buffer.take(Date.now());
		if (lines.length > 0 || ended.length > 0) {
			const batch: MergedBatch = {lines, ended};
			ended = [];
			yield batch;
		}

		if (last) {
			return;
		}

		try {
			// eslint-disable-next-line no-await-in-loop
			await sleep(options.intervalMs ?? 100, undefined, {signal: options.signal});
		} catch {
			return;
		}
	}
}
