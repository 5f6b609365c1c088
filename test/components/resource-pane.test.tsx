import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import {mapDiskUsage, mapImages, mapNetwork, mapVolume} from '../../source/docker/map-resources.js';
import type {Engine} from '../../source/docker/engine.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {formatBytes} from '../../source/render/format.js';
import {createStore, type Store} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import type {DiskUsage} from '../../source/core/types.js';
import {makeContainer} from '../unit/fixtures.js';
import {plain, tick, press} from '../helpers/ink-app.js';

// The Images, Networks and Volumes panes over a store filled by hand; the engine only records what it is asked.
type Call = {readonly method: 'removeImage' | 'removeNetwork' | 'removeVolume' | 'diskUsage'; readonly args: readonly unknown[]};

const MB = 1024 * 1024;
const sha = (char: string) => `sha256:${char.repeat(64)}`;

const images = mapImages([
	{Id: sha('a'), RepoTags: ['nginx:1.27'], Size: 190 * MB, Created: 1_717_000_000},
	{Id: sha('b'), RepoTags: ['postgres:16'], Size: 430 * MB, Created: 1_716_000_000},
	{Id: sha('d'), RepoTags: ['<none>:<none>'], Size: 5 * MB, Created: 1_715_000_000},
	{Id: sha('c'), RepoTags: ['alpine:3'], Size: 8 * MB, Created: 1_718_000_000},
]);

const networks = [
	mapNetwork({Id: 'a1'.repeat(32), Name: 'app-net', Driver: 'bridge', Scope: 'local', IPAM: {Config: [{Subnet: '172.20.0.0/16'}]}}),
	mapNetwork({Id: 'b1'.repeat(32), Name: 'bridge', Driver: 'bridge', Scope: 'local', IPAM: {Config: [{Subnet: '172.17.0.0/16'}]}}),
	mapNetwork({Id: 'c1'.repeat(32), Name: 'host', Driver: 'host', Scope: 'local'}),
	mapNetwork({Id: 'd1'.repeat(32), Name: 'none', Driver: 'null', Scope: 'local'}),
];

