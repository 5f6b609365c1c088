import {describe, expect, it} from 'vitest';
import {imageList, networkList, volumeList} from '../../../source/render/resource-lists.js';
import {descriptors, itemsOf, nextSortColumn, selectResourceRows, selectUsage, sortItems} from '../../../source/store/resource-selectors.js';
import {type AppState, emptyList, initialState, type ListUi, type Sort} from '../../../source/store/state.js';
import type {Container, Image, Network, PaneId, Volume} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

type Item = {readonly key: string; readonly name: string; readonly size: number};
const item = (key: string, name: string, size: number): Item => ({key, name, size});
const value = (i: Item, column: string) => (column === 'size' ? i.size : i.name);
const keyOf = (i: Item) => i.key;
const keys = (items: readonly Item[]) => items.map(i => i.key);

describe('sortItems', () => {
	const items: readonly Item[] = [
		item('k1', 'img-10', 100),
		item('k2', 'img-2', 9),
		item('k3', 'Img-1', 1000),
		item('k4', 'alpha', 9),
		item('k5', 'img-2', 50),
	];

	it.each<[string, Sort, string[]]>([
		['numbers numerically, ties by key', {column: 'size', descending: false}, ['k2', 'k4', 'k5', 'k1', 'k3']],
		['numbers descending, ties still by key ascending', {column: 'size', descending: true}, ['k3', 'k1', 'k5', 'k2', 'k4']],
		['strings naturally: img-2 before img-10, case-insensitive', {column: 'name', descending: false}, ['k4', 'k3', 'k2', 'k5', 'k1']],
		['strings descending', {column: 'name', descending: true}, ['k1', 'k2', 'k5', 'k3', 'k4']],
	])('%s', (_name, sort, expected) => {
		expect(keys(sortItems(items, value, keyOf, sort))).toEqual(expected);
	});

	it('does not sort by code points: 9 < 10 and img-2 < img-10 even as strings', () => {
		const text = [item('a', '10', 0), item('b', '9', 0), item('c', 'img-10', 0), item('d', 'img-2', 0)];
		expect(keys(sortItems(text, value, keyOf, {column: 'name', descending: false}))).toEqual(['b', 'a', 'd', 'c']);
	});

	it('breaks ties by key naturally (key-2 before key-10)', () => {
		const same = [item('key-10', 'x', 1), item('key-2', 'x', 1), item('key-1', 'x', 1)];
		expect(keys(sortItems(same, value, keyOf, {column: 'name', descending: false}))).toEqual(['key-1', 'key-2', 'key-10']);
		expect(keys(sortItems(same, value, keyOf, {column: 'name', descending: true}))).toEqual(['key-1', 'key-2', 'key-10']);
	});

	it('gives the same order whatever the input order', () => {
		const reversed = [...items].reverse();
		const sort = {column: 'name', descending: false};
		expect(keys(sortItems(reversed, value, keyOf, sort))).toEqual(keys(sortItems(items, value, keyOf, sort)));
	});

	it('does not mutate its input and returns a new array', () => {
		const input = [...items];
		const before = keys(input);
		const sorted = sortItems(input, value, keyOf, {column: 'size', descending: true});
		expect(keys(input)).toEqual(before);
		expect(sorted).not.toBe(input);
	});

	it('handles an empty list', () => {
		expect(sortItems([], value, keyOf, {column: 'name', descending: false})).toEqual([]);
	});
});

const img = (id: string, tag: string, size: number, created = 1_700_000_000): Image => {
	const dangling = tag === '<none>:<none>';
	return {rowId: dangling ? id : `${id}|${tag}`, id, tag, tags: dangling ? [] : [tag], size, created, dangling};
};

const images: readonly Image[] = [
	img('sha256:1', 'img-10:latest', 300),
	img('sha256:2', 'img-2:latest', 100),
	img('sha256:3', 'Nginx:1.27', 200),
	img('sha256:4', '<none>:<none>', 50),
	img('sha256:5', 'redis:7', 100),
];

const networks: readonly Network[] = [
	{id: 'n-web', name: 'web-net', driver: 'bridge', scope: 'local', subnet: '172.20.0.0/16', builtin: false},
	{id: 'n-bridge', name: 'bridge', driver: 'bridge', scope: 'local', subnet: '172.17.0.0/16', builtin: true},
	{id: 'n-host', name: 'host', driver: 'host', scope: 'local', subnet: '', builtin: true},
];

