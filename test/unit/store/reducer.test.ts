import {describe, expect, it} from 'vitest';
import type {Action} from '../../../source/store/actions.js';
import {panes, reducer} from '../../../source/store/reducer.js';
import {selectRows, tableHeight} from '../../../source/store/selectors.js';
import {type AppState, type ConfirmRequest, initialState} from '../../../source/store/state.js';
import type {Container, ContainerStats, PaneId} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

const host = 'unix:///var/run/docker.sock';

function run(state: AppState, ...actions: Action[]): AppState {
	return actions.reduce(reducer, state);
}

function loaded(list: readonly Container[], options: {readonly showAll?: boolean; readonly rows?: number} = {}): AppState {
	return reducer(initialState({host, ...options}), {type: 'containers/loaded', containers: list});
}

const running = (...ids: string[]) => ids.map(id => makeContainer({id, name: id}));
const selectedName = (state: AppState) => selectRows(state).find(c => c.id === state.ui.selectedId)?.name;

/** The selection is on screen and scrollTop is within bounds. */
function expectSelectionVisible(state: AppState) {
	const rows = selectRows(state);
	const height = tableHeight(state);
	const {cursor, scrollTop, selectedId} = state.ui;
	expect(rows[cursor]?.id).toBe(selectedId);
	expect(scrollTop).toBeGreaterThanOrEqual(0);
	expect(scrollTop).toBeLessThanOrEqual(cursor);
	expect(cursor).toBeLessThan(scrollTop + height);
	expect(scrollTop).toBeLessThanOrEqual(Math.max(0, rows.length - height));
}

describe('initialState', () => {
	it('starts connecting, on the containers pane, with nothing loaded', () => {
		const state = initialState({host});
		expect(state.connection).toEqual({status: 'connecting', host});
		expect(state.containers).toBeUndefined();
		expect(state.stats).toEqual({});
		expect(state.pending).toEqual({});
		expect(state.ui).toMatchObject({pane: 'containers', showAll: false, cursor: 0, scrollTop: 0, filter: {open: false, text: '', cursor: 0}, viewport: {columns: 80, rows: 24}});
		expect(state.ui.selectedId).toBeUndefined();
		expect(state.ui.overlay).toBeUndefined();
		expect(state.ui.marks.size).toBe(0);
	});

	it('takes showAll and the terminal size', () => {
		expect(initialState({host, showAll: true, columns: 200, rows: 50}).ui).toMatchObject({showAll: true, viewport: {columns: 200, rows: 50}});
	});
});

describe('reducer basics', () => {
	it('returns the same state object for an action that changes nothing', () => {
		const state = loaded(running('a', 'b'));
		expect(reducer(state, {type: 'marks/clear'})).toBe(state);
	});

	it('selects the first row when the first list arrives', () => {
		const state = loaded(running('b', 'a', 'c'));
		expect(state.ui).toMatchObject({cursor: 0, selectedId: 'a', scrollTop: 0});
	});

	it('selects nothing in an empty list, and does not move', () => {
		const state = loaded([]);
		expect(state.ui.selectedId).toBeUndefined();
		const after = run(state, {type: 'scroll', target: 'list', by: 1}, {type: 'scroll', target: 'list', by: 'bottom'}, {type: 'mark/toggle'});
		expect(after).toBe(state);
		expect(after.ui).toMatchObject({cursor: 0, scrollTop: 0});
		expect(after.ui.selectedId).toBeUndefined();
	});

	it('tracks connection changes and keeps the data when disconnected', () => {
		let state = loaded(running('a'));
		state = reducer(state, {type: 'engine/connected', info: {host, version: '27.3.1'}});
		expect(state.connection).toMatchObject({status: 'connected', host, info: {version: '27.3.1'}});
		state = reducer(state, {type: 'engine/disconnected', error: 'connection refused', retryAt: 123});
		expect(state.connection).toMatchObject({status: 'disconnected', host, error: 'connection refused', retryAt: 123});
		expect(state.containers).toHaveLength(1);
	});
});

