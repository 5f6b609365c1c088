import type {RawLine} from '../docker/line-splitter.js';

/** A line in the log buffer: its sequence number never changes, so a paused view can hold on to it. */
export type LogLine = RawLine & {readonly seq: number};

export type LogInput = {readonly mode: 'search' | 'filter'; readonly text: string; readonly cursor: number};

/** The log pane, as plain data: a bounded buffer of sanitised lines and how they are viewed. */
export type LogsState = {
	readonly containerId: string;
	readonly name: string;
	/** At most `capacity` lines, oldest first. */
	readonly lines: readonly LogLine[];
	readonly nextSeq: number;
	readonly status: 'connecting' | 'following' | 'stopped' | 'error';
	readonly message?: string;
	readonly follow: boolean;
	/** While paused: the seq of the line at the top of the view. Lines arriving never move it. */
	readonly anchor: number;
	/** Lines that arrived while paused. */
	readonly unread: number;
	/** Lines not kept while paused because the buffer was full from the view down. */
	readonly dropped: number;
	readonly timestamps: boolean;
	readonly wrap: boolean;
	readonly search: string;
	readonly filter: string;
	readonly input?: LogInput;
	/** The seq of the current search match. */
	readonly current?: number;
};

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

/** inspect, top or stats of one container. */
export type DetailState = {
	readonly kind: DetailKind;
	readonly containerId: string;
	readonly name: string;
	readonly scroll: number;
	/** Already formatted lines of the inspect view. */
	readonly inspect?: readonly string[];
	readonly top?: TopTable;
	readonly stats: readonly StatsPoint[];
	readonly error?: string;
	/** The search being typed after /. */
	readonly input?: {readonly text: string; readonly cursor: number};
	/** The search in force (case-insensitive text) and the line of its current match, if any. */
	readonly search?: string;
	readonly match?: number;
};
