import type {Readable} from 'node:stream';
import type Docker from 'dockerode';
import {Demuxer, type LogChunk} from './demux.js';
import type {StatsPoint, TopTable} from '../core/details.js';
import {jsonLines} from './json-lines.js';
import {type ApiStats, reduceStats} from './stats-sample.js';

export type LogOptions = {
	/** Lines of history to start with. */
	readonly tail: number;
	/** Only lines after this time (seconds.nanoseconds), when re-attaching after a restart. */
	readonly since?: string;
	readonly signal: AbortSignal;
};

/** What the inspect view shows, straight from the API's document. */
export type InspectDocument = Record<string, unknown>;

/**
 * Follows a container's log with timestamps. Non-TTY containers send 8-byte framed stdout/stderr
 * (demultiplexed here); TTY containers send the raw terminal stream, all of it as stdout.
 */
export async function * followLogs(docker: Docker, id: string, options: LogOptions): AsyncGenerator<LogChunk> {
	const container = docker.getContainer(id);
	const info = await container.inspect({abortSignal: options.signal} as object);
	const tty = Boolean(info.Config?.Tty);
	const stream = (await container.logs({
		follow: true, stdout: true, stderr: true, timestamps: true, tail: options.tail,
		...(options.since ? {since: options.since} : {}),
		abortSignal: options.signal,
	} as unknown as {follow: true})) as unknown as Readable;
	const demuxer = tty ? undefined : new Demuxer();
	try {
		for await (const chunk of stream) {
			const bytes = chunk as Uint8Array;
			if (demuxer) {
				yield * demuxer.push(bytes);
			} else {
				yield {stream: 'stdout', data: bytes};
			}
		}
	} finally {
		stream.destroy();
	}
}

/** Whether the container runs now; undefined when it no longer exists. */
export async function isRunning(docker: Docker, id: string): Promise<boolean | undefined> {
	try {
		const info = await docker.getContainer(id).inspect();
		return Boolean(info.State?.Running);
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 404) {
			return undefined;
		}

		throw error;
	}
}

export async function inspectContainer(docker: Docker, id: string): Promise<InspectDocument> {
	return await docker.getContainer(id).inspect() as unknown as InspectDocument;
}

export async function topOf(docker: Docker, id: string): Promise<TopTable> {
	const result = await docker.getContainer(id).top() as {Titles?: string[]; Processes?: string[][]};
	return {titles: result.Titles ?? [], processes: result.Processes ?? []};
}

type ApiStatsDetail = ApiStats & {
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}>;
	blkio_stats?: {io_service_bytes_recursive?: Array<{op?: string; value?: number}> | null};
	pids_stats?: {current?: number};
	read?: string;
};

/** Reduces a stats sample to the stats view's point: docker stats' columns. */
export function toStatsPoint(sample: ApiStatsDetail): StatsPoint {
	const base = reduceStats(sample);
	let rxBytes = 0;
	let txBytes = 0;
	for (const network of Object.values(sample.networks ?? {})) {
		rxBytes += network.rx_bytes ?? 0;
		txBytes += network.tx_bytes ?? 0;
	}

	let blockReadBytes = 0;
	let blockWriteBytes = 0;
	for (const entry of sample.blkio_stats?.io_service_bytes_recursive ?? []) {
		const op = entry.op?.toLowerCase();
		if (op === 'read') {
			blockReadBytes += entry.value ?? 0;
		} else if (op === 'write') {
			blockWriteBytes += entry.value ?? 0;
		}
	}

	const read = sample.read ? Date.parse(sample.read) : Number.NaN;
	return {...base, rxBytes, txBytes, blockReadBytes, blockWriteBytes, pids: sample.pids_stats?.current ?? 0, ...(Number.isFinite(read) && read > 0 ? {readMs: read} : {})};
}

/** One streaming stats connection for the stats view: a point a second until the signal aborts. */
export async function * statsPoints(docker: Docker, id: string, signal: AbortSignal): AsyncGenerator<StatsPoint> {
	const stream = (await docker.getContainer(id).stats({stream: true, abortSignal: signal} as {stream: true})) as unknown as Readable;
	try {
		for await (const sample of jsonLines<ApiStatsDetail>(stream)) {
			yield toStatsPoint(sample);
		}
	} finally {
		stream.destroy();
	}
}
