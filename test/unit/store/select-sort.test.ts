import {describe, expect, it} from 'vitest';
import {containerSortValue} from '../../../source/render/container-row.js';
import type {Action} from '../../../source/store/actions.js';
import {reducer} from '../../../source/store/reducer.js';
import {selectMarkSummary, selectRows, selectTargets} from '../../../source/store/selectors.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import type {Container, ContainerStats} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

// Issue 12 items 6, 9 and 10: a key acts on what the person sees.
const run = (state: AppState, ...actions: Action[]) => actions.reduce((s, a) => reducer(s, a), state);
const type = (text: string): Action[] => [...text].map(char => ({type: 'edit', target: 'filter', edit: {kind: 'insert', text: char}}));
const names = (rows: readonly Container[]) => rows.map(c => c.name);

function loaded(containers: readonly Container[], ui: Partial<AppState['ui']> = {}): AppState {
	const base = initialState({host: 'unix:///var/run/docker.sock', rows: 40});
	return reducer({...base, ui: {...base.ui, ...ui}}, {type: 'containers/loaded', containers});
}

const webs = Array.from({length: 12}, (_, i) => makeContainer({id: `id-web-${i + 1}`, name: `web-${i + 1}`}));

describe('a new filter selects its best match (item 6)', () => {
	it('after G, /web-1 selects web-1 (the exact name), not web-10 where the cursor clamps', () => {
		const state = run(loaded(webs), {type: 'scroll', target: 'list', by: 'bottom'}, {type: 'filter/open'}, ...type('web-1'), {type: 'filter/close', keep: true});
		expect(state.ui.selectedId).toBe('id-web-1');
		expect(names(selectRows(state))).toEqual(['web-1', 'web-10', 'web-11', 'web-12']);
		expect(state.ui.cursor).toBe(0);
	});

	it('without an exact name, the first match', () => {
		const state = run(loaded(webs), {type: 'scroll', target: 'list', by: 'bottom'}, {type: 'filter/open'}, ...type('eb-1'));
		expect(state.ui.selectedId).toBe('id-web-1');
	});

	it('an exact name further down is picked over the first match', () => {
		const state = run(loaded(webs), {type: 'filter/open'}, ...type('web-11'));
		expect(state.ui.selectedId).toBe('id-web-11');
	});

	it('keeps the selection on the same container through refreshes and clearing the filter', () => {
		let state = run(loaded(webs), {type: 'filter/open'}, ...type('web-11'), {type: 'filter/close', keep: true});
		state = reducer(state, {type: 'containers/loaded', containers: [makeContainer({id: 'id-aaa', name: 'aaa'}), ...webs]});
		expect(state.ui.selectedId).toBe('id-web-11');
		state = reducer(state, {type: 'filter/close', keep: false});
		expect(state.ui.selectedId).toBe('id-web-11');
		expect(selectRows(state)[state.ui.cursor]!.id).toBe('id-web-11');
	});
});

describe('marks outlive the filter (item 9)', () => {
	it('Esc (the filter cleared) keeps the marks; they are gathered across filters', () => {
		let state = run(loaded(webs), {type: 'filter/open'}, ...type('web-2'), {type: 'filter/close', keep: true}, {type: 'mark/toggle'});
		state = run(state, {type: 'filter/close', keep: false}, {type: 'filter/open'}, ...type('web-3'), {type: 'filter/close', keep: true}, {type: 'mark/toggle'});
		expect(selectMarkSummary(state)).toBe('2 marked (1 hidden by the filter)');
		state = reducer(state, {type: 'filter/close', keep: false});
		expect([...state.ui.marks].sort()).toEqual(['id-web-2', 'id-web-3']);
		expect(selectMarkSummary(state)).toBe('2 marked');
		expect(names(selectTargets(state))).toEqual(['web-2', 'web-3']);
	});

	it('says nothing without marks', () => {
		expect(selectMarkSummary(loaded(webs))).toBe('');
	});
});

