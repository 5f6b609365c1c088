import type {Duplex} from 'node:stream';
import type {LogChunk} from './demux.js';
import type {StatsPoint, TopTable} from '../core/details.js';
import type {Container, ContainerState, ContainerStats, ContainerVerb, DiskUsage, EngineEvent, EngineInfo, Image, Network, Volume} from '../core/types.js';
import type {InspectDocument, LogOptions} from './container-details.js';
import type {StatsSource} from './cgroup-stats.js';
import type {ImageUpdates} from './image-updates.js';
import type {Swarm} from './swarm.js';

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
	/** Pull (P) and update (U): image-updates.ts, on the same connection. */
	readonly updates: ImageUpdates;
	/** Swarm mode through the same client (issue 17); absent in stub Engines of tests. */
	readonly swarm?: Swarm;
};