describe('the selection follows the container', () => {
	it('by id when the list is re-sorted', () => {
		let state = loaded(running('a', 'b', 'c'));
		state = run(state, {type: 'scroll', target: 'list', by: 2});
		expect(selectedName(state)).toBe('c');
		// c stops and shows at the end of the stopped section; showAll keeps it visible.
		state = run(state, {type: 'showAll/toggle'});
		state = reducer(state, {type: 'containers/loaded', containers: [makeContainer({id: 'c', name: 'c', state: 'exited'}), ...running('a', 'b', 'd')]});
		expect(state.ui.selectedId).toBe('c');
		expect(state.ui.cursor).toBe(3);
	});

	it('by id when a row is inserted above it', () => {
		let state = loaded(running('b', 'c'));
		state = run(state, {type: 'scroll', target: 'list', by: 1});
		expect(state.ui).toMatchObject({cursor: 1, selectedId: 'c'});
		state = reducer(state, {type: 'containers/loaded', containers: running('a', 'b', 'c')});
		expect(state.ui).toMatchObject({cursor: 2, selectedId: 'c'});
	});

	it('by id when a row above it goes away', () => {
		let state = run(loaded(running('a', 'b', 'c')), {type: 'scroll', target: 'list', by: 2});
		state = reducer(state, {type: 'containers/loaded', containers: running('b', 'c')});
		expect(state.ui).toMatchObject({cursor: 1, selectedId: 'c'});
	});

	it('to the neighbour at the same row when the selected container disappears', () => {
		let state = run(loaded(running('a', 'b', 'c', 'd')), {type: 'scroll', target: 'list', by: 1});
		expect(selectedName(state)).toBe('b');
		state = reducer(state, {type: 'containers/loaded', containers: running('a', 'c', 'd')});
		expect(state.ui).toMatchObject({cursor: 1, selectedId: 'c'});
	});

	it('to the new last row when the selected last container disappears', () => {
		let state = run(loaded(running('a', 'b', 'c')), {type: 'scroll', target: 'list', by: 'bottom'});
		state = reducer(state, {type: 'containers/loaded', containers: running('a', 'b')});
		expect(state.ui).toMatchObject({cursor: 1, selectedId: 'b'});
	});

	it('to nothing when every container disappears, and back to the top when they return', () => {
		let state = run(loaded(running('a', 'b', 'c')), {type: 'scroll', target: 'list', by: 'bottom'});
		state = reducer(state, {type: 'containers/loaded', containers: []});
		expect(state.ui.selectedId).toBeUndefined();
		expect(state.ui.cursor).toBe(0);
		state = reducer(state, {type: 'containers/loaded', containers: running('x', 'y')});
		expect(state.ui.selectedId).toBe('x');
	});

	it('to a visible row when the filter hides the selected one', () => {
		let state = run(loaded(running('api', 'db', 'web')), {type: 'scroll', target: 'list', by: 1});
		state = run(state, {type: 'filter/open'}, {type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'w'}});
		expect(selectedName(state)).toBe('web');
		expect(state.ui.cursor).toBe(0);
	});
});

