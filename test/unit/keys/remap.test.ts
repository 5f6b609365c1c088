import {describe, expect, it} from 'vitest';
import {defaultKeymap, displayKey, installKeymap, keymap, resolveKey} from '../../../source/keys/keymap.js';
import {normalizeKey, remapKeymap} from '../../../source/keys/remap.js';

const keysOf = (table: typeof defaultKeymap, command: string) => table.filter(b => b.command === command).map(b => b.keys);

describe('normalizeKey', () => {
	it.each([
		['R', 'R'], ['/', '/'], ['Ctrl+Y', 'ctrl+y'], ['enter', 'return'], ['Esc', 'escape'], ['PgDn', 'pagedown'],
		[' ', 'space'], ['shift+tab', 'shift+tab'], ['space', 'space'],
	])('%j is %j', (written, key) => {
		expect(normalizeKey(written)).toEqual({key});
	});

	it.each([
		['ctrl+m', 'reaches tsdtop as Enter'], ['ctrl+i', 'reaches tsdtop as Tab'], ['shift+x', 'is not a key name'],
		['é', 'is not a key tsdtop can bind'], ['\t', 'is not a key tsdtop can bind'], ['ctrl+1', 'is not a key name'], ['', 'is not a key name'],
	])('%j is refused', (written, problem) => {
		expect(normalizeKey(written)).toEqual({problem: expect.stringContaining(problem) as string});
	});
});

describe('remapKeymap', () => {
	it('gives a new table and leaves the one given alone', () => {
		const before = JSON.stringify(defaultKeymap);
		const result = remapKeymap(defaultKeymap, {'container.restart': ['R', 'ctrl+r']});
		expect('table' in result && keysOf(result.table, 'container.restart')).toEqual([['R', 'ctrl+r']]);
		expect(JSON.stringify(defaultKeymap)).toBe(before);
	});

	it('replaces the keys of every binding of a command (scroll.up in every list, view and overlay)', () => {
		const result = remapKeymap(defaultKeymap, {'scroll.up': ['up', 'x']});
		if (!('table' in result)) {
			throw new Error('remap refused');
		}

		const scopes = (keys: readonly string[]) => result.table.filter(b => b.command === 'scroll.up' && b.keys.join() === keys.join()).map(b => b.scope);
		expect(scopes(['up', 'x'])).toEqual(['list', 'logs', 'detail', 'tasks', 'confirm', 'help', 'page', 'output', 'switcher']);
		// Where letters are typed, only the keys that are not text apply.
		expect(scopes(['up'])).toEqual(['confirmtype', 'switcherfilter']);
	});

	it('frees the old keys, so two commands can swap theirs', () => {
		const result = remapKeymap(defaultKeymap, {'container.restart': ['s'], 'container.toggleRun': ['r']});
		expect('table' in result).toBe(true);
	});

	it('keeps the shadowing the table itself has (Tab in the split view)', () => {
		expect('table' in remapKeymap(defaultKeymap, {'pane.next': ['tab']})).toBe(true);
	});

	it('allows a key another command has where the two are never active together', () => {
		// t is top in the Containers pane and timestamps in the log pane.
		expect('table' in remapKeymap(defaultKeymap, {'logs.wrap': ['t'], 'logs.timestamps': ['T']})).toBe(true);
		expect('table' in remapKeymap(defaultKeymap, {'resource.inspect': ['s']})).toBe(true);
	});

	it.each([
		[{'nope.x': ['x']}, {command: 'nope.x', message: expect.stringContaining('is not a command') as string}],
		[{quit: ['q', 's']}, {command: 'quit', index: 1, message: expect.stringContaining('clashes with container.toggleRun') as string}],
		[{'container.restart': ['j']}, {command: 'container.restart', index: 0, message: expect.stringContaining('clashes with scroll.down') as string}],
		[{'logs.follow': ['q']}, {command: 'logs.follow', index: 0, message: expect.stringContaining('clashes with quit') as string}],
		[{'confirm.yes': ['y', 'n']}, {command: 'confirm.yes', index: 1, message: expect.stringContaining('(both in confirm)') as string}],
		[{'prompt.cancel': ['x']}, {command: 'prompt.cancel', index: 0, message: expect.stringContaining('typed as text') as string}],
		[{quit: ['q', 'ctrl+m']}, {command: 'quit', index: 1, message: expect.stringContaining('as Enter') as string}],
		[{quit: []}, {command: 'quit', message: expect.stringContaining('at least one key') as string}],
	])('%j is refused', (remaps, problem) => {
		expect(remapKeymap(defaultKeymap, remaps)).toEqual({problem});
	});
});

describe('installKeymap', () => {
	it('puts the new table in use for key lookups', () => {
		const result = remapKeymap(defaultKeymap, {'container.restart': ['R']});
		if (!('table' in result)) {
			throw new Error('remap refused');
		}

		try {
			installKeymap(result.table);
			expect(keymap).toBe(result.table);
			expect(resolveKey('R', ['containers', 'list', 'global'])).toBe('container.restart');
			expect(resolveKey('r', ['containers', 'list', 'global'])).toBeUndefined();
			expect(displayKey('R')).toBe('R');
		} finally {
			installKeymap(defaultKeymap);
		}

		expect(resolveKey('r', ['containers', 'list', 'global'])).toBe('container.restart');
	});
});
