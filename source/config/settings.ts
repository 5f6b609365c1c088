import type {Config} from './config.js';
import {defaults, type Flags} from './defaults.js';
import type {Binding} from '../keys/keymap.js';
import type {ContainerColumnId} from '../render/container-row.js';
import {makeTheme, type Theme} from '../render/theme.js';
import type {PaneId} from '../core/types.js';

/** What tsdtop runs with, once the command line, the config file and the defaults are weighed. */
export type Settings = {
	readonly theme: Theme;
	readonly tail: number;
	readonly logBuffer: number;
	readonly shell?: string;
	readonly pane?: PaneId;
	readonly columns?: readonly ContainerColumnId[];
	readonly refresh?: Config['refresh'];
	readonly confirm?: Config['confirm'];
	readonly keymap?: readonly Binding[];
};

/** Flags win over the config file, and the config file over the defaults. NO_COLOR counts as --no-color. */
export function settle(flags: Flags, config: Config, env: Readonly<Record<string, string | undefined>>): Settings {
	// --no-color and NO_COLOR turn colour off whatever the file says.
	const theme = flags.color === false || env['NO_COLOR'] ? 'none' : config.theme ?? 'dark';
	const shell = flags.shell?.trim() ?? config.shell;
	return {
		theme: makeTheme(theme),
		tail: flags.tail ?? config.logs?.tail ?? defaults.tail,
		logBuffer: flags.logBuffer ?? config.logs?.buffer ?? defaults.logBuffer,
		...(shell ? {shell} : {}),
		...(config.pane ? {pane: config.pane} : {}),
		...(config.columns ? {columns: config.columns} : {}),
		...(config.refresh ? {refresh: config.refresh} : {}),
		...(config.confirm ? {confirm: config.confirm} : {}),
		...(config.keymap ? {keymap: config.keymap} : {}),
	};
}