describe('scrolling with 500 containers in a 24-row terminal', () => {
	const many = Array.from({length: 500}, (_, i) => makeContainer({id: `id${i}`, name: `c${String(i).padStart(3, '0')}`}));
	const start = () => loaded(many, {rows: 24});
	const height = 19;

	it('has 19 table rows', () => {
		expect(tableHeight(start())).toBe(height);
	});

	it('moving down one row at a time scrolls only once the cursor leaves the screen', () => {
		let state = start();
		for (let i = 1; i < height; i++) {
			state = reducer(state, {type: 'scroll', target: 'list', by: 1});
			expect(state.ui.scrollTop).toBe(0);
		}

		state = reducer(state, {type: 'scroll', target: 'list', by: 1});
		expect(state.ui).toMatchObject({cursor: 19, scrollTop: 1, selectedId: 'id19'});
		for (let i = 0; i < 100; i++) {
			state = reducer(state, {type: 'scroll', target: 'list', by: 1});
			expectSelectionVisible(state);
		}

		// Back up: no scroll until the cursor reaches the top of the screen.
		const top = state.ui.scrollTop;
		for (let i = 0; i < height - 1; i++) {
			state = reducer(state, {type: 'scroll', target: 'list', by: -1});
			expect(state.ui.scrollTop).toBe(top);
		}

		state = reducer(state, {type: 'scroll', target: 'list', by: -1});
		expect(state.ui.scrollTop).toBe(top - 1);
		expectSelectionVisible(state);
	});

	it('page down and page up move by a screen less one row and keep the selection visible', () => {
		let state = start();
		state = reducer(state, {type: 'scroll', target: 'list', by: 1, unit: 'page'});
		expect(state.ui.cursor).toBe(height - 1);
		expect(state.ui.scrollTop).toBe(0);
		state = reducer(state, {type: 'scroll', target: 'list', by: 1, unit: 'page'});
		expect(state.ui.cursor).toBe(2 * (height - 1));
		expectSelectionVisible(state);
		for (let i = 0; i < 40; i++) {
			state = reducer(state, {type: 'scroll', target: 'list', by: 1, unit: 'page'});
			expectSelectionVisible(state);
		}

		expect(state.ui).toMatchObject({cursor: 499, selectedId: 'id499', scrollTop: 500 - height});
		for (let i = 0; i < 40; i++) {
			state = reducer(state, {type: 'scroll', target: 'list', by: -1, unit: 'page'});
			expectSelectionVisible(state);
		}

		expect(state.ui).toMatchObject({cursor: 0, selectedId: 'id0', scrollTop: 0});
	});

	it('edges jump to the first and last rows', () => {
		let state = reducer(start(), {type: 'scroll', target: 'list', by: 'bottom'});
		expect(state.ui).toMatchObject({cursor: 499, selectedId: 'id499', scrollTop: 481});
		state = reducer(state, {type: 'scroll', target: 'list', by: 'top'});
		expect(state.ui).toMatchObject({cursor: 0, selectedId: 'id0', scrollTop: 0});
	});

	it('moves far past either end clamp to the list', () => {
		let state = reducer(start(), {type: 'scroll', target: 'list', by: 10_000});
		expect(state.ui).toMatchObject({cursor: 499, scrollTop: 481});
		state = reducer(state, {type: 'scroll', target: 'list', by: -10_000});
		expect(state.ui).toMatchObject({cursor: 0, scrollTop: 0});
	});

	it('keeps the selection visible when the terminal shrinks or the filter line opens', () => {
		let state = run(start(), {type: 'scroll', target: 'list', by: 18});
		expect(state.ui.scrollTop).toBe(0);
		state = reducer(state, {type: 'filter/open'});
		expectSelectionVisible(state);
		expect(state.ui.scrollTop).toBe(1);
		state = reducer(state, {type: 'viewport', columns: 80, rows: 10});
		expect(state.ui.viewport).toEqual({columns: 80, rows: 10});
		expectSelectionVisible(state);
		expect(state.ui.selectedId).toBe('id18');
	});

	it('scrolls back up when the terminal grows at the bottom of the list', () => {
		let state = run(start(), {type: 'scroll', target: 'list', by: 'bottom'});
		state = reducer(state, {type: 'viewport', columns: 80, rows: 60});
		expect(state.ui.scrollTop).toBe(500 - tableHeight(state));
		expectSelectionVisible(state);
	});

	it('pulls scrollTop back when the list shrinks under it', () => {
		let state = run(start(), {type: 'scroll', target: 'list', by: 'bottom'});
		state = reducer(state, {type: 'containers/loaded', containers: many.slice(0, 50)});
		expect(state.ui).toMatchObject({cursor: 49, selectedId: 'id49', scrollTop: 50 - height});
		expectSelectionVisible(state);
	});

	it('keeps the selection visible through a random walk', () => {
		let state = start();
		let seed = 42;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		const actions: Action[] = [
			{type: 'scroll', target: 'list', by: 1}, {type: 'scroll', target: 'list', by: -1}, {type: 'scroll', target: 'list', by: 7},
			{type: 'scroll', target: 'list', by: 1, unit: 'page'}, {type: 'scroll', target: 'list', by: -1, unit: 'page'},
			{type: 'scroll', target: 'list', by: 'top'}, {type: 'scroll', target: 'list', by: 'bottom'},
			{type: 'viewport', columns: 80, rows: 12}, {type: 'viewport', columns: 80, rows: 24}, {type: 'mark/toggle'},
		];
		for (let i = 0; i < 500; i++) {
			state = reducer(state, actions[Math.floor(random() * actions.length)]!);
			expectSelectionVisible(state);
		}
	});
});

