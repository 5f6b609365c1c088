/** Domain types: what tsdtop knows of the Engine, independent of the API's JSON shapes. */

export type ContainerState = 'running' | 'paused' | 'restarting' | 'created' | 'exited' | 'dead' | 'removing';

export type Health = 'healthy' | 'unhealthy' | 'starting';

export type Port = {
	readonly privatePort: number;
	readonly publicPort?: number;
	readonly ip?: string;
	readonly protocol: string;
};

export type Container = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly command: string;
	readonly state: ContainerState;
	/** The Engine's own status text, e.g. "Up 3 minutes (healthy)" or "Exited (137) 2 hours ago". */
	readonly status: string;
	readonly health?: Health;
	readonly exitCode?: number;
	/** Seconds since the epoch. */
	readonly created: number;
	/** Sorted, so rows do not jitter between refreshes. */
	readonly ports: readonly Port[];
	/** com.docker.compose.project, when the container belongs to one. */
	readonly project?: string;
	readonly labels: Readonly<Record<string, string>>;
	/** What it uses, so the other panes can say how many containers use an image, network or volume. */
	readonly imageId?: string;
	readonly networkIds?: readonly string[];
	/**
	 * The networks it is set to join, by name: a created (never started) container's entries carry
	 * no network id yet, so only the name tells which network it will use.
	 */
	readonly networkNames?: readonly string[];
	readonly volumeNames?: readonly string[];
};

/** One row of the Images pane: an image under one of its tags (an untagged image has one row). */
export type Image = {
	/** Unique per row: the image id and the tag. */
	readonly rowId: string;
	readonly id: string;
	/** "repo:tag", or "<none>:<none>" for a dangling image. */
	readonly tag: string;
	/** Every tag of the image: removing a row removes only its tag while others remain. */
	readonly tags: readonly string[];
	readonly size: number;
	readonly created: number;
	readonly dangling: boolean;
};

export type Network = {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	readonly subnet: string;
	/** bridge, host and none: the Engine's own, never removable. */
	readonly builtin: boolean;
};

export type Volume = {
	readonly name: string;
	readonly driver: string;
	readonly mountpoint: string;
	readonly created?: string;
	/** From system df; undefined until it has answered (or where the Engine does not say). */
	readonly size?: number;
};

/** docker system df, reduced to what the header shows. */
export type DiskUsage = Readonly<Record<'images' | 'containers' | 'volumes' | 'buildCache', {readonly count: number; readonly size: number; readonly reclaimable: number}>>;

/** One resource sample of a running container, already reduced to what the table shows. */
export type ContainerStats = {
	/** Percent of one core (can exceed 100 on several cores), undefined until two samples exist. */
	readonly cpuPercent?: number;
	readonly memoryBytes: number;
	readonly memoryLimitBytes: number;
};

export type EngineInfo = {
	/** What the person asked for, shown in the header: e.g. unix:///var/run/docker.sock. */
	readonly host: string;
	readonly version?: string;
	/** 'Podman' when Podman serves the Docker API; undefined for Docker itself. */
	readonly product?: string;
	readonly apiVersion?: string;
	readonly os?: string;
};

export type EngineEvent = {
	readonly type: string;
	/** e.g. 'die', 'rename', 'health_status: healthy'. */
	readonly action: string;
	readonly id: string;
	/** Seconds since the epoch. */
	readonly time: number;
	/** The actor's attributes: name, image, the labels, and per action exitCode, signal, oldName. */
	readonly attributes: Readonly<Record<string, string>>;
};

export type ContainerVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

export type PaneId = 'containers' | 'images' | 'networks' | 'volumes'
	// Issue 16 item 1: compose projects (key 5).
	| 'projects'
	// Swarm (issue 17): shown only while the Engine is a swarm manager.
	| 'services' | 'nodes';
