/**
 * What the command line says. Settings the config file can also make are left out when the command
 * line does not give them, so that the order is: flags, then the config file, then the defaults.
 */
export type Flags = {
	readonly host?: string;
	readonly context?: string;
	readonly all: boolean;
	readonly readOnly: boolean;
	/** False for --no-color. */
	readonly color?: boolean;
	/** Lines of history a log pane starts with. */
	readonly tail?: number;
	/** Lines a log pane keeps. */
	readonly logBuffer?: number;
	/** The shell e opens, over the config's. */
	readonly shell?: string;
	/** The config file to read instead of the usual one. */
	readonly config?: string;
};

/** Plain `tsdtop`: kept apart so that it loads no parser. */
export const defaultFlags: Flags = {all: false, readOnly: false};

/** What tsdtop uses when neither the command line nor the config file says. */
export const defaults = {tail: 500, logBuffer: 10_000} as const;
