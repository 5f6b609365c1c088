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

/** One line of a command's output, already made safe to print. */
export type OutputLine = {readonly text: string; readonly stderr?: boolean};

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
	| {readonly kind: 'help'}
	| {readonly kind: 'confirm'; readonly request: ConfirmRequest}
	| {readonly kind: 'output'; readonly output: CommandOutput};

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
	readonly ui: {
		readonly pane: PaneId;
		readonly showAll: boolean;
		readonly selectedId?: string;
		/** Row of the selection, kept so that when the selected container vanishes its neighbour is chosen. */
		readonly cursor: number;
		readonly scrollTop: number;
		readonly marks: ReadonlySet<string>;
		readonly filter: Filter;
		readonly overlay?: Overlay;
		/** Open while the person types a command for E; drawn in the status line. */
		readonly prompt?: Prompt;
		readonly status?: Status;
		readonly viewport: {readonly columns: number; readonly rows: number};
	};
};

export function initialState(options: {readonly host: string; readonly showAll?: boolean; readonly columns?: number; readonly rows?: number}): AppState {
	return {
		connection: {status: 'connecting', host: options.host},
		stats: {},
		pending: {},
		ui: {
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