const volumes = [
	mapVolume({Name: 'db-vol', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/db-vol/_data'}, new Map([['db-vol', 300 * MB]])),
	mapVolume({Name: 'data-vol', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data-vol/_data', UsageData: {Size: 12 * MB, RefCount: 0}}),
];

const diskUsage: DiskUsage = mapDiskUsage({
	LayersSize: 560 * MB,
	Images: [
		{Size: 190 * MB, SharedSize: 70 * MB, Containers: 1},
		{Size: 430 * MB, SharedSize: 70 * MB, Containers: 0},
		{Size: 5 * MB, SharedSize: 0, Containers: 0},
		{Size: 8 * MB, SharedSize: 0, Containers: 0},
	],
	Containers: [{SizeRw: 2 * MB, State: 'running'}, {SizeRw: 3 * MB, State: 'exited'}],
	Volumes: [
		{Name: 'db-vol', UsageData: {Size: 300 * MB, RefCount: 1}},
		{Name: 'data-vol', UsageData: {Size: 12 * MB, RefCount: 0}},
	],
	BuildCache: [{Size: 64 * MB, InUse: false}],
});

function setup() {
	const calls: Call[] = [];
	const engine: Engine = stubEngine({
		async diskUsage() {
			calls.push({method: 'diskUsage', args: []});
			return {usage: diskUsage, volumeSizes: new Map([['db-vol', 300 * MB]])};
		},
		async removeImage(...args) {
			calls.push({method: 'removeImage', args});
		},
		async removeNetwork(...args) {
			calls.push({method: 'removeNetwork', args});
		},
		async removeVolume(...args) {
			calls.push({method: 'removeVolume', args});
		},
		imageHistory: async () => [],
		networkContainers: async () => [],
	});
	const store: Store = createStore(initialState({host: engine.host}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	store.dispatch({
		type: 'containers/loaded',
		containers: [
			makeContainer({id: 'id-web', name: 'web-1', imageId: sha('a'), networkIds: [networks[0]!.id, networks[1]!.id], volumeNames: ['db-vol']}),
			makeContainer({id: 'id-job', name: 'job-1', state: 'exited', imageId: sha('c'), networkIds: [networks[0]!.id]}),
		],
	});
	store.dispatch({type: 'images/loaded', images});
	store.dispatch({type: 'networks/loaded', networks});
	store.dispatch({type: 'volumes/loaded', volumes});
	store.dispatch({type: 'diskUsage/loaded', usage: diskUsage, volumeSizes: new Map([['db-vol', 300 * MB]])});
	const app = render(<App services={{store, engine, theme: {color: true}}}/>);
	return {app, store, calls};
}

/** The frame as the person reads it, without colour codes. */

/** The order in which the given names appear in the frame. */
const orderIn = (frame: string, names: readonly string[]) =>
	names.filter(name => frame.includes(name)).sort((a, b) => frame.indexOf(a) - frame.indexOf(b));

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

const tags = ['<none>:<none>', 'alpine:3', 'nginx:1.27', 'postgres:16'];

describe('<App> resource panes', () => {
	it('2 shows the images, the dangling one, states, users and the disk line', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		expect(plain(app)).not.toContain('disk:');
		await press(app, '2');
		expect(store.getState().ui.pane).toBe('images');
		const frame = plain(app);
		// Sorted by tag by default, and the title says so (issue 12 item 10).
		expect(frame).toMatch(/REPOSITORY:TAG \^\s+STATE\s+SIZE/);
		expect(frame).toMatch(/<none>:<none>\s+dangling\s+5\.0M/);
		expect(frame).toMatch(/nginx:1\.27\s+in use\s+190M\s+1\b/);
		// Used by a stopped container only: still in use.
		expect(frame).toMatch(/alpine:3\s+in use\s+8\.0M/);
		expect(frame).toMatch(/postgres:16\s+unused\s+430M\s+-/);
		expect(orderIn(frame, tags)).toEqual(tags);
		expect(frame).toContain(`disk: images ${formatBytes(diskUsage.images.size)} (${formatBytes(diskUsage.images.reclaimable)} reclaimable), containers ${formatBytes(diskUsage.containers.size)}`);
		// The first row is selected.
		expect(store.getState().ui.selectedId).toBe(sha('d'));
	});

	it('o changes the order of the rows at the first press', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		await press(app, '2');
		const before = orderIn(plain(app), tags);
		await press(app, 'o');
		expect(store.getState().ui.sort).toBeDefined();
		expect(orderIn(plain(app), tags)).not.toEqual(before);
	});

	it('o walks the columns (state next), O reverses, and the status line says so', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		await press(app, '2');
		// Until the first o lands on the column after the default one, press until sorted by state.
		for (let i = 0; i < 3 && store.getState().ui.sort?.column !== 'state'; i++) {
			// eslint-disable-next-line no-await-in-loop
			await press(app, 'o');
		}

		expect(store.getState().ui.sort).toEqual({column: 'state', descending: false});
		let frame = plain(app);
		// Dangling, then unused, then in use; ties by name, whichever the direction (issue 12 item 10).
		expect(orderIn(frame, tags)).toEqual(['<none>:<none>', 'postgres:16', 'alpine:3', 'nginx:1.27']);
		expect(frame).toMatch(/STATE \^/);
		expect(frame).toContain('sorted by state (O reverses)');
		await press(app, 'O');
		frame = plain(app);
		expect(orderIn(frame, tags)).toEqual(['alpine:3', 'nginx:1.27', 'postgres:16', '<none>:<none>']);
		expect(frame).toMatch(/STATE v/);
		expect(frame).toContain('sorted by state, descending');
	});

	it('D on the host network refuses with a line that says why, and asks nothing', async () => {
		const {app, store, calls} = setup();
		cleanup = app.unmount;
		await tick();
		await press(app, '3');
		let frame = plain(app);
		expect(orderIn(frame, ['app-net', 'bridge', 'host', 'none'])).toEqual(['app-net', 'bridge', 'host', 'none']);
		await press(app, 'j', 'j');
		expect(store.getState().ui.selectedId).toBe(networks[2]!.id);
		await press(app, 'D');
		frame = plain(app);
		expect(frame).toContain('host is one of the Engine\'s own networks (bridge, host, none): it cannot be removed');
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(store.getState().ui.status?.kind).toBe('error');
		expect(calls).toEqual([]);
	});

	it('D on a volume asks for its name: y then Enter removes nothing', async () => {
		const {app, store, calls} = setup();
		cleanup = app.unmount;
		await tick();
		await press(app, '4');
		expect(plain(app)).toMatch(/data-vol\s+local\s+12M\s+-/);
		expect(store.getState().ui.selectedId).toBe('data-vol');
		await press(app, 'D');
		let frame = plain(app);
		expect(frame).toContain('Remove volume data-vol? ITS DATA IS DELETED FOR GOOD.');
		expect(frame).toContain('type "data-vol" and press Enter to remove');
		await press(app, 'y', '\r');
		await tick(50);
		frame = plain(app);
		expect(calls.filter(c => c.method === 'removeVolume')).toEqual([]);
		expect(store.getState().ui.overlay).toMatchObject({kind: 'confirm', typed: 'y'});
		expect(frame).toContain('type "data-vol" exactly, then Enter (Esc cancels)');
		// Esc cancels, and still nothing was removed.
		await press(app, '\u001B');
		await tick(80);
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(calls.filter(c => c.method === 'removeVolume')).toEqual([]);
	});

	it('D on a volume, its name typed and Enter: removes exactly that volume', async () => {
		const {app, store, calls} = setup();
		cleanup = app.unmount;
		await tick();
		await press(app, '4', 'D', ...'data-vol', '\r');
		await tick(80);
		expect(calls.filter(c => c.method === 'removeVolume')).toEqual([{method: 'removeVolume', args: ['data-vol']}]);
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(plain(app)).toContain('removed 1 volume (data-vol)');
	});

	it('D on a used volume refuses and names who uses it', async () => {
		const {app, store, calls} = setup();
		cleanup = app.unmount;
		await tick();
		await press(app, '4', 'j', 'D');
		expect(store.getState().ui.selectedId).toBe('db-vol');
		expect(plain(app)).toContain('volume db-vol is in use by web-1: remove those containers first');
		expect(calls).toEqual([]);
	});
});
