import {describe, expect, it} from 'vitest';
import {handlers, runCommand} from '../../../source/actions/handlers.js';
import type {CommandServices} from '../../../source/actions/services.js';
import {changesEngineBinding} from '../../../source/keys/commands.js';
import {bindingsFor, type Command, defaultKeymap, installKeymap, resolveKey, type Scope} from '../../../source/keys/keymap.js';
import {remapKeymap} from '../../../source/keys/remap.js';
import {activeScopes} from '../../../source/keys/scopes.js';
import {scopeStacks} from '../../../source/keys/stacks.js';
import type {Action} from '../../../source/store/actions.js';
import {createStore} from '../../../source/store/create-store.js';
import {reducer} from '../../../source/store/reducer.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import {makeContainer} from '../fixtures.js';

// Issue 14 item 1: each command is declared once (keys, scope, help, hint, whether it changes the
// Engine) and has one handler; every key tsdtop answers to is in the table.
const commands = Object.keys(handlers) as Command[];
const scopes = [...new Set(defaultKeymap.map(b => b.scope))];

describe('the command registry', () => {
	it('every command has a handler, a key and help text, and every handler a command', () => {
		const bound = new Set(defaultKeymap.map(b => b.command));
		expect([...bound].sort()).toEqual([...commands].sort());
		for (const command of commands) {
			expect(typeof handlers[command], command).toBe('function');
			const bindings = defaultKeymap.filter(b => b.command === command);
			expect(bindings.flatMap(b => b.keys).length, command).toBeGreaterThan(0);
			for (const binding of bindings) {
				expect(binding.description.trim(), command).not.toBe('');
			}
		}
	});

	it.each(scopes)('no key is bound twice in the %s scope', scope => {
		const keys = defaultKeymap.filter(b => b.scope === scope).flatMap(b => b.keys);
		expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
	});

	it('one set of scroll and edit commands serves every list, view, overlay and input line', () => {
		const scrolls = defaultKeymap.filter(b => b.command.startsWith('scroll.')).map(b => b.scope);
		expect(new Set(scrolls)).toEqual(new Set(['list', 'logs', 'detail', 'confirm', 'confirmtype', 'help', 'page', 'output', 'switcher', 'switcherfilter', 'tasks']));
		const edits = new Set(defaultKeymap.filter(b => b.command.startsWith('edit.')).map(b => b.scope));
		expect(edits).toEqual(new Set(['edit']));
	});

	it('read-only hides every command that changes the Engine, from every scope', () => {
		const changing = defaultKeymap.filter(b => changesEngineBinding(b));
		expect(changing.map(b => b.command)).toEqual(expect.arrayContaining(['container.kill', 'container.remove', 'container.exec', 'resource.remove']));
		const shown = bindingsFor(scopes as Scope[], {readOnly: true});
		expect(shown.filter(b => changesEngineBinding(b))).toEqual([]);
		expect(shown.length).toBe(defaultKeymap.length - changing.length);
	});

	it('read-only refuses every command that changes the Engine, in one place, before its handler', () => {
		const store = createStore(initialState({host: 'unix:///x.sock', readOnly: true}));
		const services: CommandServices = {store, engine: undefined as never, exit() {}};
		for (const command of new Set(defaultKeymap.filter(b => changesEngineBinding(b)).map(b => b.command))) {
			store.dispatch({type: 'status'});
			// The Engine is undefined: a handler that ran would throw or open a dialog.
			runCommand(command, services);
			expect(store.getState().ui.status?.text, command).toMatch(/^read-only/);
			expect(store.getState().ui.overlay, command).toBeUndefined();
		}
	});

	it('a text-edit key can be remapped, and the filter line answers to the new key', () => {
		const result = remapKeymap(defaultKeymap, {'edit.clear': ['ctrl+k']});
		if (!('table' in result)) {
			throw new Error(result.problem.message);
		}

		const store = createStore(initialState({host: 'unix:///x.sock'}));
		store.dispatch({type: 'filter/open'});
		store.dispatch({type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'web'}});
		try {
			installKeymap(result.table);
			const command = resolveKey('ctrl+k', activeScopes(store.getState()));
			expect(command).toBe('edit.clear');
			expect(resolveKey('ctrl+u', activeScopes(store.getState()))).toBeUndefined();
			runCommand(command!, {store, engine: undefined as never, exit() {}});
		} finally {
			installKeymap(defaultKeymap);
		}

		expect(store.getState().ui.filter.text).toBe('');
	});

	it('a confirmation key can be remapped, also in the dialog that wants a name typed', () => {
		const result = remapKeymap(defaultKeymap, {'confirm.no': ['x', 'escape'], 'confirmtype.cancel': ['ctrl+x']});
		if (!('table' in result)) {
			throw new Error(result.problem.message);
		}

		try {
			installKeymap(result.table);
			expect(resolveKey('x', ['confirm', 'always'])).toBe('confirm.no');
			expect(resolveKey('n', ['confirm', 'always'])).toBeUndefined();
			expect(resolveKey('ctrl+x', ['confirmtype', 'edit', 'always'])).toBe('confirmtype.cancel');
			expect(resolveKey('escape', ['confirmtype', 'edit', 'always'])).toBeUndefined();
		} finally {
			installKeymap(defaultKeymap);
		}
	});

	it('refuses a printable key for a command of a line being typed', () => {
		expect(remapKeymap(defaultKeymap, {'edit.clear': ['x']})).toEqual({problem: expect.objectContaining({command: 'edit.clear', message: expect.stringContaining('typed as text') as string}) as unknown});
		expect(remapKeymap(defaultKeymap, {'confirmtype.cancel': ['n']})).toEqual({problem: expect.objectContaining({command: 'confirmtype.cancel'}) as unknown});
	});

	it('Ctrl+C and Ctrl+Z work whatever is open, even while typing', () => {
		for (const stack of [['filter', 'edit', 'always'], ['help', 'always'], ['switcherfilter', 'edit', 'always']] as Scope[][]) {
			expect(resolveKey('ctrl+c', stack)).toBe('always.quit');
			expect(resolveKey('ctrl+z', stack)).toBe('always.suspend');
		}

		// Where Ctrl+C means cancel, that wins.
		expect(resolveKey('ctrl+c', ['prompt', 'edit', 'always'])).toBe('prompt.cancel');
		expect(resolveKey('ctrl+c', ['confirmtype', 'edit', 'always'])).toBe('confirmtype.cancel');
	});
});

