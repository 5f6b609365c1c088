import {describe, expect, it} from 'vitest';
import type {Action} from '../../../source/store/actions.js';
import {panes, reducer} from '../../../source/store/reducer.js';
import {selectResourceRows} from '../../../source/store/resource-selectors.js';
import {selectPaneKeys, tableHeight} from '../../../source/store/selectors.js';
import {type AppState, type ConfirmRequest, initialState} from '../../../source/store/state.js';
import type {DiskUsage, Image, Network, PaneId, Volume} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

const host = 'unix:///var/run/docker.sock';

function run(state: AppState, ...actions: Action[]): AppState {
	return actions.reduce(reducer, state);
}

const img = (id: string, tag: string, size: number): Image => {
	const dangling = tag === '<none>:<none>';
	return {rowId: dangling ? id : `${id}|${tag}`, id, tag, tags: dangling ? [] : [tag], size, created: 1_700_000_000, dangling};
};

// Loaded out of screen order: the pane shows them by tag.
const images: readonly Image[] = [
	img('sha256:c', 'redis:7', 40),
	img('sha256:a', 'alpine:3', 8),
	img('sha256:d', '<none>:<none>', 5),
	img('sha256:b', 'nginx:1.27', 190),
	img('sha256:b', 'nginx:latest', 190),
];

const networks: readonly Network[] = [
	{id: 'n-web', name: 'web-net', driver: 'bridge', scope: 'local', subnet: '', builtin: false},
	{id: 'n-bridge', name: 'bridge', driver: 'bridge', scope: 'local', subnet: '', builtin: true},
];

const volumes: readonly Volume[] = [
	{name: 'vol-b', driver: 'local', mountpoint: '/v/b'},
	{name: 'vol-a', driver: 'local', mountpoint: '/v/a'},
];

const containers = ['web-1', 'web-2', 'web-3'].map(name => makeContainer({id: `id-${name}`, name, imageId: 'sha256:b'}));

function loaded(options: {readonly rows?: number} = {}): AppState {
	return run(
		initialState({host, ...options}),
		{type: 'containers/loaded', containers},
		{type: 'images/loaded', images},
		{type: 'networks/loaded', networks},
		{type: 'volumes/loaded', volumes},
	);
}

const imageKeys = (state: AppState) => selectResourceRows(state, 'images').map(i => (i as Image).rowId);

