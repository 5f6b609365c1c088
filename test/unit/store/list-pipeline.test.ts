import {describe, expect, it} from 'vitest';
import type {Column} from '../../../source/render/columns.js';
import type {ListDescriptor} from '../../../source/render/list-descriptor.js';
import {contentWidths, emptyText, tableColumns, tableLines, tableRows} from '../../../source/render/list-table.js';
import {plainText} from '../../../source/render/styled-line.js';
import {makeTheme} from '../../../source/render/theme.js';
import {listPanes} from '../../../source/store/list-panes.js';
import {listRows, placeSelection, selectList, selectWidths} from '../../../source/store/list-selectors.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import {makeContainer} from '../fixtures.js';

// The one table pipeline over a descriptor made up here: what a new pane (projects, services,
// nodes) gets by declaring one.

type Fruit = {readonly id: string; readonly name: string; readonly kind: string; readonly weight: number; readonly ripe: boolean};
type Scale = {readonly unit: string};

const columns: readonly Column[] = [
	{id: 'name', title: 'NAME', minWidth: 10, maxWidth: 30, grow: 3, priority: 0},
	{id: 'weight', title: 'WEIGHT', minWidth: 8, grow: 0, priority: 0, align: 'right', fixed: true},
	{id: 'kind', title: 'KIND', minWidth: 20, maxWidth: 30, grow: 1, priority: 1},
	{id: 'origin', title: 'ORIGIN', minWidth: 24, grow: 1, priority: 2},
	{id: 'note', title: 'NOTE', minWidth: 30, grow: 1, priority: 3},
];

let cellCalls = 0;

const fruitList: ListDescriptor<Fruit, Scale> = {
	title: 'Fruit',
	noun: 'fruit',
	columns,
	defaultSort: {column: 'name', descending: false},
	showAll: {shown: fruit => fruit.ripe, emptyText: 'no ripe fruit (a shows all)'},
	key: fruit => fruit.id,
	label: fruit => fruit.name,
	cells(fruit, {unit}) {
		cellCalls++;
		return {
			name: {text: fruit.name},
			weight: {text: `${fruit.weight}${unit}`},
			kind: {text: fruit.kind, tone: fruit.ripe ? 'good' : 'warn'},
			origin: {text: 'somewhere far away'},
			note: {text: 'a note long enough to take room'},
		};
	},
	sortValue: (fruit, column) => (column === 'weight' ? fruit.weight : (column === 'kind' ? fruit.kind : fruit.name)),
	search: fruit => `${fruit.name} ${fruit.kind}`.toLowerCase(),
	widthsReadContext: false,
};

const fruit = (id: string, name: string, kind: string, weight: number, ripe = true): Fruit => ({id, name, kind, weight, ripe});
const basket = [fruit('f1', 'pear', 'pome', 180), fruit('f2', 'apple-10', 'pome', 150), fruit('f3', 'apple-2', 'pome', 150), fruit('f4', 'cherry', 'drupe', 8, false), fruit('f5', 'plum', 'drupe', 60)];
const grams: Scale = {unit: 'g'};
const names = (rows: readonly Fruit[]) => rows.map(f => f.name);
const theme = makeTheme('dark');

describe('listRows: filter, show all, sort', () => {
	it('keeps what `a` hides out until showAll, and filters on the search text, lower-cased and trimmed', () => {
		expect(names(listRows(fruitList, basket, grams, {text: '', showAll: false}))).toEqual(['pear', 'apple-10', 'apple-2', 'plum']);
		expect(names(listRows(fruitList, basket, grams, {text: ' DRUPE ', showAll: true}))).toEqual(['cherry', 'plum']);
		expect(names(listRows(fruitList, basket, grams, {text: 'drupe', showAll: false}))).toEqual(['plum']);
	});

	it('sorts both ways; ties stay in name order whatever the direction', () => {
		const up = listRows(fruitList, basket, grams, {text: '', showAll: true, sort: {column: 'weight', descending: false}});
		const down = listRows(fruitList, basket, grams, {text: '', showAll: true, sort: {column: 'weight', descending: true}});
		expect(names(up)).toEqual(['cherry', 'plum', 'apple-2', 'apple-10', 'pear']);
		expect(names(down)).toEqual(['pear', 'apple-2', 'apple-10', 'plum', 'cherry']);
	});

	it('sorts names naturally (apple-2 before apple-10), and keeps the given order without a sort or a natural order', () => {
		expect(names(listRows(fruitList, basket, grams, {text: 'apple', showAll: true, sort: {column: 'name', descending: false}}))).toEqual(['apple-2', 'apple-10']);
		expect(names(listRows(fruitList, basket, grams, {text: 'apple', showAll: true}))).toEqual(['apple-10', 'apple-2']);
	});

	it('uses the natural order when there is no sort (Containers: running first)', () => {
		const byWeight: ListDescriptor<Fruit, Scale> = {...fruitList, naturalOrder: (a, b) => a.weight - b.weight};
		expect(names(listRows(byWeight, basket, grams, {text: '', showAll: true}))).toEqual(['cherry', 'plum', 'apple-10', 'apple-2', 'pear']);
	});

	it('does not reorder the list it is given', () => {
		const copy = [...basket];
		listRows(fruitList, copy, grams, {text: '', showAll: true, sort: {column: 'weight', descending: true}});
		expect(copy).toEqual(basket);
	});
});

