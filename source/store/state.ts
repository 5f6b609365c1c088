import type {OutputLine} from '../core/output-line.js';
import type {DetailState, LogsState} from './log-state.js';
import {type ContainerColumnId, containerColumns} from '../render/container-row.js';
import type {ConfirmRequest, Target} from '../core/confirm.js';
import type {Container, ContainerStats, DiskUsage, EngineInfo, Image, Network, PaneId, Volume} from '../core/types.js';
import {type EventMarks, noMarks} from './container-events.js';
import type {Switcher} from './switcher.js';
import type {ConnectionStatus} from '../core/connection-status.js';
import type {Sort} from '../core/sort.js';
import {noPulls, type PullsState} from './pull-state.js';
import type {SwarmState} from './swarm-state.js';

/** A one-line message in the status bar. */
export type Status = {
	readonly kind: 'info' | 'progress' | 'success' | 'error';
	readonly text: string;
};

export type {ConfirmRequest, ResourceAction, Target} from '../core/confirm.js';

/** A read-only page of text over the pane (inspect of an image, network or volume). */
export type TextPage = {readonly title: string; readonly lines: readonly string[]; readonly scroll: number};

/** One line of a command's output, already made safe to print. */
export type {OutputLine} from '../core/output-line.js';

/** A one-off command run with E, and what it has printed so far. */
export type CommandOutput = {
	/** Tells this run from the one before, so late output of a closed run is dropped. */
	readonly id: number;
	readonly target: Target;
	readonly command: string;
	readonly lines: readonly OutputLine[];
	/** Lines dropped from the top to keep memory bounded. */
	readonly dropped: number;
	readonly running: boolean;
	readonly exitCode?: number;
	readonly error?: string;
	/** First line shown, while the person reads back; ignored while following. */
	readonly scrollTop: number;
	/** Keeps the newest lines in view as they arrive, until the person scrolls up. */
	readonly follow: boolean;
};

export type Overlay =
	| {readonly kind: 'help'; readonly scroll?: number}
	| {readonly kind: 'confirm'; readonly request: ConfirmRequest; readonly typed?: string; readonly scroll?: number}
	| ({readonly kind: 'page'} & TextPage)
	| {readonly kind: 'output'; readonly output: CommandOutput}
	| {readonly kind: 'switcher'; readonly switcher: Switcher};

/** The command line typed after E, for the container it will run in. */
export type Prompt = {
	readonly target: Target;
	readonly text: string;
	readonly cursor: number;
};

export type Filter = {
	readonly open: boolean;
	readonly text: string;
	readonly cursor: number;
};

export type {Sort} from '../core/sort.js';

/**
 * What a list remembers: selection, scroll, marks, filter and sort. The focused pane's list lives in
 * ui itself, so moving, filtering and marking have one code path; the others wait in ui.parked.
 */
export type ListUi = {
	readonly selectedId?: string;
	readonly cursor: number;
	readonly scrollTop: number;
	readonly marks: ReadonlySet<string>;
	readonly filter: Filter;
	readonly sort?: Sort;
	/** Containers only: the compose project Enter on the Projects pane narrowed the list to (Esc goes back). */
	readonly project?: string;
};

export const emptyList: ListUi = {cursor: 0, scrollTop: 0, marks: new Set(), filter: {open: false, text: '', cursor: 0}};

export type ConnectionState = {
	readonly status: ConnectionStatus;
	readonly host: string;
	/** Where the Engine was picked, for the header: 'via DOCKER_HOST', 'via --context'... */
	readonly origin?: string;
	/** The switcher's id of this Engine ('context:NAME', 'host:URL', 'default'), to mark it in use. */
	readonly target?: string;
	readonly info?: EngineInfo;
	readonly error?: string;
	/** Epoch ms of the next reconnect attempt while disconnected. */
	readonly retryAt?: number;
};

export type AppState = {
	readonly connection: ConnectionState;
	/** Undefined until the first list arrives, so the screen can tell "loading" from "none". */
	readonly containers?: readonly Container[];
	/** Rows changed by events (or tsdtop's own actions) that no list has confirmed yet. */
	readonly eventMarks: EventMarks;
	readonly stats: Readonly<Record<string, ContainerStats>>;
	/** Containers with an action under way, e.g. {id: 'stopping'}. */
	readonly pending: Readonly<Record<string, string>>;
	/** Loaded when their pane is first shown, then kept live by events. */
	readonly images?: readonly Image[];
	readonly networks?: readonly Network[];
	readonly volumes?: readonly Volume[];
	readonly diskUsage?: DiskUsage;
	/** Swarm mode (issue 17): the role, once the Engine has said it, and the lists of a manager. */
	readonly swarm?: SwarmState;
	/** The last errors shown in the status bar, newest last, for the history (!). */
	readonly errors: ReadonlyArray<{readonly at: number; readonly text: string}>;
	/** The log pane while it is open. */
	readonly logs?: LogsState;
	/** inspect, top or stats of the selected container, while shown. */
	readonly detail?: DetailState;
	/** P on the Images pane: the reference being typed and the pull under way (store/pull-state.ts). */
	readonly pulls: PullsState;
	readonly config: {
		/** Lines of history a log pane starts with (--tail). */
		readonly tail: number;
		/** Lines a log pane keeps (--log-buffer). */
		readonly logCapacity: number;
		/** The Containers table's columns, in screen order (the config file's "columns"). */
		readonly containerColumns: readonly ContainerColumnId[];
		/** Whether kill and remove (of stopped containers) ask first; the config file can say no. */
		readonly confirm: {readonly kill: boolean; readonly remove: boolean};
	};
	readonly ui: ListUi & {
		/** Where keys go when the list and the logs stand side by side. */
		readonly focus: 'list' | 'logs';
		readonly pane: PaneId;
		readonly showAll: boolean;
		/** --read-only: nothing that changes the Engine is offered or done. */
		readonly readOnly: boolean;
		/** Lists of the panes not in focus. */
		readonly parked: Partial<Record<PaneId, ListUi>>;
		readonly overlay?: Overlay;
		/** Open while the person types a command for E; drawn in the status line. */
		readonly prompt?: Prompt;
		readonly status?: Status;
		readonly viewport: {readonly columns: number; readonly rows: number};
	};
};

export type InitialOptions = {
	readonly host: string;
	readonly origin?: string;
	readonly target?: string;
	readonly showAll?: boolean;
	readonly readOnly?: boolean;
	readonly columns?: number;
	readonly rows?: number;
	readonly tail?: number;
	readonly logCapacity?: number;
	readonly pane?: PaneId;
	readonly containerColumns?: readonly ContainerColumnId[];
	readonly confirm?: {readonly kill?: boolean; readonly remove?: boolean};
};

export function initialState(options: InitialOptions): AppState {
	return {
		connection: {status: 'connecting', host: options.host, ...(options.origin ? {origin: options.origin} : {}), ...(options.target ? {target: options.target} : {})},
		eventMarks: noMarks,
		stats: {},
		pending: {},
		errors: [],
		pulls: noPulls,
		config: {
			tail: options.tail ?? 500,
			logCapacity: options.logCapacity ?? 10_000,
			containerColumns: options.containerColumns ?? containerColumns.map(c => c.id),
			confirm: {kill: options.confirm?.kill ?? true, remove: options.confirm?.remove ?? true},
		},
		ui: {
			...emptyList,
			focus: 'list',
			pane: options.pane ?? 'containers',
			showAll: options.showAll ?? false,
			readOnly: options.readOnly ?? false,
			parked: {},
			viewport: {columns: options.columns ?? 80, rows: options.rows ?? 24},
		},
	};
}