describe('marks', () => {
	it('toggle the selected row and advance the cursor', () => {
		let state = loaded(running('a', 'b', 'c'));
		state = run(state, {type: 'mark/toggle'}, {type: 'mark/toggle'});
		expect([...state.ui.marks].sort()).toEqual(['a', 'b']);
		expect(selectedName(state)).toBe('c');
		state = run(state, {type: 'scroll', target: 'list', by: -1}, {type: 'mark/toggle'});
		expect([...state.ui.marks]).toEqual(['a']);
		expect(selectedName(state)).toBe('c');
	});

	it('stay on the last row when marking it', () => {
		const state = run(loaded(running('a', 'b')), {type: 'scroll', target: 'list', by: 'bottom'}, {type: 'mark/toggle'});
		expect([...state.ui.marks]).toEqual(['b']);
		expect(state.ui).toMatchObject({cursor: 1, selectedId: 'b'});
	});

	it('do not mutate the previous state\'s set', () => {
		const before = loaded(running('a', 'b'));
		reducer(before, {type: 'mark/toggle'});
		expect(before.ui.marks.size).toBe(0);
	});

	it('clear', () => {
		const state = run(loaded(running('a', 'b')), {type: 'mark/toggle'}, {type: 'marks/clear'});
		expect(state.ui.marks.size).toBe(0);
	});
});

describe('removed containers are pruned', () => {
	const sample: ContainerStats = {cpuPercent: 1, memoryBytes: 1, memoryLimitBytes: 2};

	it('from marks and stats', () => {
		let state = loaded(running('a', 'b', 'c'));
		state = run(state, {type: 'mark/toggle'}, {type: 'mark/toggle'}, {type: 'stats/loaded', stats: {a: sample, b: sample, c: sample}});
		expect(state.ui.marks.size).toBe(2);
		state = reducer(state, {type: 'containers/loaded', containers: running('a', 'c')});
		expect([...state.ui.marks]).toEqual(['a']);
		expect(Object.keys(state.stats).sort()).toEqual(['a', 'c']);
	});

	it('but not when they are only hidden by the filter or showAll', () => {
		let state = loaded([...running('a'), makeContainer({id: 'b', name: 'b', state: 'exited'})], {showAll: true});
		state = run(state, {type: 'scroll', target: 'list', by: 1}, {type: 'mark/toggle'}, {type: 'showAll/toggle'});
		expect([...state.ui.marks]).toEqual(['b']);
		state = reducer(state, {type: 'containers/loaded', containers: [...(state.containers ?? [])]});
		expect([...state.ui.marks]).toEqual(['b']);
	});

	it('stats merge with what is there', () => {
		const state = run(loaded(running('a', 'b')), {type: 'stats/loaded', stats: {a: sample}}, {type: 'stats/loaded', stats: {b: {...sample, memoryBytes: 9}}});
		expect(state.stats).toEqual({a: sample, b: {...sample, memoryBytes: 9}});
	});
});

