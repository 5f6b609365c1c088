export type DetailKind = 'inspect' | 'top' | 'stats';

/** A point of the stats view: one sample of the streaming stats connection. */
export type StatsPoint = {
	readonly cpuPercent?: number;
	readonly memoryBytes: number;
	readonly memoryLimitBytes: number;
	readonly rxBytes: number;
	readonly txBytes: number;
	readonly blockReadBytes: number;
	readonly blockWriteBytes: number;
	readonly pids: number;
	/** When the Engine read the sample (its `read` time), if it says. */
	readonly readMs?: number;
};

export type TopTable = {readonly titles: readonly string[]; readonly processes: readonly (readonly string[])[]};

/** What the inspect, top or stats view of one container shows (store/log-state.ts adds how it is viewed). */
export type DetailContent = {
	readonly kind: DetailKind;
	/** Already formatted lines of the inspect view. */
	readonly inspect?: readonly string[];
	readonly top?: TopTable;
	readonly stats: readonly StatsPoint[];
	readonly error?: string;
};
