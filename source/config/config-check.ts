import {defaultKeymap, type Binding} from '../keys/keymap.js';
import {remapKeymap} from '../keys/remap.js';
import {type ContainerColumnId, containerColumns} from '../render/container-row.js';
import {type ThemeName, themeNames} from '../render/theme.js';
import type {PaneId} from '../core/types.js';

/** The config file's settings, checked; see readme.md "Config file" for each one. */
export type Config = {
	/** The shell `e` opens, as a command line ("/bin/zsh", "bash -l"); --shell wins over it. */
	readonly shell?: string;
	readonly refresh?: {
		/** Milliseconds to wait after an Engine event before listing again (gathers a burst into one list). */
		readonly events?: number;
		/** Seconds between full lists when no event came (the backstop poll). */
		readonly poll?: number;
		/** Seconds between CPU and memory updates, or false for no stats at all (no files read, no streams). */
		readonly stats?: number | false;
	};
	readonly logs?: {readonly tail?: number; readonly buffer?: number};
	/** The pane shown first. */
	readonly pane?: PaneId;
	/** The Containers table's columns, in this order. */
	readonly columns?: readonly ContainerColumnId[];
	readonly theme?: ThemeName;
	/** The keymap with the file's "keys" applied (only when it has some). */
	readonly keymap?: readonly Binding[];
	/** Confirmations that may be turned off: false acts at once. */
	readonly confirm?: {readonly kill?: boolean; readonly remove?: boolean};
};

/** A setting that cannot be used: where it is (a path such as "refresh.poll" or "keys.quit[1]") and why. */
export class ConfigProblem extends Error {
	constructor(readonly path: string, message: string) {
		super(message);
	}
}

const panes: readonly PaneId[] = ['containers', 'images', 'networks', 'volumes'];
const columnIds = containerColumns.map(c => c.id);
// Confirmations that always stay: what they remove cannot be brought back from a container list.
const alwaysAsked: Readonly<Record<string, string>> = {
	cleanup: 'clean-ups', images: 'removing images', networks: 'removing networks', volumes: 'removing volumes', force: 'force-removing running containers',
};

const shape = {
	top: ['shell', 'refresh', 'logs', 'pane', 'columns', 'theme', 'keys', 'confirm'],
	refresh: ['events', 'poll', 'stats'],
	logs: ['tail', 'buffer'],
	confirm: ['kill', 'remove'],
} as const;

const quote = (values: readonly string[]) => values.map(v => `"${v}"`).join(', ');
const show = (value: unknown) => JSON.stringify(value);

function objectAt(value: unknown, path: string, example: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new ConfigProblem(path, `"${path}" must be an object, e.g. ${example}`);
	}

	return value as Record<string, unknown>;
}

function onlyKnown(object: Record<string, unknown>, known: readonly string[], parent: string): void {
	for (const key of Object.keys(object)) {
		if (!known.includes(key)) {
			const where = parent ? `in "${parent}" ` : '';
			if (parent === 'confirm' && alwaysAsked[key]) {
				throw new ConfigProblem(`${parent}.${key}`, `"confirm.${key}": ${alwaysAsked[key]} always asks first; only ${quote(known)} can be turned off`);
			}

			throw new ConfigProblem(parent ? `${parent}.${key}` : key, `unknown setting "${key}" ${where}(known: ${quote(known)})`);
		}
	}
}

function numberAt(value: unknown, path: string, least: number, most: number, unit: string, whole = false): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < least || value > most || (whole && !Number.isInteger(value))) {
		throw new ConfigProblem(path, `"${path}" must be a ${whole ? 'whole ' : ''}number of ${unit} from ${least} to ${most}, not ${show(value)}`);
	}

	return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw new ConfigProblem(path, `"${path}" must be one of ${quote(allowed)}, not ${show(value)}`);
	}

	return value as T;
}

