import {describe, expect, it} from 'vitest';
import {type Command, type Scope, bindingsFor, displayKey, keymap, paneScopes, resolveKey} from '../../../source/keys/keymap.js';

// Every Command of the union, listed by hand. A Record over the union makes tsc fail here when a
// command is added to or removed from the type without this list following.
const allCommands: Record<Command, true> = {
	'scroll.up': true,
	'scroll.down': true,
	'scroll.pageUp': true,
	'scroll.pageDown': true,
	'scroll.top': true,
	'scroll.bottom': true,
	'edit.left': true,
	'edit.right': true,
	'edit.home': true,
	'edit.end': true,
	'edit.backspace': true,
	'edit.deleteWord': true,
	'edit.clear': true,
	'pane.next': true,
	'pane.previous': true,
	'pane.containers': true,
	'pane.images': true,
	'pane.networks': true,
	'pane.volumes': true,
	'pane.projects': true,
	'project.open': true,
	'project.toggleRun': true,
	'project.restart': true,
	'project.remove': true,
	'project.logs': true,
	'project.mark': true,
	'filter.open': true,
	'filter.clear': true,
	'filter.apply': true,
	'filter.cancel': true,
	'marks.clear': true,
	'list.sort': true,
	'list.sortReverse': true,
	'help.toggle': true,
	'help.close': true,
	quit: true,
	suspend: true,
	'errors.show': true,
	'always.quit': true,
	'always.suspend': true,
	'container.toggleRun': true,
	'container.restart': true,
	'container.pause': true,
	'container.kill': true,
	'container.remove': true,
	'container.mark': true,
	'container.cleanup': true,
	'container.showAll': true,
	'container.exec': true,
	'container.run': true,
	'container.logs': true,
	'container.inspect': true,
	'container.top': true,
	'container.stats': true,
	'focus.toggle': true,
	'logs.follow': true,
	'logs.search': true,
	'logs.next': true,
	'logs.previous': true,
	'logs.filter': true,
	'logs.timestamps': true,
	'logs.wrap': true,
	'logs.save': true,
	'logs.clear': true,
	'logs.close': true,
	'logsearch.apply': true,
	'logsearch.cancel': true,
	'detail.close': true,
	'detail.search': true,
	'detail.next': true,
	'detail.previous': true,
	'detailsearch.apply': true,
	'detailsearch.cancel': true,
	'prompt.run': true,
	'prompt.cancel': true,
	'output.close': true,
	'page.close': true,
	'confirm.yes': true,
	'confirm.force': true,
	'confirm.volumes': true,
	'confirm.no': true,
	'confirm.allUnused': true,
	'confirmtype.apply': true,
	'confirmtype.cancel': true,
	'resource.mark': true,
	'resource.remove': true,
	'resource.cleanup': true,
	'resource.inspect': true,
	'switcher.open': true,
	'switcher.select': true,
	'switcher.filter': true,
	'switcher.filterCancel': true,
	'switcher.close': true,
	// Issue 16 items 3 and 4.
	'image.pull': true,
	'pull.start': true,
	'pull.cancel': true,
	'container.update': true,
	'pane.services': true,
	'pane.nodes': true,
	'service.tasks': true,
	'service.logs': true,
	'service.scale': true,
	'service.restart': true,
	'service.remove': true,
	'service.inspect': true,
	'node.drain': true,
	'node.inspect': true,
	'tasks.close': true,
	'replicas.apply': true,
	'replicas.cancel': true,
};

const allScopes: Record<Scope, true> = {
	global: true, list: true, containers: true, resources: true, split: true, logs: true, logsearch: true, detail: true, detailsearch: true,
	filter: true, confirm: true, help: true, page: true, prompt: true, output: true, switcher: true, switcherfilter: true,
	always: true, edit: true, confirmtype: true, services: true, nodes: true, tasks: true, replicas: true,
	images: true, pullprompt: true, projects: true,
};

const keysOf = (scope: Scope) => keymap.filter(b => b.scope === scope).flatMap(b => b.keys);