const volumes: readonly Volume[] = [
	{name: 'vol-10', driver: 'local', mountpoint: '/v/10', size: 10},
	{name: 'vol-2', driver: 'local', mountpoint: '/v/2'},
	{name: 'Data', driver: 'nfs', mountpoint: '/v/data', size: 500},
];

const containers: readonly Container[] = [
	makeContainer({id: 'c1', imageId: 'sha256:5', networkIds: ['n-web'], volumeNames: ['vol-2']}),
	makeContainer({id: 'c2', imageId: 'sha256:5', networkIds: ['n-web', 'n-bridge']}),
	makeContainer({id: 'c3', imageId: 'sha256:3'}),
];

function stateWith(pane: PaneId, list: Partial<ListUi> = {}, parked: Partial<Record<PaneId, ListUi>> = {}): AppState {
	const base = initialState({host: 'unix:///var/run/docker.sock'});
	return {...base, containers, images, networks, volumes, ui: {...base.ui, ...list, pane, parked}};
}

const filter = (text: string) => ({open: false, text, cursor: text.length});
const rowKeys = (state: AppState, pane: 'images' | 'networks' | 'volumes') =>
	selectResourceRows(state, pane).map(row => descriptors[pane].key(row));
const tagsOf = (state: AppState) => (selectResourceRows(state, 'images') as Image[]).map(i => i.tag);

describe('selectResourceRows', () => {
	it.each<[string, 'images' | 'networks' | 'volumes', Partial<ListUi>, string[]]>([
		['images by tag by default, naturally', 'images', {}, ['sha256:4', 'sha256:2|img-2:latest', 'sha256:1|img-10:latest', 'sha256:3|Nginx:1.27', 'sha256:5|redis:7']],
		['networks by name by default', 'networks', {}, ['n-bridge', 'n-host', 'n-web']],
		['volumes by name by default, naturally and case-insensitively', 'volumes', {}, ['Data', 'vol-2', 'vol-10']],
		['images by size, ties by rowId', 'images', {sort: {column: 'size', descending: false}}, ['sha256:4', 'sha256:2|img-2:latest', 'sha256:5|redis:7', 'sha256:3|Nginx:1.27', 'sha256:1|img-10:latest']],
		['images by size descending', 'images', {sort: {column: 'size', descending: true}}, ['sha256:1|img-10:latest', 'sha256:3|Nginx:1.27', 'sha256:2|img-2:latest', 'sha256:5|redis:7', 'sha256:4']],
		// Ties by the name shown (a dangling image shows its short id), naturally: img-2 before img-10.
		['images by users descending, ties by name', 'images', {sort: {column: 'used', descending: true}}, ['sha256:5|redis:7', 'sha256:3|Nginx:1.27', 'sha256:4', 'sha256:2|img-2:latest', 'sha256:1|img-10:latest']],
		['networks by users', 'networks', {sort: {column: 'used', descending: false}}, ['n-host', 'n-bridge', 'n-web']],
		['volumes by size, unknown first', 'volumes', {sort: {column: 'size', descending: false}}, ['vol-2', 'vol-10', 'Data']],
		['filter, case-insensitive', 'images', {filter: filter('NGINX')}, ['sha256:3|Nginx:1.27']],
		['filter on the id', 'images', {filter: filter('sha256:4')}, ['sha256:4']],
		['filter trimmed', 'images', {filter: filter('  img-  ')}, ['sha256:2|img-2:latest', 'sha256:1|img-10:latest']],
		['filter and sort together', 'images', {filter: filter('img'), sort: {column: 'size', descending: true}}, ['sha256:1|img-10:latest', 'sha256:2|img-2:latest']],
		['filter networks by subnet', 'networks', {filter: filter('172.17')}, ['n-bridge']],
		['filter volumes by driver', 'volumes', {filter: filter('NFS')}, ['Data']],
		['no match', 'volumes', {filter: filter('nothing')}, []],
	])('focused: %s', (_name, pane, list, expected) => {
		expect(rowKeys(stateWith(pane, list), pane)).toEqual(expected);
	});

	it('uses the parked list of a pane that is not focused, not the focused one', () => {
		const parked: ListUi = {...emptyList, filter: filter('img'), sort: {column: 'size', descending: true}};
		const state = stateWith('volumes', {filter: filter('vol'), sort: {column: 'size', descending: false}}, {images: parked});
		expect(tagsOf(state)).toEqual(['img-10:latest', 'img-2:latest']);
		// Volumes are focused: their own filter and sort.
		expect(rowKeys(state, 'volumes')).toEqual(['vol-2', 'vol-10']);
	});

	it('a pane neither focused nor parked has no filter and the default sort', () => {
		const state = stateWith('networks', {filter: filter('web'), sort: {column: 'size', descending: true}});
		expect(tagsOf(state)).toEqual(['<none>:<none>', 'img-2:latest', 'img-10:latest', 'Nginx:1.27', 'redis:7']);
	});

	it('is empty before the list has loaded', () => {
		const state = {...stateWith('images'), images: undefined};
		expect(selectResourceRows(state, 'images')).toEqual([]);
	});

	it('returns the same array while nothing it reads has changed', () => {
		const state = stateWith('images', {filter: filter('img')});
		const first = selectResourceRows(state, 'images');
		expect(selectResourceRows(state, 'images')).toBe(first);
		// Another state object with the same lists, filter and sort: still the same rows.
		const moved = {...state, ui: {...state.ui, cursor: 1, viewport: {columns: 120, rows: 40}}};
		expect(selectResourceRows(moved, 'images')).toBe(first);
		// Asking for another pane in between does not drop the memo.
		selectResourceRows(state, 'networks');
		expect(selectResourceRows(state, 'images')).toBe(first);
	});

	it.each<[string, (state: AppState) => AppState]>([
		['the list', s => ({...s, images: [...images]})],
		['the containers (usage)', s => ({...s, containers: [...containers]})],
		['the filter text', s => ({...s, ui: {...s.ui, filter: filter('img-1')}})],
		['the sort', s => ({...s, ui: {...s.ui, sort: {column: 'size', descending: false}}})],
	])('recomputes when %s changes', (_name, change) => {
		const state = stateWith('images', {filter: filter('img')});
		const first = selectResourceRows(state, 'images');
		expect(selectResourceRows(change(state), 'images')).not.toBe(first);
	});

	it('does not mutate the loaded list', () => {
		const list = [...images];
		const state = {...stateWith('images', {sort: {column: 'size', descending: true}}), images: list};
		selectResourceRows(state, 'images');
		expect(list).toEqual(images);
	});
});