describe('pane/select and pane/cycle', () => {
	it('selects the first row of a pane shown for the first time, with an empty list state', () => {
		const state = reducer(loaded(), {type: 'pane/select', pane: 'images'});
		expect(state.ui.pane).toBe('images');
		expect(state.ui).toMatchObject({cursor: 0, scrollTop: 0, selectedId: 'sha256:d', filter: {open: false, text: '', cursor: 0}});
		expect(state.ui.sort).toBeUndefined();
		expect(state.ui.marks.size).toBe(0);
	});

	it('parks the focused list and restores it when coming back', () => {
		let state = run(loaded(),
			{type: 'filter/open'},
			{type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'web'}},
			{type: 'scroll', target: 'list', by: 1},
			{type: 'mark/toggle'},
			{type: 'sort/cycle', columns: [{id: 'name'}, {id: 'state'}]},
			{type: 'sort/reverse'},
		);
		const before = state.ui;
		// Name descending puts web-3, still selected, on top.
		expect(before).toMatchObject({selectedId: 'id-web-3', cursor: 0, filter: {open: true, text: 'web'}, sort: {column: 'name', descending: true}});
		expect([...before.marks]).toEqual(['id-web-2']);

		state = reducer(state, {type: 'pane/select', pane: 'images'});
		expect(state.ui.parked.containers).toEqual({
			selectedId: 'id-web-3', cursor: 0, scrollTop: 0, marks: before.marks,
			filter: {open: false, text: 'web', cursor: 3}, sort: {column: 'name', descending: true},
		});
		// The images pane starts clean: nothing of the containers' list leaks into it.
		expect(state.ui.filter.text).toBe('');
		expect(state.ui.marks.size).toBe(0);
		expect(state.ui.sort).toBeUndefined();

		state = reducer(state, {type: 'pane/select', pane: 'containers'});
		expect(state.ui).toMatchObject({pane: 'containers', selectedId: 'id-web-3', cursor: 0, filter: {open: false, text: 'web', cursor: 3}, sort: {column: 'name', descending: true}});
		expect([...state.ui.marks]).toEqual(['id-web-2']);
	});

	it('each resource pane keeps its own selection, marks, filter and sort', () => {
		let state = run(loaded(),
			{type: 'pane/select', pane: 'images'},
			{type: 'scroll', target: 'list', by: 2},
			{type: 'mark/toggle'},
			{type: 'sort/cycle', columns: [{id: 'tag'}, {id: 'size'}]},
			{type: 'sort/cycle', columns: [{id: 'tag'}, {id: 'size'}]},
			{type: 'pane/select', pane: 'volumes'},
			{type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'vol-a'}},
			{type: 'filter/close', keep: true},
		);
		expect(state.ui).toMatchObject({pane: 'volumes', selectedId: 'vol-a', filter: {text: 'vol-a', open: false}});
		const imagesParked = state.ui.parked.images!;
		expect(imagesParked.sort).toEqual({column: 'size', descending: false});
		expect([...imagesParked.marks]).toHaveLength(1);

		state = reducer(state, {type: 'pane/select', pane: 'images'});
		expect(state.ui.sort).toEqual({column: 'size', descending: false});
		expect(state.ui.marks).toBe(imagesParked.marks);
		expect(state.ui.selectedId).toBe(imagesParked.selectedId);
		expect(state.ui.filter.text).toBe('');
		expect(state.ui.parked.volumes?.filter).toEqual({open: false, text: 'vol-a', cursor: 5});
	});

	it('closes an open filter box when parking, but keeps its text', () => {
		const state = run(loaded(),
			{type: 'pane/select', pane: 'networks'},
			{type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'web'}},
			{type: 'pane/select', pane: 'images'},
			{type: 'pane/select', pane: 'networks'},
		);
		expect(state.ui.filter).toEqual({open: false, text: 'web', cursor: 3});
		expect(state.ui.selectedId).toBe('n-web');
	});

	it('closes an overlay when switching', () => {
		const state = run(loaded(), {type: 'overlay/help'}, {type: 'pane/select', pane: 'volumes'});
		expect(state.ui.overlay).toBeUndefined();
	});

	it('selecting the focused pane changes nothing', () => {
		const state = loaded();
		expect(reducer(state, {type: 'pane/select', pane: 'containers'})).toBe(state);
	});

	it.each<[PaneId, 1 | -1, PaneId]>([
		['containers', 1, 'images'],
		['images', 1, 'networks'],
		['networks', 1, 'volumes'],
		['volumes', 1, 'projects'],
		['projects', 1, 'containers'],
		['containers', -1, 'projects'],
		['images', -1, 'containers'],
	])('pane/cycle from %s by %i goes to %s', (from, delta, to) => {
		const start = from === 'containers' ? loaded() : reducer(loaded(), {type: 'pane/select', pane: from});
		expect(reducer(start, {type: 'pane/cycle', delta}).ui.pane).toBe(to);
	});

	it('pane/cycle parks and restores like pane/select', () => {
		let state = run(loaded(), {type: 'pane/select', pane: 'networks'}, {type: 'scroll', target: 'list', by: 1});
		expect(state.ui.selectedId).toBe('n-web');
		// The Swarm panes are not in the cycle where the Engine is no manager (issue 17).
		for (let i = 0; i < panes.length - 2; i++) {
			state = reducer(state, {type: 'pane/cycle', delta: 1});
		}

		expect(state.ui).toMatchObject({pane: 'networks', selectedId: 'n-web', cursor: 1});
	});

	it('keeps image marks when the container list refreshes on the images pane', () => {
		let state = run(loaded(), {type: 'pane/select', pane: 'images'}, {type: 'mark/toggle'}, {type: 'mark/toggle'});
		expect(state.ui.marks).toEqual(new Set(['sha256:d', 'sha256:a|alpine:3']));
		// The container watcher sends a fresh list every few seconds, whatever pane is shown.
		state = reducer(state, {type: 'containers/loaded', containers: [...containers]});
		expect(state.ui.marks).toEqual(new Set(['sha256:d', 'sha256:a|alpine:3']));
	});
});

