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
};

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
	readonly apiVersion?: string;
	readonly os?: string;
};

export type EngineEvent = {
	readonly type: string;
	readonly action: string;
	readonly id: string;
	readonly time: number;
};

export type ContainerVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

export type PaneId = 'containers' | 'images' | 'networks' | 'volumes';
