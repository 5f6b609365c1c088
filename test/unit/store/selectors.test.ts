import {describe, expect, it} from 'vitest';
import {isStopped, selectCounts, selectRows, selectTargets, selectWindow, selectedContainer, tableHeight, visibleContainers} from '../../../source/store/selectors.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import type {Container} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

const containers: readonly Container[] = [
	makeContainer({id: 'id-zeta', name: 'zeta', state: 'exited', status: 'Exited (0) 2 hours ago', image: 'busybox'}),
	makeContainer({id: 'id-web', name: 'web', state: 'running', image: 'nginx:1.27', project: 'Shop'}),
	makeContainer({id: 'id-cache', name: 'cache', state: 'paused', status: 'Up 3 days (Paused)', image: 'redis:7'}),
	makeContainer({id: 'id-api', name: 'api', state: 'running', image: 'ghcr.io/acme/api:2.1', project: 'shop'}),
	makeContainer({id: 'id-flappy', name: 'flappy', state: 'restarting', status: 'Restarting (1) 2 seconds ago', image: 'acme/flappy'}),
	makeContainer({id: 'id-new', name: 'new', state: 'created', status: 'Created', image: 'postgres:16'}),
	makeContainer({id: 'id-dead', name: 'alpha-dead', state: 'dead', status: 'Dead', image: 'busybox'}),
	makeContainer({id: 'id-db', name: 'db', state: 'running', status: 'Up 2 hours (unhealthy)', image: 'postgres:16', project: 'shop'}),
];

const names = (rows: readonly Container[]) => rows.map(c => c.name);

/** The state with `list` loaded; null means before the first list arrives. */
function stateWith(patch: Partial<AppState['ui']> = {}, list: readonly Container[] | null = containers): AppState {
	const base = initialState({host: 'unix:///var/run/docker.sock'});
	return {...base, ...(list ? {containers: list} : {}), ui: {...base.ui, ...patch}};
}

describe('visibleContainers', () => {
	it('puts running and restarting first, then paused, by name; hides stopped ones', () => {
		expect(names(visibleContainers(containers, false, ''))).toEqual(['api', 'db', 'flappy', 'web', 'cache']);
	});

	it('with showAll adds the stopped ones last, by name', () => {
		expect(names(visibleContainers(containers, true, ''))).toEqual(['api', 'db', 'flappy', 'web', 'cache', 'alpha-dead', 'new', 'zeta']);
	});

	it('does not reorder the list it is given', () => {
		const copy = [...containers];
		visibleContainers(containers, true, '');
		expect(containers).toEqual(copy);
	});

	it.each<[string, boolean, string, string[]]>([
		['name', false, 'web', ['web']],
		['name, case-insensitive', false, 'WEB', ['web']],
		['image', false, 'postgres', ['db']],
		['image with showAll', true, 'postgres', ['db', 'new']],
		['image registry', false, 'ghcr.io', ['api']],
		['status', false, 'unhealthy', ['db']],
		['status, case-insensitive', true, 'exited (0)', ['zeta']],
		['project, case-insensitive', false, 'SHOP', ['api', 'db', 'web']],
		['state', true, 'dead', ['alpha-dead']],
		['surrounding spaces are ignored', false, '  cache  ', ['cache']],
		['blank filter shows all', false, '   ', ['api', 'db', 'flappy', 'web', 'cache']],
		['no match', true, 'nothing-like-this', []],
		['stopped ones stay hidden without showAll even when they match', false, 'busybox', []],
	])('filters on %s', (_name, showAll, filter, expected) => {
		expect(names(visibleContainers(containers, showAll, filter))).toEqual(expected);
	});
});

describe('isStopped', () => {
	it.each<[Container['state'], boolean]>([
		['running', false], ['restarting', false], ['paused', false], ['removing', false],
		['created', true], ['exited', true], ['dead', true],
	])('%s -> %s', (state, expected) => {
		expect(isStopped(makeContainer({id: 'a', state}))).toBe(expected);
	});
});

describe('selectRows and selectCounts', () => {
	it('uses the state\'s showAll and filter', () => {
		expect(names(selectRows(stateWith({showAll: true, filter: {open: false, text: 'shop', cursor: 0}})))).toEqual(['api', 'db', 'web']);
	});

	it('is empty before the first list', () => {
		expect(selectRows(stateWith({}, null))).toEqual([]);
		expect(selectCounts(stateWith({}, null))).toEqual({running: 0, paused: 0, stopped: 0, total: 0});
	});

	it('returns the same array while nothing it reads changes, a new one when the filter does', () => {
		const state = stateWith();
		const first = selectRows(state);
		expect(selectRows({...state, ui: {...state.ui, cursor: 3}})).toBe(first);
		expect(selectRows({...state, ui: {...state.ui, filter: {open: true, text: 'w', cursor: 1}}})).not.toBe(first);
	});

	it('counts running (restarting included), paused and stopped', () => {
		expect(selectCounts(stateWith())).toEqual({running: 4, paused: 1, stopped: 3, total: 8});
	});
});

describe('tableHeight', () => {
	it.each<[number, boolean, string, number]>([
		[24, false, '', 19],
		[24, true, '', 18],
		[24, false, 'web', 18],
		[24, true, 'web', 18],
		[50, false, '', 45],
		[6, false, '', 1],
		[5, false, '', 1],
		[1, true, 'x', 1],
	])('%i rows, filter open %s, text %j: %i table rows', (rows, open, text, expected) => {
		expect(tableHeight(stateWith({viewport: {columns: 80, rows}, filter: {open, text, cursor: text.length}}))).toBe(expected);
	});
});

describe('selectWindow', () => {
	it('slices the rows on screen', () => {
		const many = Array.from({length: 100}, (_, i) => makeContainer({id: `c${String(i).padStart(3, '0')}`}));
		const window = selectWindow(stateWith({scrollTop: 10}, many));
		expect(window).toHaveLength(19);
		expect(window[0]!.id).toBe('c010');
		expect(window.at(-1)!.id).toBe('c028');
	});
});

describe('selectTargets', () => {
	it('is the selected container when nothing is marked', () => {
		expect(names(selectTargets(stateWith({selectedId: 'id-db'})))).toEqual(['db']);
		expect(selectedContainer(stateWith({selectedId: 'id-db'}))?.name).toBe('db');
	});

	it('is empty with no selection and no marks', () => {
		expect(selectTargets(stateWith())).toEqual([]);
	});

	it('is the marked containers, in screen order, not the selection', () => {
		const state = stateWith({selectedId: 'id-db', showAll: true, marks: new Set(['id-web', 'id-zeta', 'id-api'])});
		expect(names(selectTargets(state))).toEqual(['api', 'web', 'zeta']);
	});

	it('leaves out marks the person cannot see (stopped ones hidden, or filtered out)', () => {
		expect(names(selectTargets(stateWith({marks: new Set(['id-web', 'id-zeta'])})))).toEqual(['web']);
		expect(names(selectTargets(stateWith({showAll: true, marks: new Set(['id-web', 'id-zeta'])})))).toEqual(['web', 'zeta']);
		expect(names(selectTargets(stateWith({showAll: true, filter: {open: false, text: 'zeta', cursor: 0}, marks: new Set(['id-web', 'id-zeta'])})))).toEqual(['zeta']);
	});

	it('ignores a mark whose container is gone', () => {
		expect(names(selectTargets(stateWith({marks: new Set(['id-web', 'id-removed'])})))).toEqual(['web']);
	});
});