describe('cursor on a resource pane', () => {
	it('moves in screen order, by rowId', () => {
		let state = reducer(loaded(), {type: 'pane/select', pane: 'images'});
		expect(selectPaneKeys(state)).toEqual(['sha256:d', 'sha256:a|alpine:3', 'sha256:b|nginx:1.27', 'sha256:b|nginx:latest', 'sha256:c|redis:7']);
		state = reducer(state, {type: 'scroll', target: 'list', by: 1});
		expect(state.ui).toMatchObject({cursor: 1, selectedId: 'sha256:a|alpine:3'});
		state = reducer(state, {type: 'scroll', target: 'list', by: 2});
		expect(state.ui).toMatchObject({cursor: 3, selectedId: 'sha256:b|nginx:latest'});
		state = reducer(state, {type: 'scroll', target: 'list', by: 'bottom'});
		expect(state.ui).toMatchObject({cursor: 4, selectedId: 'sha256:c|redis:7'});
		state = reducer(state, {type: 'scroll', target: 'list', by: 10});
		expect(state.ui.cursor).toBe(4);
		state = reducer(state, {type: 'scroll', target: 'list', by: 'top'});
		expect(state.ui).toMatchObject({cursor: 0, selectedId: 'sha256:d'});
	});

	it('follows the sort: after o, j goes to the next row of the new order', () => {
		let state = run(loaded(), {type: 'pane/select', pane: 'images'}, {type: 'sort/cycle', columns: [{id: 'size'}]});
		expect(imageKeys(state)).toEqual(['sha256:d', 'sha256:a|alpine:3', 'sha256:c|redis:7', 'sha256:b|nginx:1.27', 'sha256:b|nginx:latest']);
		state = run(state, {type: 'scroll', target: 'list', by: 'top'}, {type: 'scroll', target: 'list', by: 2});
		expect(state.ui.selectedId).toBe('sha256:c|redis:7');
	});

	it('keeps the selected row when the sort changes, and moves the cursor to it', () => {
		let state = run(loaded(), {type: 'pane/select', pane: 'images'}, {type: 'scroll', target: 'list', by: 4});
		expect(state.ui.selectedId).toBe('sha256:c|redis:7');
		state = reducer(state, {type: 'sort/cycle', columns: [{id: 'size'}]});
		expect(state.ui).toMatchObject({selectedId: 'sha256:c|redis:7', cursor: 2});
	});

	it('keeps the selection on the same row when the list refreshes in another order', () => {
		let state = run(loaded(), {type: 'pane/select', pane: 'images'}, {type: 'scroll', target: 'list', by: 2});
		expect(state.ui.selectedId).toBe('sha256:b|nginx:1.27');
		state = reducer(state, {type: 'images/loaded', images: [img('sha256:0', 'aaa:1', 1), ...[...images].reverse()]});
		expect(state.ui).toMatchObject({selectedId: 'sha256:b|nginx:1.27', cursor: 3});
	});

	it('mark/toggle marks the rowId and moves on', () => {
		const state = run(loaded(), {type: 'pane/select', pane: 'images'}, {type: 'scroll', target: 'list', by: 2}, {type: 'mark/toggle'});
		expect([...state.ui.marks]).toEqual(['sha256:b|nginx:1.27']);
		expect(state.ui.selectedId).toBe('sha256:b|nginx:latest');
	});

	it('scrolls to keep the selection on screen', () => {
		const many = Array.from({length: 50}, (_, i) => img(`sha256:${i}`, `img-${i}:1`, i));
		let state = run(initialState({host, rows: 12}), {type: 'images/loaded', images: many}, {type: 'pane/select', pane: 'images'});
		const height = tableHeight(state);
		state = reducer(state, {type: 'scroll', target: 'list', by: 'bottom'});
		expect(state.ui.cursor).toBe(49);
		expect(state.ui.scrollTop).toBe(50 - height);
	});
});

const usage = (n: number): DiskUsage => ({
	images: {count: n, size: n * 100, reclaimable: n * 10},
	containers: {count: n, size: n, reclaimable: 0},
	volumes: {count: n, size: n * 1000, reclaimable: n * 500},
	buildCache: {count: 0, size: 0, reclaimable: 0},
});

