import path from 'node:path';
import type {Duplex, Readable} from 'node:stream';
import Docker from 'dockerode';
import type {LogChunk} from './demux.js';
import type {StatsPoint, TopTable} from '../core/details.js';
import type {Container, ContainerState, ContainerStats, ContainerVerb, DiskUsage, EngineEvent, EngineInfo, Image, Network, Volume} from '../core/types.js';
import type {Connection} from './connection.js';
import {followLogs, type InspectDocument, inspectContainer, isRunning, type LogOptions, statsPoints, topOf} from './container-details.js';
import {eachLine, jsonLines} from './json-lines.js';
import {type ApiContainer, mapContainer} from './map-container.js';
import {type ApiDiskUsage, type ApiImage, type ApiNetwork, type ApiVolume, mapDiskUsage, mapImages, mapNetwork, mapVolume} from './map-resources.js';
import type {ApiVersion} from './prefetch.js';
import {toEngineInfo} from './engine-info.js';
import {type StatsSource, statsSource} from './cgroup-stats.js';
import {type ApiStats, reduceStats} from './stats-sample.js';
import {firstTarEntry} from './tar.js';

/** What opening a shell needs to know of a container, from its inspect document. */
export type ExecTarget = {
	readonly name: string;
	readonly state: ContainerState;
	/** Config.User: '' (root), 'name', 'uid', 'name:group' or 'uid:gid'. */
	readonly user: string;
	/** The directories of the container's PATH, in order; empty when it sets none. */
	readonly path: readonly string[];
};

/** A path in a container, as HEAD /containers/{id}/archive reports it (Go's os.FileMode bits). */
export type PathStat = {
	readonly mode: number;
	/** The absolute target when the path is a symlink, else ''. */
	readonly linkTarget: string;
};

export type ExecOptions = {
	readonly cmd: readonly string[];
	/** With a TTY, stdin is attached and the stream carries raw bytes both ways. */
	readonly tty: boolean;
	readonly env?: readonly string[];
	readonly columns?: number;
	readonly rows?: number;
};

/** A command started in a container through the Engine API (POST /containers/{id}/exec, then start). */
export type ExecSession = {
	/** With a TTY: raw bytes both ways. Without: stdout and stderr multiplexed (see demux.ts). */
	readonly stream: Duplex;
	resize(columns: number, rows: number): Promise<void>;
	/** The exit code once the command has ended; undefined while it runs or if the Engine cannot say. */
	exitCode(): Promise<number | undefined>;
};

/** Everything the rest of tsdtop may ask of the Engine. Knows nothing of React. */
export type Engine = {
	readonly host: string;
	info(): Promise<EngineInfo>;
	listContainers(): Promise<Container[]>;
	/** Events of the given object types (default: containers) until the signal aborts; throws when the stream breaks. */
	events(signal: AbortSignal, types?: readonly string[]): AsyncIterable<EngineEvent>;
	/**
	 * One streaming stats connection: a sample a second until the signal aborts or the container
	 * stops (then it resolves; it rejects when the stream breaks). Each sample comes unparsed, as a
	 * function that reads it: the caller parses only the samples it shows.
	 */
	stats(id: string, signal: AbortSignal, onSample: (read: () => ContainerStats) => void): Promise<void>;
	/**
	 * Where the table's stats should come from: the containers' cgroup files when tsdtop runs on the
	 * Engine's host and they agree with one API sample of `probeId` (a running container), else
	 * the API's streams (`stats`). Decided once per connection (cgroup-stats.ts).
	 */
	statsSource(probeId: string): Promise<StatsSource>;
	/** `volumes` with remove: the container's anonymous volumes go too (named ones always stay). */
	act(id: string, verb: ContainerVerb, options?: {readonly force?: boolean; readonly volumes?: boolean}): Promise<void>;
	listImages(): Promise<Image[]>;
	listNetworks(): Promise<Network[]>;
	/** Sizes come from diskUsage(), which is slower: the list alone answers at once. */
	listVolumes(): Promise<Volume[]>;
	diskUsage(): Promise<{readonly usage: DiskUsage; readonly volumeSizes: ReadonlyMap<string, number>}>;
	/** By tag ("repo:tag") removes only that tag; by id removes the image. */
	removeImage(reference: string, options?: {readonly force?: boolean}): Promise<void>;
	removeNetwork(id: string): Promise<void>;
	removeVolume(name: string): Promise<void>;
	/** `docker history`: one line per layer, newest first. */
	imageHistory(id: string): Promise<string[]>;
	/** The containers attached to a network, with their addresses. */
	networkContainers(id: string): Promise<Array<{readonly name: string; readonly address: string}>>;
	/** Follows the log from the last `tail` lines; ends when the container stops. */
	logs(id: string, options: LogOptions): AsyncIterable<LogChunk>;
	/** True when running, false when stopped, undefined when gone. */
	isRunning(id: string): Promise<boolean | undefined>;
	inspect(id: string): Promise<InspectDocument>;
	top(id: string): Promise<TopTable>;
	/** The stats view's stream: more than the table's `stats` (network, block I/O, PIDs). */
	statsDetail(id: string, signal: AbortSignal): AsyncIterable<StatsPoint>;
	execTarget(id: string): Promise<ExecTarget>;
	/** Undefined when the path does not exist in the container. */
	statPath(id: string, path: string): Promise<PathStat | undefined>;
	/** A file's first maxBytes (following symlinks); undefined when it does not exist or is not a file. */
	readFile(id: string, path: string, maxBytes: number): Promise<Buffer | undefined>;
	exec(id: string, options: ExecOptions): Promise<ExecSession>;
};