describe('placeSelection: the selection follows its key', () => {
	it('keeps the same row selected (by key) across a re-sort, and scrolls to keep it in view', () => {
		const up = listRows(fruitList, basket, grams, {text: '', showAll: true, sort: {column: 'weight', descending: false}}).map(f => f.id);
		const down = listRows(fruitList, basket, grams, {text: '', showAll: true, sort: {column: 'weight', descending: true}}).map(f => f.id);
		const before = {cursor: 0, selectedId: up[0], scrollTop: 0};
		expect(before.selectedId).toBe('f4');
		expect(placeSelection(down, before, 2)).toEqual({cursor: 4, selectedId: 'f4', scrollTop: 3});
	});

	it('falls back to the row where it was when its row is gone', () => {
		expect(placeSelection(['f1', 'f2', 'f5'], {cursor: 3, selectedId: 'f4', scrollTop: 0}, 10)).toEqual({cursor: 2, selectedId: 'f5', scrollTop: 0});
		expect(placeSelection([], {cursor: 3, selectedId: 'f4', scrollTop: 2}, 10)).toEqual({cursor: 0, selectedId: undefined, scrollTop: 0});
	});
});

describe('tableRows: cells, selection and marks', () => {
	const rows = tableRows(fruitList, basket.slice(0, 4), grams, {selectedId: 'f2', marks: new Set(['f3', 'f4', 'gone']), theme});

	it('keys rows by the descriptor and flags the selected and marked ones', () => {
		expect(rows.map(r => [r.key, r.selected, r.marked])).toEqual([['f1', false, false], ['f2', true, false], ['f3', false, true], ['f4', false, true]]);
	});

	it('draws tones as the theme says, none on the selected row (inverse video would make a block)', () => {
		expect(rows[0]!.cells['kind']).toEqual({text: 'pome', color: 'green'});
		expect(rows[3]!.cells['kind']).toEqual({text: 'drupe', color: 'yellow'});
		expect(rows[1]!.cells['kind']).toEqual({text: 'pome'});
		expect(tableRows(fruitList, basket.slice(0, 1), grams, {marks: new Set(), theme: makeTheme('none')})[0]!.cells['kind']).toEqual({text: 'pome'});
	});

	it('reads the context for the cells', () => {
		expect(tableRows(fruitList, basket.slice(0, 1), {unit: ' oz'}, {marks: new Set(), theme})[0]!.cells['weight']!.text).toBe('180 oz');
	});
});

