import {describe, expect, it} from 'vitest';
import {emptyPull, reducePull} from '../../../source/docker/pull-progress.js';
import {activeScopes, editTarget} from '../../../source/keys/scopes.js';
import {scopeStacks} from '../../../source/keys/stacks.js';
import {resolveKey} from '../../../source/keys/keymap.js';
import {panelLayerRows} from '../../../source/render/pull-panel.js';
import type {Action} from '../../../source/store/actions.js';
import {reducer} from '../../../source/store/reducer.js';
import {tableHeight} from '../../../source/store/selectors.js';
import {type AppState, initialState} from '../../../source/store/state.js';

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const start = () => run(initialState({host: 'unix:///x.sock', rows: 24, columns: 80}), {type: 'pane/select', pane: 'images'});
const downloading = reducePull(emptyPull, {id: 'cccccccccccc', status: 'Downloading', progressDetail: {current: 1, total: 2}});

describe('P\'s input line', () => {
	it('opens prefilled, takes the shared edit keys, and closes', () => {
		let state = run(start(), {type: 'pull/input', text: 'busybox:1'});
		expect(state.pulls.input).toEqual({text: 'busybox:1', cursor: 9});
		expect(activeScopes(state)).toEqual(['pullprompt', 'edit', 'always']);
		expect(editTarget(state)).toBe('pull');
		// Letters are text there: P, U and q do nothing but type.
		expect(resolveKey('q', activeScopes(state))).toBeUndefined();
		expect(resolveKey('return', activeScopes(state))).toBe('pull.start');
		expect(resolveKey('escape', activeScopes(state))).toBe('pull.cancel');
		state = run(state, {type: 'edit', target: 'pull', edit: {kind: 'backspace'}}, {type: 'edit', target: 'pull', edit: {kind: 'insert', text: '2'}});
		expect(state.pulls.input?.text).toBe('busybox:2');
		state = run(state, {type: 'edit', target: 'pull', edit: {kind: 'clear'}});
		expect(state.pulls.input).toEqual({text: '', cursor: 0});
		state = run(state, {type: 'pull/input/close'});
		expect(state.pulls.input).toBeUndefined();
		expect(activeScopes(state)).toEqual(['images', 'resources', 'list', 'global', 'always']);
	});

	it('what is searched for a key while it is open is one of the stacks remap.ts checks', () => {
		const scopes = activeScopes(run(start(), {type: 'pull/input', text: ''}));
		expect(scopeStacks.map(stack => stack.join(' '))).toContain(scopes.join(' '));
	});

	it('an edit with no line open changes nothing', () => {
		const state = start();
		expect(run(state, {type: 'edit', target: 'pull', edit: {kind: 'insert', text: 'x'}})).toBe(state);
	});
});

describe('the pull under way', () => {
	it('takes progress of its own pull only, and goes when it ends', () => {
		let state = run(start(), {type: 'pull/started', id: 2, reference: 'busybox:1'});
		expect(state.pulls.running).toEqual({id: 2, reference: 'busybox:1', progress: emptyPull});
		state = run(state, {type: 'pull/progress', id: 2, progress: downloading});
		expect(state.pulls.running?.progress).toBe(downloading);
		// A late message of an earlier pull is dropped.
		const late = run(state, {type: 'pull/progress', id: 1, progress: emptyPull});
		expect(late).toBe(state);
		expect(run(state, {type: 'pull/finished', id: 1})).toBe(state);
		state = run(state, {type: 'pull/finished', id: 2});
		expect(state.pulls.running).toBeUndefined();
	});

	it('the table is shorter by the panel while a pull runs, and whole again after', () => {
		const before = tableHeight(start());
		const during = run(start(), {type: 'pull/started', id: 1, reference: 'busybox:1'});
		expect(tableHeight(during)).toBe(before - 1 - panelLayerRows);
		// The panel's height does not change as layers come and go: the table does not jump.
		expect(tableHeight(run(during, {type: 'pull/progress', id: 1, progress: downloading}))).toBe(tableHeight(during));
		expect(tableHeight(run(during, {type: 'pull/finished', id: 1}))).toBe(before);
	});

	it('keys keep going to the pane while a pull runs: the panel has no scope', () => {
		const state = run(start(), {type: 'pull/started', id: 1, reference: 'busybox:1'});
		expect(activeScopes(state)).toEqual(activeScopes(start()));
	});
});

describe('switching Engines', () => {
	it('drops the old Engine\'s pull and its input line: their end would never reach the new store', () => {
		const state = run(start(), {type: 'pull/started', id: 1, reference: 'busybox:1'}, {type: 'pull/input', text: 'x'}, {type: 'engine/switched', host: 'unix:///other.sock'});
		expect(state.pulls).toEqual({});
		expect(tableHeight(state)).toBe(tableHeight(start()));
	});
});