describe('selectUsage and itemsOf', () => {
	it('counts users from the containers, memoised on the list', () => {
		const state = stateWith('images');
		const usage = selectUsage(state);
		expect(usage.byImage.get('sha256:5')).toBe(2);
		expect(usage.byNetwork.get('n-web')).toBe(2);
		expect(usage.byVolume.get('vol-2')).toBe(1);
		expect(selectUsage({...state, ui: {...state.ui, cursor: 3}})).toBe(usage);
		expect(selectUsage({...state, containers: []}).byImage.size).toBe(0);
	});

	it('itemsOf picks the list of the pane', () => {
		const state = stateWith('images');
		expect(itemsOf(state, 'images')).toBe(images);
		expect(itemsOf(state, 'networks')).toBe(networks);
		expect(itemsOf(state, 'volumes')).toBe(volumes);
	});

	it('descriptors map each pane to its list', () => {
		expect(descriptors).toEqual({images: imageList, networks: networkList, volumes: volumeList});
	});
});

describe('nextSortColumn', () => {
	const columns = [{id: 'a'}, {id: 'b'}, {id: 'c'}];
	it.each<[string, Sort | undefined, Sort]>([
		['from nothing to the first', undefined, {column: 'a', descending: false}],
		['to the next', {column: 'a', descending: false}, {column: 'b', descending: false}],
		['resets descending', {column: 'b', descending: true}, {column: 'c', descending: false}],
		['wraps around', {column: 'c', descending: false}, {column: 'a', descending: false}],
		['from an unknown column to the first', {column: 'zzz', descending: true}, {column: 'a', descending: false}],
	])('%s', (_name, current, expected) => {
		expect(nextSortColumn(columns, current)).toEqual(expected);
	});

	// Issue 12 item 10: o never went back to the Containers pane's own running-first order.
	it('with an order of its own (Containers), comes back to it after the last column', () => {
		const seen: Array<string | undefined> = [];
		let sort: Sort | undefined;
		for (let i = 0; i <= columns.length + 1; i++) {
			sort = nextSortColumn(columns, sort, true);
			seen.push(sort?.column);
		}

		expect(seen).toEqual(['a', 'b', 'c', undefined, 'a']);
	});

	it('walks every column of a pane and comes back', () => {
		let sort: Sort | undefined;
		const seen: string[] = [];
		for (let i = 0; i <= imageList.columns.length; i++) {
			sort = nextSortColumn(imageList.columns, sort);
			seen.push(sort!.column);
		}

		expect(seen).toEqual([...imageList.columns.map(c => c.id), imageList.columns[0]!.id]);
	});
});