describe('sorting (item 10)', () => {
	const states = (['dead', 'exited', 'created', 'paused', 'restarting', 'running'] as const).map(state => makeContainer({id: `id-${state}`, name: `a-${state}`, state}));

	it('sorts STATE by what runs first, not alphabetically', () => {
		const state = loaded(states, {showAll: true, sort: {column: 'state', descending: false}});
		expect(names(selectRows(state))).toEqual(['a-running', 'a-restarting', 'a-paused', 'a-created', 'a-exited', 'a-dead']);
	});

	it('keeps rows that read the same (0.0 % CPU) in name order, whatever the raw samples say', () => {
		const three = ['c', 'a', 'b'].map(name => makeContainer({id: `id-${name}`, name}));
		const stats = (a: number, b: number, c: number): Record<string, ContainerStats> => ({
			'id-a': {cpuPercent: a, memoryBytes: 1000} as ContainerStats,
			'id-b': {cpuPercent: b, memoryBytes: 1001} as ContainerStats,
			'id-c': {cpuPercent: c, memoryBytes: 1002} as ContainerStats,
		});
		let state = loaded(three, {sort: {column: 'cpu', descending: true}});
		state = reducer(state, {type: 'stats/loaded', stats: stats(0.01, 0.03, 0.02)});
		expect(names(selectRows(state))).toEqual(['a', 'b', 'c']);
		state = reducer(state, {type: 'stats/loaded', stats: stats(0.04, 0.01, 0.02)});
		expect(names(selectRows(state))).toEqual(['a', 'b', 'c']);
		state = reducer(state, {type: 'sort/cycle', columns: [{id: 'memory'}]});
		expect(names(selectRows(state))).toEqual(['a', 'b', 'c']);
	});

	it('sorts CPU by the value as shown', () => {
		const c = makeContainer({id: 'x'});
		expect(containerSortValue(c, 'cpu', {cpuPercent: 12.34} as ContainerStats)).toBe(12.3);
	});

	it('o comes back to the default order after the last column', () => {
		const columns = [{id: 'name'}, {id: 'state'}];
		let state = loaded(webs);
		const seen: Array<string | undefined> = [];
		for (let i = 0; i < 3; i++) {
			state = reducer(state, {type: 'sort/cycle', columns});
			seen.push(state.ui.sort?.column);
		}

		expect(seen).toEqual(['name', 'state', undefined]);
	});
});

describe('the mark count (item 9)', () => {
	it('leaves out marks of objects the Engine no longer has', () => {
		const base = initialState({host: 'unix:///x'});
		const images = [{rowId: 'sha256:a|a:1', id: 'sha256:a', tag: 'a:1', tags: ['a:1'], size: 1, created: 1, dangling: false}];
		const state = {...reducer(reducer(base, {type: 'pane/select', pane: 'images'}), {type: 'images/loaded', images}), stats: {}};
		const marked = {...state, ui: {...state.ui, marks: new Set(['sha256:a|a:1', 'sha256:gone|b:1'])}};
		expect(selectMarkSummary(marked)).toBe('1 marked');
	});
});

describe('marks after an action (item 9)', () => {
	it('only the marks of the objects acted on go; those gathered under another filter stay', () => {
		const state = loaded(webs, {marks: new Set(['id-web-1', 'id-web-2', 'id-web-3'])});
		expect([...reducer(state, {type: 'marks/clear', ids: ['id-web-1', 'id-web-2']}).ui.marks]).toEqual(['id-web-3']);
		expect(reducer(state, {type: 'marks/clear'}).ui.marks.size).toBe(0);
	});

	it('an image\'s marks are its rows (id|tag): removing the image drops them all', () => {
		const base = initialState({host: 'unix:///x', pane: 'images'});
		const state = {...base, ui: {...base.ui, marks: new Set(['sha256:a|a:1', 'sha256:a|a:2', 'sha256:b|b:1'])}};
		expect([...reducer(state, {type: 'marks/clear', ids: ['sha256:a']}).ui.marks]).toEqual(['sha256:b|b:1']);
	});
});