describe('images, networks, volumes and disk usage loaded', () => {
	it.each<[string, Action, keyof AppState]>([
		['images', {type: 'images/loaded', images}, 'images'],
		['networks', {type: 'networks/loaded', networks}, 'networks'],
	])('%s/loaded stores the list as given', (_name, action, key) => {
		const state = reducer(initialState({host}), action);
		expect(state[key]).toBe(key === 'images' ? images : networks);
	});

	it('volumes/loaded stores the volumes', () => {
		expect(reducer(initialState({host}), {type: 'volumes/loaded', volumes}).volumes).toEqual(volumes);
	});

	it('diskUsage/loaded stores the figures and puts the sizes on the volumes', () => {
		const state = reducer(loaded(), {type: 'diskUsage/loaded', usage: usage(2), volumeSizes: new Map([['vol-a', 4096]])});
		expect(state.diskUsage).toEqual(usage(2));
		expect(state.volumes).toEqual([
			{name: 'vol-b', driver: 'local', mountpoint: '/v/b'},
			{name: 'vol-a', driver: 'local', mountpoint: '/v/a', size: 4096},
		]);
	});

	it('diskUsage/loaded before any volume list stores the figures and leaves volumes unloaded', () => {
		const state = reducer(initialState({host}), {type: 'diskUsage/loaded', usage: usage(1), volumeSizes: new Map([['vol-a', 1]])});
		expect(state.diskUsage).toEqual(usage(1));
		expect(state.volumes).toBeUndefined();
	});

	it('a later volumes/loaded without sizes keeps the ones system df gave', () => {
		let state = reducer(loaded(), {type: 'diskUsage/loaded', usage: usage(2), volumeSizes: new Map([['vol-a', 4096], ['vol-b', 0]])});
		state = reducer(state, {type: 'volumes/loaded', volumes: [...volumes, {name: 'vol-c', driver: 'local', mountpoint: '/v/c'}]});
		expect(state.volumes?.map(v => [v.name, v.size])).toEqual([['vol-b', 0], ['vol-a', 4096], ['vol-c', undefined]]);
	});

	it('a size in the new list wins over the kept one', () => {
		let state = reducer(loaded(), {type: 'diskUsage/loaded', usage: usage(2), volumeSizes: new Map([['vol-a', 4096]])});
		state = reducer(state, {type: 'volumes/loaded', volumes: [{name: 'vol-a', driver: 'local', mountpoint: '/v/a', size: 1}]});
		expect(state.volumes).toEqual([{name: 'vol-a', driver: 'local', mountpoint: '/v/a', size: 1}]);
	});

	it('a removed volume does not come back with its kept size', () => {
		let state = reducer(loaded(), {type: 'diskUsage/loaded', usage: usage(2), volumeSizes: new Map([['vol-a', 4096]])});
		state = reducer(state, {type: 'volumes/loaded', volumes: volumes.filter(v => v.name !== 'vol-a')});
		expect(state.volumes?.map(v => v.name)).toEqual(['vol-b']);
	});

	it('a newer system df replaces the sizes', () => {
		const state = run(loaded(),
			{type: 'diskUsage/loaded', usage: usage(1), volumeSizes: new Map([['vol-a', 4096]])},
			{type: 'diskUsage/loaded', usage: usage(3), volumeSizes: new Map([['vol-a', 8192]])},
		);
		expect(state.diskUsage).toEqual(usage(3));
		expect(state.volumes?.find(v => v.name === 'vol-a')?.size).toBe(8192);
	});
});

describe('sort/cycle and sort/reverse', () => {
	const columns = [{id: 'tag'}, {id: 'state'}, {id: 'size'}];

	it('cycles through the columns given, ascending, and wraps', () => {
		let state = reducer(loaded(), {type: 'pane/select', pane: 'images'});
		const seen: string[] = [];
		for (let i = 0; i < 4; i++) {
			state = reducer(state, {type: 'sort/cycle', columns});
			seen.push(`${state.ui.sort!.column}${state.ui.sort!.descending ? '-' : '+'}`);
		}

		expect(seen).toEqual(['tag+', 'state+', 'size+', 'tag+']);
	});

	it('sort/reverse flips the direction and back; a new column starts ascending again', () => {
		let state = run(loaded(), {type: 'pane/select', pane: 'images'}, {type: 'sort/cycle', columns}, {type: 'sort/cycle', columns}, {type: 'sort/cycle', columns});
		state = reducer(state, {type: 'sort/reverse'});
		expect(state.ui.sort).toEqual({column: 'size', descending: true});
		expect(imageKeys(state)[0]).toBe('sha256:b|nginx:1.27');
		expect(reducer(state, {type: 'sort/reverse'}).ui.sort).toEqual({column: 'size', descending: false});
		expect(reducer(state, {type: 'sort/cycle', columns}).ui.sort).toEqual({column: 'tag', descending: false});
	});

	it('sort/reverse without a sort changes nothing', () => {
		const state = reducer(loaded(), {type: 'pane/select', pane: 'images'});
		expect(reducer(state, {type: 'sort/reverse'})).toBe(state);
	});
});

