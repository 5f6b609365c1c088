/**
 * The one keymap table. Panes, the help overlay, the footer and readme.md all read it; nothing else
 * compares raw key strings.
 */
export type Scope = 'global' | 'list' | 'containers' | 'filter' | 'confirm' | 'help' | 'prompt' | 'output';

export type Command =
	| 'move.up' | 'move.down' | 'move.pageUp' | 'move.pageDown' | 'move.top' | 'move.bottom'
	| 'pane.next' | 'pane.previous' | 'pane.containers' | 'pane.images' | 'pane.networks' | 'pane.volumes'
	| 'filter.open' | 'filter.clear' | 'help.toggle' | 'quit'
	| 'container.toggleRun' | 'container.restart' | 'container.pause' | 'container.kill' | 'container.remove'
	| 'container.mark' | 'container.cleanup' | 'container.showAll'
	| 'container.exec' | 'container.run' | 'container.logs' | 'container.inspect'
	| 'filter.apply' | 'filter.cancel'
	| 'prompt.run' | 'prompt.cancel' | 'output.close'
	| 'confirm.yes' | 'confirm.force' | 'confirm.no'
	| 'help.close';

export type Binding = {
	readonly command: Command;
	/** Key names as keyName() produces them: 'up', 'k', 'K', 'ctrl+c', 'shift+tab', 'space'. */
	readonly keys: readonly string[];
	readonly scope: Scope;
	readonly description: string;
	/** Short label for the footer; bindings without one stay out of it. */
	readonly hint?: string;
	/** Changes or removes something the person may not get back: confirms first, hidden when read-only. */
	readonly dangerous?: boolean;
};

