import type {Readable} from 'node:stream';
import Docker from 'dockerode';
import type {Container, ContainerStats, ContainerVerb, EngineEvent, EngineInfo} from '../types.js';
import type {LogChunk} from '../logs/demux.js';
import type {StatsPoint, TopTable} from '../logs/types.js';
import type {Connection} from './connection.js';
import {followLogs, type InspectDocument, inspectContainer, isRunning, type LogOptions, statsPoints, topOf} from './container-details.js';
import {jsonLines} from './json-lines.js';
import {type ApiContainer, mapContainer} from './map-container.js';
import type {ApiVersion} from './prefetch.js';
import {type ApiStats, reduceStats} from './stats-sample.js';

/** Everything the rest of tsdtop may ask of the Engine. Knows nothing of React. */
export type Engine = {
	readonly host: string;
	info(): Promise<EngineInfo>;
	listContainers(): Promise<Container[]>;
	/** Container events until the signal aborts; throws when the stream breaks. */
	events(signal: AbortSignal): AsyncIterable<EngineEvent>;
	/** One streaming stats connection: a sample a second until the signal aborts or the container stops. */
	stats(id: string, signal: AbortSignal): AsyncIterable<ContainerStats>;
	act(id: string, verb: ContainerVerb, options?: {readonly force?: boolean}): Promise<void>;
	/** Follows the log from the last `tail` lines; ends when the container stops. */
	logs(id: string, options: LogOptions): AsyncIterable<LogChunk>;
	/** True when running, false when stopped, undefined when gone. */
	isRunning(id: string): Promise<boolean | undefined>;
	inspect(id: string): Promise<InspectDocument>;
	top(id: string): Promise<TopTable>;
	/** The stats view's stream: more than the table's `stats` (network, block I/O, PIDs). */
	statsDetail(id: string, signal: AbortSignal): AsyncIterable<StatsPoint>;
};

/** The header's facts from GET /version. */
export function toEngineInfo(host: string, version: ApiVersion): EngineInfo {
	return {host, version: version.Version, apiVersion: version.ApiVersion, os: version.Os};
}

type ApiEvent = {Type?: string; Action?: string; Actor?: {ID?: string}; id?: string; time?: number};

export function createEngine(connection: Connection): Engine {
	const docker = new Docker(connection.options);

	return {
		host: connection.label,

		async info() {
			return toEngineInfo(connection.label, await docker.version() as ApiVersion);
		},

		async listContainers() {
			const raw = (await docker.listContainers({all: true})) as unknown as ApiContainer[];
			return raw.map(raw => mapContainer(raw));
		},

		async * events(signal) {
			const stream = (await docker.getEvents({
				filters: {type: ['container']},
				abortSignal: signal,
			} as Parameters<Docker['getEvents']>[0])) as unknown as Readable;
			try {
				for await (const event of jsonLines<ApiEvent>(stream)) {
					yield {
						type: event.Type ?? 'container',
						action: event.Action ?? '',
						id: event.Actor?.ID ?? event.id ?? '',
						time: event.time ?? 0,
					};
				}
			} finally {
				stream.destroy();
			}
		},

		async * stats(id, signal) {
			const stream = (await docker.getContainer(id).stats({
				stream: true,
				abortSignal: signal,
			} as {stream: true})) as unknown as Readable;
			try {
				for await (const sample of jsonLines<ApiStats>(stream)) {
					yield reduceStats(sample);
				}
			} finally {
				stream.destroy();
			}
		},

		logs: (id, options) => followLogs(docker, id, options),
		isRunning: async id => isRunning(docker, id),
		inspect: async id => inspectContainer(docker, id),
		top: async id => topOf(docker, id),
		statsDetail: (id, signal) => statsPoints(docker, id, signal),

		async act(id, verb, options = {}) {
			const container = docker.getContainer(id);
			switch (verb) {
				case 'start': {
					await container.start();
					break;
				}

				case 'stop': {
					await container.stop();
					break;
				}

				case 'restart': {
					await container.restart();
					break;
				}

				case 'pause': {
					await container.pause();
					break;
				}

				case 'unpause': {
					await container.unpause();
					break;
				}

				case 'kill': {
					await container.kill();
					break;
				}

				case 'remove': {
					await container.remove({force: Boolean(options.force)});
					break;
				}
			}
		},
	};
}