/** Checks everything but "shell" (config.ts does that); throws a ConfigProblem at the first bad setting. */
export function checkSettings(json: Record<string, unknown>): Omit<Config, 'shell'> {
	onlyKnown(json, shape.top, '');
	const config: {-readonly [K in keyof Config]: Config[K]} = {};
	if (json['refresh'] !== undefined) {
		const refresh = objectAt(json['refresh'], 'refresh', '{"poll": 10}');
		onlyKnown(refresh, shape.refresh, 'refresh');
		const {events, poll, stats} = refresh;
		config.refresh = {
			...(events === undefined ? {} : {events: numberAt(events, 'refresh.events', 0, 10_000, 'milliseconds', true)}),
			...(poll === undefined ? {} : {poll: numberAt(poll, 'refresh.poll', 1, 3600, 'seconds')}),
			...(stats === undefined ? {} : {stats: stats === false ? false : numberAt(stats, 'refresh.stats', 1, 60, 'seconds (or false for none)')}),
		};
	}

	if (json['logs'] !== undefined) {
		const logs = objectAt(json['logs'], 'logs', '{"tail": 200}');
		onlyKnown(logs, shape.logs, 'logs');
		config.logs = {
			...(logs['tail'] === undefined ? {} : {tail: numberAt(logs['tail'], 'logs.tail', 0, 1_000_000, 'lines', true)}),
			...(logs['buffer'] === undefined ? {} : {buffer: numberAt(logs['buffer'], 'logs.buffer', 100, 10_000_000, 'lines', true)}),
		};
	}

	if (json['pane'] !== undefined) {
		config.pane = oneOf(json['pane'], 'pane', panes);
	}

	if (json['columns'] !== undefined) {
		config.columns = checkColumns(json['columns']);
	}

	if (json['theme'] !== undefined) {
		config.theme = oneOf(json['theme'], 'theme', themeNames);
	}

	if (json['keys'] !== undefined) {
		config.keymap = checkKeys(json['keys']);
	}

	if (json['confirm'] !== undefined) {
		const confirm = objectAt(json['confirm'], 'confirm', '{"kill": false}');
		onlyKnown(confirm, shape.confirm, 'confirm');
		for (const [key, value] of Object.entries(confirm)) {
			if (typeof value !== 'boolean') {
				throw new ConfigProblem(`confirm.${key}`, `"confirm.${key}" must be true or false, not ${show(value)}`);
			}
		}

		config.confirm = confirm as Config['confirm'];
	}

	return config;
}

function checkColumns(value: unknown): readonly ContainerColumnId[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new ConfigProblem('columns', `"columns" must be a list of column names, e.g. ["name", "state", "cpu"] (known: ${quote(columnIds)})`);
	}

	const seen: ContainerColumnId[] = [];
	for (const [index, id] of value.entries()) {
		const path = `columns[${index}]`;
		if (typeof id !== 'string' || !(columnIds as readonly string[]).includes(id)) {
			throw new ConfigProblem(path, `unknown column ${show(id)} in "columns" (known: ${quote(columnIds)})`);
		}

		if (seen.includes(id as ContainerColumnId)) {
			throw new ConfigProblem(path, `column "${id}" is in "columns" twice`);
		}

		seen.push(id as ContainerColumnId);
	}

	// A row without its name cannot be told apart from the others.
	if (!seen.includes('name')) {
		throw new ConfigProblem('columns', '"columns" must include "name"');
	}

	return seen;
}

function checkKeys(value: unknown): readonly Binding[] {
	const keys = objectAt(value, 'keys', '{"container.restart": ["R"]}');
	const remaps: Record<string, readonly string[]> = {};
	for (const [command, written] of Object.entries(keys)) {
		const list = typeof written === 'string' ? [written] : written;
		if (!Array.isArray(list) || list.some(k => typeof k !== 'string')) {
			throw new ConfigProblem(`keys.${command}`, `"keys" of "${command}" must be a list of key names, e.g. ["R", "ctrl+r"], not ${show(written)}`);
		}

		remaps[command] = list as string[];
	}

	const result = remapKeymap(defaultKeymap, remaps);
	if ('problem' in result) {
		const {command, index, message} = result.problem;
		const path = typeof keys[command] === 'string' || index === undefined ? `keys.${command}` : `keys.${command}[${index}]`;
		throw new ConfigProblem(path, message);
	}

	return result.table;
}