export const keymap: readonly Binding[] = [
	{command: 'move.up', keys: ['up', 'k'], scope: 'list', description: 'move up'},
	{command: 'move.down', keys: ['down', 'j'], scope: 'list', description: 'move down', hint: 'move'},
	{command: 'move.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'list', description: 'page up'},
	{command: 'move.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'list', description: 'page down'},
	{command: 'move.top', keys: ['g', 'home'], scope: 'list', description: 'first row'},
	{command: 'move.bottom', keys: ['G', 'end'], scope: 'list', description: 'last row'},
	{command: 'filter.open', keys: ['/'], scope: 'list', description: 'filter by name, image or status', hint: 'filter'},
	{command: 'filter.clear', keys: ['escape'], scope: 'list', description: 'clear the filter and marks'},

	{command: 'container.toggleRun', keys: ['s'], scope: 'containers', description: 'stop a running container, start a stopped one', hint: 'stop/start'},
	{command: 'container.restart', keys: ['r'], scope: 'containers', description: 'restart', hint: 'restart'},
	{command: 'container.pause', keys: ['p'], scope: 'containers', description: 'pause / unpause'},
	{command: 'container.kill', keys: ['K'], scope: 'containers', description: 'kill (asks first)', dangerous: true},
	{command: 'container.remove', keys: ['D'], scope: 'containers', description: 'remove (asks first; running ones get a force option)', hint: 'remove', dangerous: true},
	{command: 'container.mark', keys: ['space'], scope: 'containers', description: 'mark or unmark; s r p K D act on all marked', hint: 'mark'},
	{command: 'container.cleanup', keys: ['C'], scope: 'containers', description: 'clean up: remove all stopped containers (those matching the filter, if one is set); lists them first', hint: 'clean up', dangerous: true},
	{command: 'container.showAll', keys: ['a'], scope: 'containers', description: 'show or hide stopped containers', hint: 'all'},
	{command: 'container.exec', keys: ['e'], scope: 'containers', description: 'a shell (exit or Ctrl+D returns)', hint: 'shell'},
	{command: 'container.run', keys: ['E'], scope: 'containers', description: 'run a command'},
	{command: 'container.logs', keys: ['l', 'return'], scope: 'containers', description: 'logs (coming)'},
	{command: 'container.inspect', keys: ['i'], scope: 'containers', description: 'inspect (coming)'},

	{command: 'pane.next', keys: ['tab'], scope: 'global', description: 'next pane'},
	{command: 'pane.previous', keys: ['shift+tab'], scope: 'global', description: 'previous pane'},
	{command: 'pane.containers', keys: ['1'], scope: 'global', description: 'Containers pane'},
	{command: 'pane.images', keys: ['2'], scope: 'global', description: 'Images pane'},
	{command: 'pane.networks', keys: ['3'], scope: 'global', description: 'Networks pane'},
	{command: 'pane.volumes', keys: ['4'], scope: 'global', description: 'Volumes pane'},
	{command: 'help.toggle', keys: ['?'], scope: 'global', description: 'help: every key of this pane', hint: 'help'},
	{command: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', description: 'quit', hint: 'quit'},

	{command: 'filter.apply', keys: ['return', 'down', 'up'], scope: 'filter', description: 'keep the filter and go back to the list', hint: 'keep'},
	{command: 'filter.cancel', keys: ['escape'], scope: 'filter', description: 'clear the filter', hint: 'clear'},

	{command: 'confirm.yes', keys: ['y', 'Y'], scope: 'confirm', description: 'yes, do it', hint: 'yes'},
	{command: 'confirm.force', keys: ['f'], scope: 'confirm', description: 'force (when offered)', hint: 'force'},
	{command: 'confirm.no', keys: ['n', 'N', 'escape', 'return', 'q'], scope: 'confirm', description: 'no (the default)', hint: 'no'},

	{command: 'help.close', keys: ['escape', '?', 'q', 'return'], scope: 'help', description: 'close help'},

	{command: 'prompt.run', keys: ['return'], scope: 'prompt', description: 'run the command in the container', hint: 'run'},
	{command: 'prompt.cancel', keys: ['escape', 'ctrl+c'], scope: 'prompt', description: 'cancel', hint: 'cancel'},

	{command: 'move.up', keys: ['up', 'k'], scope: 'output', description: 'scroll up'},
	{command: 'move.down', keys: ['down', 'j'], scope: 'output', description: 'scroll down', hint: 'scroll'},
	{command: 'move.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'output', description: 'page up'},
	{command: 'move.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], scope: 'output', description: 'page down'},
	{command: 'move.top', keys: ['g', 'home'], scope: 'output', description: 'first line'},
	{command: 'move.bottom', keys: ['G', 'end'], scope: 'output', description: 'last line, following new output'},
	{command: 'container.run', keys: ['E'], scope: 'output', description: 'run another command in the same container', hint: 'run another'},
	{command: 'output.close', keys: ['escape', 'q', 'return'], scope: 'output', description: 'close the output', hint: 'close'},
];

const containersPaneScopes: readonly Scope[] = ['containers', 'list', 'global'];
const otherPaneScopes: readonly Scope[] = ['list', 'global'];

/** Scopes searched, in order, for a key while a pane has focus and nothing is open over it. The same array each call. */
export function paneScopes(pane: string): readonly Scope[] {
	return pane === 'containers' ? containersPaneScopes : otherPaneScopes;
}

const index = new Map<string, Binding>();
for (const binding of keymap) {
	for (const key of binding.keys) {
		const id = `${binding.scope}\u0000${key}`;
		if (!index.has(id)) {
			index.set(id, binding);
		}
	}
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

export function bindingsFor(scopes: readonly Scope[]): readonly Binding[] {
	return keymap.filter(b => scopes.includes(b.scope));
}

const scopeTitles: ReadonlyArray<[Scope, string]> = [
	['list', 'Every list'], ['containers', 'Containers pane'], ['global', 'Anywhere'], ['filter', 'In the filter box'], ['confirm', 'In a confirmation'], ['help', 'In the help overlay'],
	['prompt', 'In the command line of E'], ['output', 'In the output of a command'],
];

/** The readme's key list, one table per scope, straight from the keymap. */
export function keysMarkdown(): string {
	return scopeTitles.map(([scope, title]) => {
		const rows = keymap.filter(b => b.scope === scope).map(b => `| ${b.keys.map(k => `\`${displayKey(k)}\``).join(' ')} | ${b.description} |`);
		return [`**${title}**`, '', '| key | does |', '|---|---|', ...rows].join('\n');
	}).join('\n\n');
}
