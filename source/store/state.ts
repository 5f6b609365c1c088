import type {DetailState, LogsState} from '../logs/types.js';
import type {Container, ContainerStats, EngineInfo, PaneId} from '../types.js';

/** A one-line message in the status bar. */
export type Status = {
	readonly kind: 'info' | 'progress' | 'success' | 'error';
	readonly text: string;
};

/** A container named in a confirmation: enough to say exactly what will go. */
export type Target = {
	readonly id: string;
	readonly name: string;
	readonly state: Container['state'];
};

/** What a confirmation will do once the person says yes. Plain data; the dialog text is derived from it. */
export type ConfirmRequest = {
	readonly action: 'kill' | 'remove' | 'cleanup';
	readonly targets: readonly Target[];
	/** The filter a cleanup was limited to, so the dialog can say so. */
	readonly filter?: string;
};

export type Overlay =
	| {readonly kind: 'help'}
	| {readonly kind: 'confirm'; readonly request: ConfirmRequest};

export type Filter = {
	readonly open: boolean;
	readonly text: string;
	readonly cursor: number;
};

export type ConnectionState = {
	readonly status: 'connecting' | 'connected' | 'disconnected';
	readonly host: string;
	readonly info?: EngineInfo;
	readonly error?: string;
	/** Epoch ms of the next reconnect attempt while disconnected. */
	readonly retryAt?: number;
};

export type AppState = {
	readonly connection: ConnectionState;
	/** Undefined until the first list arrives, so the screen can tell "loading" from "none". */
	readonly containers?: readonly Container[];
	readonly stats: Readonly<Record<string, ContainerStats>>;
	/** Containers with an action under way, e.g. {id: 'stopping'}. */
	readonly pending: Readonly<Record<string, string>>;
	/** The log pane while it is open. */
	readonly logs?: LogsState;
	/** inspect, top or stats of the selected container, while shown. */
	readonly detail?: DetailState;
	readonly config: {
		/** Lines of history a log pane starts with (--tail). */
		readonly tail: number;
		/** Lines a log pane keeps (--log-buffer). */
		readonly logCapacity: number;
	};
	readonly ui: {
		/** Where keys go when the list and the logs stand side by side. */
		readonly focus: 'list' | 'logs';
		readonly pane: PaneId;
		readonly showAll: boolean;
		readonly selectedId?: string;
		/** Row of the selection, kept so that when the selected container vanishes its neighbour is chosen. */
		readonly cursor: number;
		readonly scrollTop: number;
		readonly marks: ReadonlySet<string>;
		readonly filter: Filter;
		readonly overlay?: Overlay;
		readonly status?: Status;
		readonly viewport: {readonly columns: number; readonly rows: number};
	};
};

export type InitialOptions = {
	readonly host: string;
	readonly showAll?: boolean;
	readonly columns?: number;
	readonly rows?: number;
	readonly tail?: number;
	readonly logCapacity?: number;
};

export function initialState(options: InitialOptions): AppState {
	return {
		connection: {status: 'connecting', host: options.host},
		stats: {},
		pending: {},
		config: {tail: options.tail ?? 500, logCapacity: options.logCapacity ?? 10_000},
		ui: {
			focus: 'list',
			pane: 'containers',
			showAll: options.showAll ?? false,
			cursor: 0,
			scrollTop: 0,
			marks: new Set(),
			filter: {open: false, text: '', cursor: 0},
			viewport: {columns: options.columns ?? 80, rows: options.rows ?? 24},
		},
	};
}