describe('the scope stacks', () => {
	const start = (columns = 80) => reducer(initialState({host: 'unix:///x.sock', columns}), {type: 'containers/loaded', containers: [makeContainer({id: 'a', name: 'a'})]});
	const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
	const logs: Action = {type: 'logs/open', containerId: 'a', name: 'a'};
	const target = {id: 'a', name: 'a'};
	const states: Record<string, AppState> = {
		containers: start(),
		images: run(start(), {type: 'pane/select', pane: 'images'}),
		logs: run(start(), logs),
		'logs search': run(start(), logs, {type: 'logs/input', mode: 'search'}),
		'split, list focused': run(start(140), logs, {type: 'focus/toggle'}),
		'split, logs focused': run(start(140), logs),
		detail: run(start(), {type: 'detail/open', kind: 'top', containerId: 'a', name: 'a'}),
		'detail search': run(start(), {type: 'detail/open', kind: 'top', containerId: 'a', name: 'a'}, {type: 'detail/input'}),
		filter: run(start(), {type: 'filter/open'}),
		prompt: run(start(), {type: 'prompt/open', target}),
		output: run(start(), {type: 'output/open', id: 1, target, command: 'ls'}),
		confirm: run(start(), {type: 'overlay/confirm', request: {action: 'kill', targets: [target]}}),
		'typed confirm': run(start(), {type: 'overlay/confirm', request: {action: 'volume-remove', targets: [target], typeToConfirm: 'a'}}),
		help: run(start(), {type: 'overlay/help'}),
		page: run(start(), {type: 'overlay/page', page: {title: 't', lines: [], scroll: 0}}),
		switcher: run(start(), {type: 'switcher/open', entries: []}),
		'switcher filter': run(start(), {type: 'switcher/open', entries: []}, {type: 'switcher/filter', open: true}),
	};

	it.each(Object.keys(states))('what is searched for a key with %s open is one of the stacks remap.ts checks', name => {
		const scopes = activeScopes(states[name]!);
		expect(scopeStacks.map(stack => stack.join(' '))).toContain(scopes.join(' '));
	});

	it('every scope of the table is searched in some stack', () => {
		const searched = new Set(scopeStacks.flat());
		expect(scopes.filter(scope => !searched.has(scope))).toEqual([]);
	});
});