export {toEngineInfo} from './engine-info.js';

type ApiEvent = {Type?: string; Action?: string; Actor?: {ID?: string; Attributes?: Record<string, string> | null}; id?: string; time?: number};

const knownStates = new Set<string>(['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing']);

/** Collects a stream up to `limit` bytes, then stops reading. */
async function collect(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		size += chunk.length;
		if (size >= limit) {
			(stream as Readable).destroy();
			break;
		}
	}

	return Buffer.concat(chunks);
}

export function createEngine(connection: Connection): Engine {
	const docker = new Docker(connection.options);
	// Only a local socket can be on this host (a forwarded one fails the probe's checks).
	const local = Boolean(connection.options.socketPath) && !connection.ssh;
	// A found cgroup layout holds for the connection; a miss is asked again (the probe container
	// may just have stopped), at most once per start of the stats watcher.
	let cgroups: Promise<StatsSource> | undefined;

	return {
		host: connection.label,

		async info() {
			return toEngineInfo(connection.label, await docker.version() as ApiVersion);
		},

		async listContainers() {
			const raw = (await docker.listContainers({all: true})) as unknown as ApiContainer[];
			return raw.map(raw => mapContainer(raw));
		},

		async * events(signal, types = ['container']) {
			const stream = (await docker.getEvents({
				filters: {type: [...types]},
				abortSignal: signal,
			} as Parameters<Docker['getEvents']>[0])) as unknown as Readable;
			try {
				for await (const event of jsonLines<ApiEvent>(stream)) {
					yield {
						type: event.Type ?? 'container',
						action: event.Action ?? '',
						id: event.Actor?.ID ?? event.id ?? '',
						time: event.time ?? 0,
						attributes: event.Actor?.Attributes ?? {},
					};
				}
			} finally {
				stream.destroy();
			}
		},

		async stats(id, signal, onSample) {
			const stream = (await docker.getContainer(id).stats({
				stream: true,
				abortSignal: signal,
			} as {stream: true})) as unknown as Readable;
			try {
				await eachLine(stream, line => {
					onSample(() => reduceStats(JSON.parse(line) as ApiStats));
				});
			} catch (error) {
				// Aborting breaks the connection: that is the reader leaving, not a failure.
				if (!signal.aborted) {
					throw error;
				}
			} finally {
				stream.destroy();
			}
		},

		async statsSource(probeId) {
			cgroups ??= statsSource(docker, local, probeId);
			const source = await cgroups;
			if (source.kind === 'api') {
				cgroups = undefined;
			}

			return source;
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
					await container.remove({force: Boolean(options.force), ...(options.volumes ? {v: true} : {})});
					break;
				}
			}
		},

		async listImages() {
			return mapImages(await docker.listImages() as unknown as ApiImage[]);
		},

		async listNetworks() {
			return (await docker.listNetworks() as unknown as ApiNetwork[]).map(raw => mapNetwork(raw));
		},

		async listVolumes() {
			const answer = await docker.listVolumes() as unknown as {Volumes?: ApiVolume[] | null};
			return (answer.Volumes ?? []).map(raw => mapVolume(raw));
		},

		async diskUsage() {
			const raw = await docker.df() as ApiDiskUsage;
			const volumeSizes = new Map((raw.Volumes ?? []).filter(v => (v.UsageData?.Size ?? -1) >= 0).map(v => [v.Name, v.UsageData!.Size!]));
			return {usage: mapDiskUsage(raw), volumeSizes};
		},

		async removeImage(reference, options = {}) {
			await docker.getImage(reference).remove({force: Boolean(options.force)});
		},

		async removeNetwork(id) {
			await docker.getNetwork(id).remove();
		},

		async removeVolume(name) {
			await docker.getVolume(name).remove();
		},

		async imageHistory(id) {
			const layers = await docker.getImage(id).history() as Array<{Created?: number; CreatedBy?: string; Size?: number}>;
			return layers.map(layer => `${new Date((layer.Created ?? 0) * 1000).toISOString().slice(0, 19).replace('T', ' ')}  ${String(layer.Size ?? 0).padStart(10)} B  ${layer.CreatedBy ?? ''}`);
		},

		async networkContainers(id) {
			const info = await docker.getNetwork(id).inspect() as {Containers?: Record<string, {Name?: string; IPv4Address?: string; IPv6Address?: string}>};
			return Object.values(info.Containers ?? {})
				.map(c => ({name: c.Name ?? '', address: [c.IPv4Address, c.IPv6Address].filter(Boolean).join(' ')}))
				.sort((a, b) => a.name.localeCompare(b.name));
		},

		async execTarget(id) {
			const info = await docker.getContainer(id).inspect();
			const pathVariable = (info.Config?.Env ?? []).find(variable => variable.startsWith('PATH='));
			return {
				name: (info.Name ?? id.slice(0, 12)).replace(/^\//, ''),
				state: (knownStates.has(info.State?.Status) ? info.State.Status : 'created') as ContainerState,
				user: info.Config?.User ?? '',
				path: pathVariable ? pathVariable.slice(5).split(':').filter(Boolean) : [],
			};
		},

		async statPath(id, file) {
			try {
				const response = await docker.getContainer(id).infoArchive({path: file}) as Readable & {headers: Record<string, string | undefined>};
				response.resume();
				const header = response.headers['x-docker-container-path-stat'];
				if (!header) {
					return undefined;
				}

				const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {mode?: number; linkTarget?: string};
				return {mode: stat.mode ?? 0, linkTarget: stat.linkTarget ?? ''};
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404) {
					return undefined;
				}

				throw error;
			}
		},

		async readFile(id, file, maxBytes) {
			let target = file;
			// A few hops of symlinks (/etc/passwd -> ../usr/lib/passwd on some distributions).
			for (let hop = 0; hop < 8; hop++) {
				let archive;
				try {
					// eslint-disable-next-line no-await-in-loop
					archive = await collect(await docker.getContainer(id).getArchive({path: target}), maxBytes + 4096);
				} catch (error) {
					if ((error as {statusCode?: number}).statusCode === 404) {
						return undefined;
					}

					throw error;
				}

				const entry = firstTarEntry(archive);
				if (entry?.type === 'symlink') {
					target = path.posix.resolve(path.posix.dirname(target), entry.linkTarget);
					continue;
				}

				return entry?.type === 'file' ? entry.data.subarray(0, maxBytes) : undefined;
			}

			return undefined;
		},

		async exec(id, options) {
			const size = options.columns && options.rows ? {ConsoleSize: [options.rows, options.columns] as [number, number]} : {};
			const exec = await docker.getContainer(id).exec({
				Cmd: [...options.cmd],
				AttachStdin: options.tty,
				AttachStdout: true,
				AttachStderr: true,
				Tty: options.tty,
				...(options.env ? {Env: [...options.env]} : {}),
				// Engines before API 1.42 ignore it; the caller resizes once the command runs.
				...size,
			});
			// hijack: the connection becomes a raw socket, so stdin can flow while output arrives.
			const stream = await exec.start({hijack: true, stdin: options.tty, Detach: false, Tty: options.tty, ...size} as Docker.ExecStartOptions) as unknown as Duplex;
			return {
				stream,
				async resize(columns, rows) {
					await exec.resize({h: rows, w: columns});
				},
				async exitCode() {
					const info = await exec.inspect();
					return info.Running || info.ExitCode === null ? undefined : info.ExitCode;
				},
			};
		},
	};
}