describe('keymap table', () => {
	it('every binding has a non-empty description, a known scope and at least one key', () => {
		for (const binding of keymap) {
			expect(binding.description.trim(), binding.command).not.toBe('');
			expect(Object.keys(allScopes), binding.command).toContain(binding.scope);
			expect(binding.keys.length, binding.command).toBeGreaterThan(0);
			for (const key of binding.keys) {
				expect(key, binding.command).toMatch(/^\S+$/);
			}
		}
	});

	it('every Command of the union appears in the table, and the table has no other', () => {
		const inTable = new Set(keymap.map(b => b.command));
		for (const command of Object.keys(allCommands)) {
			expect(inTable.has(command as Command), command).toBe(true);
		}

		expect([...inTable].sort()).toEqual(Object.keys(allCommands).sort());
	});


	it.each(Object.keys(allScopes) as Scope[])('no key is bound twice within the %s scope', scope => {
		const keys = keysOf(scope);
		const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
		expect(duplicates).toEqual([]);
	});

	it.each<Scope>(['containers', 'list', 'logs', 'detail'])('no key of the %s scope collides with a global key', scope => {
		const global = new Set(keysOf('global'));
		expect(keysOf(scope).filter(key => global.has(key))).toEqual([]);
	});

	it('the split scope binds only Tab, on purpose over the global next-pane', () => {
		expect(keysOf('split')).toEqual(['tab']);
	});

	it('no key of the containers scope hides a key of the list scope', () => {
		const list = new Set(keysOf('list'));
		expect(keysOf('containers').filter(key => list.has(key))).toEqual([]);
	});

	it('marks kill, remove and cleanup dangerous, and nothing that only moves or looks', () => {
		const dangerous = new Set(keymap.filter(b => b.dangerous).map(b => b.command));
		for (const command of ['container.kill', 'container.remove', 'container.cleanup'] as const) {
			expect(dangerous.has(command), command).toBe(true);
		}

		for (const binding of keymap.filter(b => /^(scroll|edit|pane|filter|help|confirm)\./.test(b.command) || b.command === 'quit')) {
			expect(binding.dangerous ?? false, binding.command).toBe(false);
		}
	});

	it('says in the help how to come back from a shell', () => {
		const exec = keymap.find(b => b.command === 'container.exec');
		expect(exec?.keys).toEqual(['e']);
		expect(exec?.description).toMatch(/exit or Ctrl\+D/);
	});

	it('has a way out of every overlay and a quit', () => {
		expect(resolveKey('escape', ['confirm'])).toBe('confirm.no');
		expect(resolveKey('escape', ['help'])).toBe('help.close');
		expect(resolveKey('escape', ['filter'])).toBe('filter.cancel');
		expect(resolveKey('escape', ['prompt'])).toBe('prompt.cancel');
		expect(resolveKey('ctrl+c', ['prompt'])).toBe('prompt.cancel');
		expect(resolveKey('escape', ['output'])).toBe('output.close');
		expect(resolveKey('q', ['output'])).toBe('output.close');
		expect(resolveKey('ctrl+c', paneScopes('containers'))).toBe('quit');
		expect(resolveKey('q', paneScopes('images'))).toBe('quit');
	});
});

