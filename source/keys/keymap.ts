import type {PaneId} from '../core/types.js';
import {defaultKeymap} from './bindings.js';
import {type Binding, changesEngineBinding, type Command, type Scope} from './commands.js';
import {paneStacks} from './stacks.js';

/**
 * The one keymap table in use, and the lookups on it. Panes, the help overlay, the footer and
 * readme.md all read it; nothing else compares raw key strings. The config file's "keys" make a new
 * table from it (remap.ts) that installKeymap() installs once at startup.
 */
export {defaultKeymap} from './bindings.js';
export type {Binding, Command, EditCommand, Scope, ScrollCommand} from './commands.js';

/** Scopes searched, in order, for a key while a pane has focus and nothing is open over it. The same array each call. */
export function paneScopes(pane: PaneId): readonly Scope[] {
	return paneStacks[pane];
}

/** The table in use: the default one, or the config file's remapping of it. */
export let keymap: readonly Binding[] = defaultKeymap;

let index = indexOf(keymap);

function indexOf(table: readonly Binding[]): Map<string, Binding> {
	const found = new Map<string, Binding>();
	for (const binding of table) {
		for (const key of binding.keys) {
			const id = `${binding.scope}\u0000${key}`;
			if (!found.has(id)) {
				found.set(id, binding);
			}
		}
	}

	return found;
}

/** Puts a table (from remapKeymap) in use: called once, before anything is drawn. */
export function installKeymap(table: readonly Binding[]): void {
	keymap = table;
	index = indexOf(table);
}

/** The command a key means in the first of `scopes` that binds it. */
export function resolveKey(key: string, scopes: readonly Scope[]): Command | undefined {
	for (const scope of scopes) {
		const binding = index.get(`${scope}\u0000${key}`);
		if (binding) {
			return binding.command;
		}
	}

	return undefined;
}

/** How the first key bound to a command is written, in the table in use (the config file may remap it); in `scope` when given. */
export function keyLabel(command: Command, scope?: Scope): string {
	const key = keymap.find(b => b.command === command && (scope === undefined || b.scope === scope))?.keys[0];
	return key === undefined ? '?' : displayKey(key);
}

/** How a key name is written for people: 'up' -> '↑', 'ctrl+c' -> 'Ctrl+C'. */
export function displayKey(key: string): string {
	const names: Record<string, string> = {
		up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
		return: 'Enter', escape: 'Esc', tab: 'Tab', 'shift+tab': 'Shift+Tab', space: 'Space',
	};
	if (names[key]) {
		return names[key];
	}

	const ctrl = /^ctrl\+(.)$/.exec(key);
	return ctrl ? `Ctrl+${ctrl[1]!.toUpperCase()}` : key;
}

/** True for a command --read-only turns off. */
export function changesEngine(command: Command): boolean {
	return keymap.some(b => b.command === command && changesEngineBinding(b));
}

export function bindingsFor(scopes: readonly Scope[], options: {readonly readOnly?: boolean} = {}): readonly Binding[] {
	return keymap.filter(b => scopes.includes(b.scope) && !(options.readOnly && changesEngineBinding(b)));
}

const scopeTitles: ReadonlyArray<[Scope, string]> = [
	['list', 'Every list'], ['containers', 'Containers pane'], ['projects', 'Projects pane'], ['resources', 'Images, Networks and Volumes panes'], ['logs', 'Log pane'],
	['logsearch', 'Typing a log search or filter'], ['split', 'List and logs side by side'], ['detail', 'Inspect, top and stats views'], ['detailsearch', 'Typing a search in inspect, top or stats'], ['global', 'Anywhere'],
	['filter', 'In the filter box'], ['confirm', 'In a confirmation'], ['help', 'In the help overlay'], ['page', 'In an inspect page'],
	['prompt', 'In the command line of E'], ['output', 'In the output of a command'], ['confirmtype', 'In a confirmation that wants a name typed'],
	['edit', 'In any line being typed (filter, search, command, switcher filter, a name to confirm)'], ['always', 'Whatever is open, even while typing'],
	['switcher', 'In the Engine switcher (:)'], ['switcherfilter', 'Typing the Engine switcher\'s filter'],
	['images', 'Images pane'], ['pullprompt', 'Typing the image reference to pull (P)'],
	['services', 'Services pane (swarm manager)'], ['nodes', 'Nodes pane (swarm manager)'], ['tasks', 'A service\'s tasks'], ['replicas', 'Typing a replica count (=)'],
];

/** The readme's key list, one table per scope, straight from the keymap; the command names are what the config file's "keys" remap. */
export function keysMarkdown(): string {
	return scopeTitles.map(([scope, title]) => {
		const rows = defaultKeymap.filter(b => b.scope === scope).map(b => `| ${b.keys.map(k => `\`${displayKey(k)}\``).join(' ')} | ${b.description} | \`${b.command}\` |`);
		return [`**${title}**`, '', '| key | does | command |', '|---|---|---|', ...rows].join('\n');
	}).join('\n\n');
}
