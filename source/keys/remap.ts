import {type Binding, type Command, type Scope, textScopes} from './commands.js';
import {scopeStacks} from './stacks.js';

const specialKeys = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape', 'tab', 'shift+tab', 'backspace', 'space']);
const aliases: Readonly<Record<string, string>> = {enter: 'return', esc: 'escape', pgup: 'pageup', pgdn: 'pagedown', ' ': 'space'};
// The terminal sends these as the same byte as Tab, Enter (two) and Backspace: they cannot be told apart.
const sameAsSpecial: Readonly<Record<string, string>> = {'ctrl+i': 'Tab', 'ctrl+j': 'Enter', 'ctrl+m': 'Enter', 'ctrl+h': 'Backspace'};

/** A key as the person wrote it, in keyName() form ('Ctrl+Y' -> 'ctrl+y', 'Enter' -> 'return'), or why not. */
export function normalizeKey(written: string): {readonly key: string} | {readonly problem: string} {
	const lower = written.toLowerCase();
	if (written.length === 1) {
		const code = written.codePointAt(0)!;
		return code > 0x20 && code < 0x7F ? {key: written} : (written === ' ' ? {key: 'space'} : {problem: `"${written}" is not a key tsdtop can bind (use a printable ASCII character or a name such as "ctrl+y")`});
	}

	const key = aliases[lower] ?? lower;
	if (specialKeys.has(key)) {
		return {key};
	}

	const ctrl = /^ctrl\+([a-z])$/.exec(key);
	if (ctrl) {
		return sameAsSpecial[key] ? {problem: `"${written}" reaches tsdtop as ${sameAsSpecial[key]}; bind that instead`} : {key};
	}

	return {problem: `"${written}" is not a key name: use one character ("x", "X", "/"), ctrl+a to ctrl+z, or one of ${[...specialKeys].join(', ')}`};
}

export type RemapProblem = {
	/** The command whose keys are wrong. */
	readonly command: string;
	/** Index of the key in that command's list, when one key is the trouble. */
	readonly index?: number;
	readonly message: string;
};

/**
 * A new keymap table with some commands' keys replaced (every binding of a command gets the new
 * keys). Pure: the table given is not changed. Refuses unknown commands, key names that are not
 * keys, and a key that another command already has in the same scope or in one searched with it.
 */
export function remapKeymap(table: readonly Binding[], remaps: Readonly<Record<string, readonly string[]>>): {readonly table: readonly Binding[]} | {readonly problem: RemapProblem} {
	const commands = new Set<string>(table.map(b => b.command));
	const normalized = new Map<Command, string[]>();
	for (const [command, written] of Object.entries(remaps)) {
		if (!commands.has(command)) {
			return {problem: {command, message: `"${command}" is not a command (${nearest(command, [...commands])}the commands are the keymap's, listed in readme.md)`}};
		}

		if (written.length === 0) {
			return {problem: {command, message: `"${command}" needs at least one key`}};
		}

		const keys: string[] = [];
		for (const [index, one] of written.entries()) {
			const result = normalizeKey(one);
			if ('problem' in result) {
				return {problem: {command, index, message: result.problem}};
			}

			if (!keys.includes(result.key)) {
				keys.push(result.key);
			}
		}

		normalized.set(command as Command, keys);
	}

	// Where letters are typed (a filter, a search), a remapped command keeps only its keys that are not
	// text: scroll.up as ['up', 'w'] is w in a list and up in the switcher's filter.
	const usable = (b: Binding, keys: readonly string[]) => (textScopes.has(b.scope) ? keys.filter(k => k.length > 1) : keys);
	const next = table.map(b => (normalized.has(b.command) ? {...b, keys: usable(b, normalized.get(b.command)!)} : b));
	// The table's own deliberate shadowing (Tab moves focus in the split view, else the pane) stays allowed.
	const before = (b: Binding, key: string) => table.some(t => t.command === b.command && t.scope === b.scope && t.keys.includes(key));
	for (const binding of next) {
		const keys = normalized.get(binding.command);
		if (!keys) {
			continue;
		}

		for (const [index, key] of keys.entries()) {
			const at = remaps[binding.command]!.findIndex(written => {
				const result = normalizeKey(written);
				return 'key' in result && result.key === key;
			});
			if (textScopes.has(binding.scope) && key.length === 1) {
				if (binding.keys.length > 0) {
					continue;
				}

				return {problem: {command: binding.command, index: at, message: `"${key}" cannot do ${binding.command}: there it is typed as text (use a key such as "ctrl+y" or "escape")`}};
			}

			const other = next.find(b => b.command !== binding.command && b.keys.includes(key) && overlap(b.scope, binding.scope) && !(before(b, key) && before(binding, key)));
			if (other) {
				return {problem: {command: binding.command, index: at === -1 ? index : at, message: `"${key}" for ${binding.command} clashes with ${other.command}, which has it too (${other.scope === binding.scope ? `both in ${other.scope}` : `${binding.scope} and ${other.scope} are active together`}); give ${other.command} other keys as well`}};
			}
		}
	}

	return {table: next};
}

function overlap(a: Scope, b: Scope): boolean {
	return a === b || scopeStacks.some(stack => stack.includes(a) && stack.includes(b));
}

function nearest(name: string, names: readonly string[]): string {
	const close = names.find(n => n.toLowerCase() === name.toLowerCase()) ?? names.find(n => n.endsWith(`.${name.split('.').pop()!}`));
	return close ? `did you mean "${close}"? ` : '';
}