describe('resolveKey', () => {
	it.each<[string, readonly Scope[], Command | undefined]>([
		['j', paneScopes('containers'), 'scroll.down'],
		['down', paneScopes('containers'), 'scroll.down'],
		['s', paneScopes('containers'), 'container.toggleRun'],
		['K', paneScopes('containers'), 'container.kill'],
		['k', paneScopes('containers'), 'scroll.up'],
		['space', paneScopes('containers'), 'container.mark'],
		['return', paneScopes('containers'), 'container.logs'],
		['tab', paneScopes('containers'), 'pane.next'],
		['shift+tab', paneScopes('containers'), 'pane.previous'],
		['2', paneScopes('containers'), 'pane.images'],
		['?', paneScopes('containers'), 'help.toggle'],
		// Container commands do not exist on another pane.
		['s', paneScopes('images'), undefined],
		['K', paneScopes('images'), undefined],
		['j', paneScopes('images'), 'scroll.down'],
		// The first scope that binds a key wins.
		['escape', ['filter', 'list', 'global'], 'filter.cancel'],
		['escape', ['list', 'global'], 'filter.clear'],
		['return', ['filter', 'containers'], 'filter.apply'],
		['down', ['filter', 'list'], 'filter.apply'],
		['down', ['list', 'filter'], 'scroll.down'],
		['q', ['confirm', 'global'], 'confirm.no'],
		['q', ['help', 'global'], 'help.close'],
		['q', ['global'], 'quit'],
		['?', ['help', 'global'], 'help.close'],
		['y', ['confirm'], 'confirm.yes'],
		['f', ['confirm'], 'confirm.force'],
		['f', paneScopes('containers'), undefined],
		['e', paneScopes('containers'), 'container.exec'],
		['E', paneScopes('containers'), 'container.run'],
		['e', paneScopes('images'), undefined],
		['return', ['prompt'], 'prompt.run'],
		['j', ['output'], 'scroll.down'],
		['G', ['output'], 'scroll.bottom'],
		['space', ['output'], 'scroll.pageDown'],
		['E', ['output'], 'container.run'],
		['x', paneScopes('containers'), undefined],
		['j', [], undefined],
		// The log pane's own keys win over the Containers pane's while it has focus (the lead's note).
		['t', ['logs', 'global'], 'logs.timestamps'],
		['t', paneScopes('containers'), 'container.top'],
		['f', ['logs', 'global'], 'logs.follow'],
		['F', ['logs', 'global'], 'logs.filter'],
		['/', ['logs', 'global'], 'logs.search'],
		['i', paneScopes('containers'), 'container.inspect'],
		['S', paneScopes('containers'), 'container.stats'],
		['ctrl+s', ['logs', 'global'], 'logs.save'],
		['tab', ['split', 'logs', 'global'], 'focus.toggle'],
		['tab', ['logs', 'global'], 'pane.next'],
		['escape', ['logsearch'], 'logsearch.cancel'],
		['escape', ['detail', 'global'], 'detail.close'],
		// The Engine switcher (issue 6): : on every pane and view; c on a list only, since the log pane's c clears it.
		[':', paneScopes('containers'), 'switcher.open'],
		[':', ['logs', 'global'], 'switcher.open'],
		[':', ['split', 'logs', 'global'], 'switcher.open'],
		[':', ['detail', 'global'], 'switcher.open'],
		[':', ['help'], undefined],
		['c', paneScopes('containers'), 'switcher.open'],
		['c', paneScopes('images'), 'switcher.open'],
		['c', ['logs', 'global'], 'logs.clear'],
		['j', ['switcher'], 'scroll.down'],
		['j', ['switcherfilter'], undefined],
		['escape', ['switcher'], 'switcher.close'],
		['escape', ['switcherfilter'], 'switcher.filterCancel'],
	])('%j in %j is %s', (key, scopes, expected) => {
		expect(resolveKey(key, scopes)).toBe(expected);
	});

	it('resolves every key of every binding back to its command within its scope', () => {
		for (const binding of keymap) {
			for (const key of binding.keys) {
				expect(resolveKey(key, [binding.scope]), `${binding.scope} ${key}`).toBe(binding.command);
			}
		}
	});
});

describe('paneScopes and bindingsFor', () => {
	it('searches the pane, then the list, then global', () => {
		expect(paneScopes('containers')).toEqual(['containers', 'list', 'global']);
		expect(paneScopes('images')).toEqual(['images', 'resources', 'list', 'global']);
	});

	it('returns only the bindings of the scopes asked for, in table order', () => {
		const bindings = bindingsFor(['confirm']);
		expect(bindings.map(b => b.command)).toEqual(['confirm.yes', 'confirm.force', 'confirm.no', 'confirm.volumes', 'confirm.allUnused', 'scroll.up', 'scroll.down', 'scroll.pageUp', 'scroll.pageDown', 'scroll.top', 'scroll.bottom']);
		expect(bindingsFor(paneScopes('images')).some(b => b.scope === 'containers')).toBe(false);
	});
});

describe('displayKey', () => {
	it.each([
		['up', '↑'],
		['down', '↓'],
		['left', '←'],
		['right', '→'],
		['pageup', 'PgUp'],
		['pagedown', 'PgDn'],
		['home', 'Home'],
		['end', 'End'],
		['return', 'Enter'],
		['escape', 'Esc'],
		['tab', 'Tab'],
		['shift+tab', 'Shift+Tab'],
		['space', 'Space'],
		['ctrl+c', 'Ctrl+C'],
		['ctrl+b', 'Ctrl+B'],
		['k', 'k'],
		['K', 'K'],
		['?', '?'],
		['/', '/'],
		['1', '1'],
	])('%j is written %j', (key, shown) => {
		expect(displayKey(key)).toBe(shown);
	});

	it('writes every key of the table in a non-empty form without control characters', () => {
		for (const key of keymap.flatMap(b => b.keys)) {
			const shown = displayKey(key);
			expect(shown.length, key).toBeGreaterThan(0);
			// eslint-disable-next-line no-control-regex
			expect(shown, key).not.toMatch(/[\u0000-\u001F]/);
		}
	});
});
