import type {LogLine} from '../core/log-line.js';
import type {DetailContent} from '../core/details.js';
import type {PaneId} from '../core/types.js';

export type {LogLine} from '../core/log-line.js';
export type {DetailKind, StatsPoint, TopTable} from '../core/details.js';

/** One container of a merged log: who it is, how its lines are prefixed, and how its stream stands. */
export type LogSource = {
	readonly id: string;
	/** Its name as the prefix shows it, already sanitised. */
	readonly label: string;
	/** Its colour, an index into the log pane's palette; fixed once given, so a line keeps its colour. */
	readonly hue: number;
	readonly status: 'connecting' | 'following' | 'stopped' | 'error';
	readonly message?: string;
};

/** What a merged log (issue 16 item 2) adds to a log pane. */
export type MergedLogs = {
	/** The containers followed; a project's later containers are added as they appear. */
	readonly sources?: readonly LogSource[];
	/** The compose projects whose containers it follows (a container created in one later joins). */
	readonly projects?: readonly string[];
	/** The pane Esc returns to when the log closes (Projects, when it was opened there). */
	readonly returnTo?: PaneId;
};

export type LogInput = {readonly mode: 'search' | 'filter'; readonly text: string; readonly cursor: number};

/**
 * The log pane, as plain data: a bounded buffer of sanitised lines and how they are viewed. A merged
 * log's `containerId` is its key (e.g. `project:shop`), and its containers are its `sources`.
 */
export type LogsState = MergedLogs & {
	/** Absent: a container's log. 'service': a swarm service's tasks, merged (containerId is the service's id; issue 17). */
	readonly kind?: 'service';
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


/** inspect, top or stats of one container. */
export type DetailState = DetailContent & {
	readonly containerId: string;
	readonly name: string;
	readonly scroll: number;
	/** The search being typed after /. */
	readonly input?: {readonly text: string; readonly cursor: number};
	/** The search in force (case-insensitive text) and the line of its current match, if any. */
	readonly search?: string;
	readonly match?: number;
};