describe('filter', () => {
	it('open puts the cursor at the end of the kept text', () => {
		let state = run(loaded(running('a')), {type: 'filter/open'});
		expect(state.ui.filter).toEqual({open: true, text: '', cursor: 0});
		state = run(state, {type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'web'}}, {type: 'edit', target: 'filter', edit: {kind: 'home'}}, {type: 'filter/close', keep: true});
		expect(state.ui.filter).toEqual({open: false, text: 'web', cursor: 0});
		state = reducer(state, {type: 'filter/open'});
		expect(state.ui.filter).toEqual({open: true, text: 'web', cursor: 3});
	});

	it('edit applies the text edit and filters the rows', () => {
		const state = run(loaded(running('api', 'db', 'web')), {type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'db'}});
		expect(state.ui.filter).toEqual({open: true, text: 'db', cursor: 2});
		expect(selectRows(state).map(c => c.name)).toEqual(['db']);
	});

	it('close with keep keeps the text, without clears it', () => {
		const typed = run(loaded(running('api', 'db')), {type: 'filter/open'}, {type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'db'}});
		expect(reducer(typed, {type: 'filter/close', keep: true}).ui.filter).toEqual({open: false, text: 'db', cursor: 2});
		const cleared = reducer(typed, {type: 'filter/close', keep: false});
		expect(cleared.ui.filter).toEqual({open: false, text: '', cursor: 0});
		expect(selectRows(cleared)).toHaveLength(2);
	});
});

describe('panes', () => {
	it('cycle forward and backward and wrap at both ends', () => {
		expect(panes).toEqual(['containers', 'images', 'networks', 'volumes', 'projects', 'services', 'nodes']);
		let state = initialState({host});
		const seen: PaneId[] = [];
		for (let i = 0; i < 5; i++) {
			state = reducer(state, {type: 'pane/cycle', delta: 1});
			seen.push(state.ui.pane);
		}

		expect(seen).toEqual(['images', 'networks', 'volumes', 'projects', 'containers']);
		expect(reducer(initialState({host}), {type: 'pane/cycle', delta: -1}).ui.pane).toBe('projects');
	});

	it('select', () => {
		expect(reducer(initialState({host}), {type: 'pane/select', pane: 'networks'}).ui.pane).toBe('networks');
	});
});

describe('overlays, status and pending', () => {
	const request: ConfirmRequest = {action: 'kill', targets: [{id: 'a', name: 'a', state: 'running'}]};

	it('open and close', () => {
		let state = reducer(initialState({host}), {type: 'overlay/help'});
		expect(state.ui.overlay).toEqual({kind: 'help'});
		state = reducer(state, {type: 'overlay/confirm', request});
		expect(state.ui.overlay).toEqual({kind: 'confirm', request});
		state = reducer(state, {type: 'overlay/close'});
		expect(state.ui.overlay).toBeUndefined();
	});

	it('status set and cleared', () => {
		let state = reducer(initialState({host}), {type: 'status', status: {kind: 'error', text: 'boom'}});
		expect(state.ui.status).toEqual({kind: 'error', text: 'boom'});
		state = reducer(state, {type: 'status'});
		expect(state.ui.status).toBeUndefined();
	});

	it('pending set and clear by id', () => {
		let state = reducer(loaded(running('a', 'b', 'c')), {type: 'pending/set', ids: ['a', 'b'], label: 'stopping'});
		expect(state.pending).toEqual({a: 'stopping', b: 'stopping'});
		state = reducer(state, {type: 'pending/set', ids: ['c'], label: 'killing'});
		state = reducer(state, {type: 'pending/clear', ids: ['a', 'c', 'not-there']});
		expect(state.pending).toEqual({b: 'stopping'});
	});

	it('showAll toggles', () => {
		const state = reducer(initialState({host}), {type: 'showAll/toggle'});
		expect(state.ui.showAll).toBe(true);
		expect(reducer(state, {type: 'showAll/toggle'}).ui.showAll).toBe(false);
	});
});