describe('tableColumns: which columns drop first when narrow', () => {
	const widths = contentWidths(fruitList, basket, grams);
	// Before any row is measured: every column at its declared minimum.
	const ids = (width: number) => tableColumns(columns, {}, width).map(c => c.id);

	it('measures every column but the fixed ones', () => {
		expect(widths).toEqual({name: 'apple-10'.length, kind: 5, origin: 'somewhere far away'.length, note: 'a note long enough to take room'.length});
	});

	it('at 80 columns drops the highest priority numbers first, and never a priority 0 column', () => {
		expect(ids(200)).toEqual(['name', 'weight', 'kind', 'origin', 'note']);
		expect(ids(80)).toEqual(['name', 'weight', 'kind', 'origin']);
		expect(ids(60)).toEqual(['name', 'weight', 'kind']);
		expect(ids(30)).toEqual(['name', 'weight']);
		expect(ids(10)).toEqual(['name', 'weight']);
	});

	it('keeps more at 80 columns once the columns are fitted to shorter content', () => {
		expect(tableColumns(columns, widths, 80).map(c => c.id)).toEqual(['name', 'weight', 'kind', 'origin', 'note']);
	});

	it('fits every kept column into the width (a mark column and a margin take 2)', () => {
		for (const width of [40, 80, 120]) {
			const laid = tableColumns(columns, widths, width);
			expect(laid.reduce((sum, c) => sum + c.width, 0) + laid.length - 1).toBeLessThanOrEqual(width - 2);
		}
	});

	it('marks the sorted column, with room for the mark', () => {
		const weight = tableColumns(columns, widths, 80, {column: 'weight', descending: true}).find(c => c.id === 'weight')!;
		expect(weight.title).toBe('WEIGHT v');
		expect(weight.width).toBeGreaterThanOrEqual('WEIGHT v'.length);
	});

	it('with no rows measures nothing: the columns as declared', () => {
		expect(contentWidths(fruitList, [], grams)).toEqual({});
	});

	it('measures an item once while its cells read the item alone', () => {
		const items = [fruit('m1', 'melon', 'pepo', 900)];
		contentWidths(fruitList, items, grams);
		const calls = cellCalls;
		contentWidths(fruitList, items, {unit: 'kg'});
		expect(cellCalls).toBe(calls);
		contentWidths({...fruitList, widthsReadContext: true}, items, {unit: 'kg'});
		expect(cellCalls).toBe(calls + 1);
	});
});

describe('emptyText and tableLines', () => {
	it('says loading, filtered, hidden by `a` or none', () => {
		expect(emptyText(fruitList, false, false, false)).toBe('loading...');
		expect(emptyText(fruitList, true, true, false)).toBe('no fruit matches the filter (Esc clears it)');
		expect(emptyText(fruitList, true, false, false)).toBe('no ripe fruit (a shows all)');
		expect(emptyText(fruitList, true, false, true)).toBe('no fruits');
	});

	it('draws the titles, then the rows or the empty text', () => {
		const laid = tableColumns(columns, contentWidths(fruitList, basket, grams), 80);
		const lines = tableLines(laid, tableRows(fruitList, basket.slice(0, 2), grams, {selectedId: 'f1', marks: new Set(['f2']), theme}), 'none', theme, false).map(line => plainText(line));
		expect(lines[0]).toMatch(/^ {2}NAME +WEIGHT KIND +ORIGIN/);
		expect(lines[1]).toMatch(/^ {2}pear +180g pome/);
		expect(lines[2]).toMatch(/^\* apple-10 +150g pome/);
		expect(tableLines(laid, [], 'no fruits', theme, false).map(line => plainText(line))).toEqual([lines[0], '  no fruits']);
	});
});

describe('the registry: every list pane through the one selector', () => {
	const state = (patch: Partial<AppState> = {}): AppState => ({...initialState({host: 'local'}), ...patch});

	it('every registered descriptor has a cell for each of its columns', () => {
		const container = makeContainer({id: 'c1', name: 'web'});
		expect(Object.keys(listPanes.containers.descriptor.cells(container, {stats: {}, pending: {}})).sort()).toEqual(listPanes.containers.descriptor.columns.map(c => c.id).sort());
		for (const pane of ['images', 'networks', 'volumes'] as const) {
			expect(listPanes[pane].descriptor.columns.length).toBeGreaterThan(0);
			expect(listPanes[pane].descriptor.defaultSort).toBeDefined();
		}
	});

	it('memoises a pane\'s rows and widths until what they read changes; a stats sample re-sorts only a CPU sort', () => {
		const containers = [makeContainer({id: 'a', name: 'a'}), makeContainer({id: 'b', name: 'b'})];
		const first = state({containers});
		const view = selectList(first, 'containers');
		const widths = selectWidths(first, 'containers');
		const sampled = {...first, stats: {a: {cpuPercent: 50, memoryBytes: 1, memoryLimitBytes: 2}}};
		expect(selectList(sampled, 'containers')).toBe(view);
		expect(selectWidths(sampled, 'containers')).toBe(widths);
		const byCpu = {...first, ui: {...first.ui, sort: {column: 'cpu', descending: true}}};
		expect(selectList(byCpu, 'containers').keys).toEqual(['a', 'b']);
		const hot = {...byCpu, stats: {b: {cpuPercent: 50, memoryBytes: 1, memoryLimitBytes: 2}}};
		expect(selectList(hot, 'containers').keys).toEqual(['b', 'a']);
	});
});
