/** What the command line means when it says nothing: kept apart so plain `tsdtop` loads no parser. */
export type Flags = {
	readonly host?: string;
	readonly context?: string;
	readonly all: boolean;
	readonly readOnly: boolean;
	readonly color: boolean;
	/** Lines of history a log pane starts with. */
	readonly tail: number;
	/** Lines a log pane keeps. */
	readonly logBuffer: number;
	/** The shell e opens, over the config's. */
	readonly shell?: string;
};

export const defaultFlags: Flags = {all: false, readOnly: false, color: true, tail: 500, logBuffer: 10_000};