describe('overlay/page and page/scroll', () => {
	const lines = Array.from({length: 10}, (_, i) => `line ${i}`);
	const paged = () => reducer(loaded(), {type: 'overlay/page', page: {title: 'image nginx', lines, scroll: 0}});

	it('overlay/page opens the page', () => {
		expect(paged().ui.overlay).toEqual({kind: 'page', title: 'image nginx', lines, scroll: 0});
	});

	it.each<[string, number[], number]>([
		['down one', [1], 1],
		['down and up', [3, -1], 2],
		['never above the top', [-5], 0],
		['never past the last line', [100], 9],
		['bottom then top', [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER], 0],
		['to the bottom', [Number.MAX_SAFE_INTEGER], 9],
	])('scroll of a page %s', (_name, deltas, scroll) => {
		const state = run(paged(), ...deltas.map(by => ({type: 'scroll', target: 'page', by}) as const));
		expect(state.ui.overlay).toMatchObject({kind: 'page', scroll});
	});

	it('an empty page stays at 0', () => {
		const state = run(loaded(), {type: 'overlay/page', page: {title: 't', lines: [], scroll: 0}}, {type: 'scroll', target: 'page', by: 3});
		expect(state.ui.overlay).toMatchObject({scroll: 0});
	});

	it.each<[string, Action | undefined]>([
		['no overlay', undefined],
		['help', {type: 'overlay/help'}],
	])('page/scroll with %s changes nothing', (_name, open) => {
		const state = open ? reducer(loaded(), open) : loaded();
		expect(reducer(state, {type: 'scroll', target: 'page', by: 1})).toBe(state);
	});
});

describe('confirm/type', () => {
	const request: ConfirmRequest = {action: 'volume-remove', targets: [{id: 'vol-a', name: 'vol-a'}], typeToConfirm: 'vol-a'};

	it('edits the typed text of a confirm overlay', () => {
		let state = reducer(loaded(), {type: 'overlay/confirm', request});
		expect(state.ui.overlay).toEqual({kind: 'confirm', request});
		state = run(state,
			{type: 'edit', target: 'confirm', edit: {kind: 'insert', text: 'v'}},
			{type: 'edit', target: 'confirm', edit: {kind: 'insert', text: 'ol-x'}},
			{type: 'edit', target: 'confirm', edit: {kind: 'backspace'}},
			{type: 'edit', target: 'confirm', edit: {kind: 'insert', text: 'a'}},
		);
		expect(state.ui.overlay).toEqual({kind: 'confirm', request, typed: 'vol-a'});
		state = reducer(state, {type: 'edit', target: 'confirm', edit: {kind: 'clear'}});
		expect(state.ui.overlay).toMatchObject({typed: ''});
	});

	it('does not touch the filter', () => {
		const state = run(loaded(), {type: 'overlay/confirm', request}, {type: 'edit', target: 'confirm', edit: {kind: 'insert', text: 'x'}});
		expect(state.ui.filter.text).toBe('');
	});

	it('a new confirm starts with nothing typed', () => {
		const state = run(loaded(), {type: 'overlay/confirm', request}, {type: 'edit', target: 'confirm', edit: {kind: 'insert', text: 'x'}}, {type: 'overlay/confirm', request});
		expect(state.ui.overlay).toEqual({kind: 'confirm', request});
	});

	it.each<[string, Action | undefined]>([
		['no overlay', undefined],
		['help', {type: 'overlay/help'}],
		['a page', {type: 'overlay/page', page: {title: 't', lines: ['a'], scroll: 0}}],
	])('with %s changes nothing', (_name, open) => {
		const state = open ? reducer(loaded(), open) : loaded();
		expect(reducer(state, {type: 'edit', target: 'confirm', edit: {kind: 'insert', text: 'x'}})).toBe(state);
	});
});
