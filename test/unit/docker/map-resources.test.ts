import {describe, expect, it} from 'vitest';
import {type ApiDiskUsage, type ApiImage, type ApiNetwork, type ApiVolume, mapDiskUsage, mapImages, mapNetwork, mapVolume} from '../../../source/docker/map-resources.js';

const id = (char: string) => `sha256:${char.repeat(64)}`;

describe('mapImages', () => {
	it('gives one row per tag, each knowing every tag of its image', () => {
		const rows = mapImages([{Id: id('a'), RepoTags: ['nginx:1.27', 'nginx:latest', 'registry.local/nginx:prod'], Size: 190_000_000, Created: 1_717_000_000}]);
		expect(rows).toEqual(['nginx:1.27', 'nginx:latest', 'registry.local/nginx:prod'].map(tag => ({
			rowId: `${id('a')}|${tag}`,
			id: id('a'),
			tag,
			tags: ['nginx:1.27', 'nginx:latest', 'registry.local/nginx:prod'],
			size: 190_000_000,
			created: 1_717_000_000,
			dangling: false,
		})));
	});

	it.each<[string, ApiImage['RepoTags']]>([
		['null', null],
		['missing', undefined],
		['empty', []],
		['only <none>:<none>', ['<none>:<none>']],
	])('an image whose RepoTags is %s is one dangling row', (_name, RepoTags) => {
		const raw: ApiImage = {Id: id('d'), Size: 5_000_000, Created: 1_700_000_000, ...(RepoTags === undefined ? {} : {RepoTags})};
		expect(mapImages([raw])).toEqual([{rowId: id('d'), id: id('d'), tag: '<none>:<none>', tags: [], size: 5_000_000, created: 1_700_000_000, dangling: true}]);
	});

	it('drops a <none>:<none> entry next to a real tag', () => {
		const rows = mapImages([{Id: id('b'), RepoTags: ['<none>:<none>', 'redis:7']}]);
		expect(rows.map(r => [r.rowId, r.tag, r.dangling])).toEqual([[`${id('b')}|redis:7`, 'redis:7', false]]);
		expect(rows[0]!.tags).toEqual(['redis:7']);
	});

	it('defaults size and created to 0 and keeps the order of the list and of the tags', () => {
		const rows = mapImages([{Id: id('c'), RepoTags: ['z:1', 'a:1']}, {Id: id('e')}]);
		expect(rows.map(r => r.rowId)).toEqual([`${id('c')}|z:1`, `${id('c')}|a:1`, id('e')]);
		expect(rows.every(r => r.size === 0 && r.created === 0)).toBe(true);
	});

	it('gives every row a unique rowId', () => {
		const rows = mapImages([
			{Id: id('a'), RepoTags: ['x:1', 'x:2']},
			{Id: id('b'), RepoTags: ['x:3']},
			{Id: id('c'), RepoTags: null},
			{Id: id('d'), RepoTags: []},
		]);
		expect(new Set(rows.map(r => r.rowId)).size).toBe(rows.length);
		expect(rows).toHaveLength(5);
	});

	it('maps an empty list to no rows', () => {
		expect(mapImages([])).toEqual([]);
	});
});

describe('mapNetwork', () => {
	it.each<[string, boolean]>([
		['bridge', true],
		['host', true],
		['none', true],
		['app-net', false],
		['Bridge', false],
		['my-bridge', false],
	])('%s builtin=%s', (name, builtin) => {
		expect(mapNetwork({Id: 'n1', Name: name}).builtin).toBe(builtin);
	});

	it.each<[string, ApiNetwork['IPAM'], string]>([
		['two subnets, joined', {Config: [{Subnet: '172.18.0.0/16'}, {Subnet: 'fd00:1::/64'}]}, '172.18.0.0/16, fd00:1::/64'],
		['entries without a subnet left out', {Config: [{}, {Subnet: '10.0.0.0/24'}, {Subnet: ''}]}, '10.0.0.0/24'],
		['null config', {Config: null}, ''],
		['no IPAM', undefined, ''],
	])('subnet: %s', (_name, IPAM, subnet) => {
		const raw: ApiNetwork = {Id: 'n1', Name: 'app', ...(IPAM === undefined ? {} : {IPAM})};
		expect(mapNetwork(raw).subnet).toBe(subnet);
	});

	it('maps the rest, with empty strings for what is missing', () => {
		expect(mapNetwork({Id: 'f00d', Name: 'app-net', Driver: 'bridge', Scope: 'local', IPAM: {Config: [{Subnet: '172.20.0.0/16'}]}}))
			.toEqual({id: 'f00d', name: 'app-net', driver: 'bridge', scope: 'local', subnet: '172.20.0.0/16', builtin: false});
		expect(mapNetwork({Id: 'x', Name: 'y'})).toEqual({id: 'x', name: 'y', driver: '', scope: '', subnet: '', builtin: false});
	});
});

describe('mapVolume', () => {
	const base: ApiVolume = {Name: 'data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', CreatedAt: '2024-05-01T10:00:00Z'};

	it.each<[string, ApiVolume['UsageData'], ReadonlyMap<string, number> | undefined, number | undefined]>([
		['no usage data, no map: unknown', undefined, undefined, undefined],
		['null usage data: unknown', null, undefined, undefined],
		['UsageData size', {Size: 4096, RefCount: 0}, undefined, 4096],
		['UsageData size 0 is a size', {Size: 0, RefCount: 0}, undefined, 0],
		['UsageData -1 means unknown', {Size: -1, RefCount: -1}, undefined, undefined],
		['the map wins over UsageData', {Size: 4096}, new Map([['data', 8192]]), 8192],
		['the map gives a size without UsageData', undefined, new Map([['data', 123]]), 123],
		['the map of other volumes is not used', {Size: -1}, new Map([['other', 999]]), undefined],
		['a map without it falls back to UsageData', {Size: 77}, new Map([['other', 999]]), 77],
		['a size of 0 in the map is kept', {Size: 50}, new Map([['data', 0]]), 0],
	])('%s', (_name, UsageData, sizes, size) => {
		const volume = mapVolume({...base, ...(UsageData === undefined ? {} : {UsageData})}, sizes);
		expect(volume.size).toBe(size);
		expect('size' in volume).toBe(size !== undefined);
	});

	it('maps name, driver, mountpoint and created', () => {
		expect(mapVolume(base)).toEqual({name: 'data', driver: 'local', mountpoint: '/var/lib/docker/volumes/data/_data', created: '2024-05-01T10:00:00Z'});
	});

	it('leaves created out when the Engine does not say, and defaults the rest to empty', () => {
		const volume = mapVolume({Name: 'v'});
		expect(volume).toEqual({name: 'v', driver: '', mountpoint: ''});
		expect('created' in volume).toBe(false);
	});
});

const MB = 1_000_000;

/**
 * Shaped like GET /system/df on Engine 27: nginx and postgres share an 80 MB base layer; nginx is used
 * by two containers, alpine by one, postgres and a dangling image by none.
 */
const df: ApiDiskUsage = {
	LayersSize: 598 * MB,
	Images: [
		{Size: 190 * MB, SharedSize: 80 * MB, Containers: 2},
		{Size: 430 * MB, SharedSize: 80 * MB, Containers: 0},
		{Size: 50 * MB, SharedSize: 0, Containers: 0},
		{Size: 8 * MB, SharedSize: 0, Containers: 1},
	],
	Containers: [
		{SizeRw: 2 * MB, State: 'running'},
		{SizeRw: 3 * MB, State: 'paused'},
		{SizeRw: 5 * MB, State: 'exited'},
		{SizeRw: 7 * MB, State: 'created'},
		{SizeRw: 11 * MB, State: 'dead'},
	],
	Volumes: [
		{Name: 'db-data', Driver: 'local', UsageData: {Size: 300 * MB, RefCount: 1}},
		{Name: 'old-cache', Driver: 'local', UsageData: {Size: 40 * MB, RefCount: 0}},
		{Name: 'remote', Driver: 'nfs', UsageData: {Size: -1, RefCount: -1}},
		{Name: 'empty', Driver: 'local', UsageData: {Size: 0, RefCount: 0}},
	],
	BuildCache: [
		{Size: 100 * MB, InUse: false},
		{Size: 20 * MB, InUse: true},
		{Size: 30 * MB},
	],
};

describe('mapDiskUsage', () => {
	it('totals and reclaimable of a realistic /system/df answer', () => {
		expect(mapDiskUsage(df)).toEqual({
			// Layers are counted once (LayersSize); unused images free what they do not share.
			images: {count: 4, size: 598 * MB, reclaimable: (430 - 80 + 50) * MB},
			// Running and paused containers are in use; the rest could go.
			containers: {count: 5, size: 28 * MB, reclaimable: (5 + 7 + 11) * MB},
			// -1 is "unknown": counted as nothing; a volume with RefCount 0 is reclaimable.
			volumes: {count: 4, size: 340 * MB, reclaimable: 40 * MB},
			buildCache: {count: 3, size: 150 * MB, reclaimable: 130 * MB},
		});
	});

	it('Podman\'s answer, LayersSize 0 with sized images, totals the images instead', () => {
		// As Podman 4.3 answers GET /system/df: no layer total, no shared sizes.
		const usage = mapDiskUsage({
			LayersSize: 0,
			Images: [{Size: 2_131_047, SharedSize: 0, Containers: 1}, {Size: 5_000_000, SharedSize: 0, Containers: 0}],
		});
		expect(usage.images).toEqual({count: 2, size: 7_131_047, reclaimable: 5_000_000});
	});

	it('an answer with nothing in it is all zeros', () => {
		const zero = {count: 0, size: 0, reclaimable: 0};
		const expected = {images: zero, containers: zero, volumes: zero, buildCache: zero};
		expect(mapDiskUsage({})).toEqual(expected);
		expect(mapDiskUsage({LayersSize: 0, Images: null, Containers: null, Volumes: null, BuildCache: null})).toEqual(expected);
	});

	it.each<[string, ApiDiskUsage, number]>([
		['an image with no Containers field counts as unused', {Images: [{Size: 10, SharedSize: 4}]}, 6],
		['an image used by a container frees nothing', {Images: [{Size: 10, SharedSize: 4, Containers: 1}]}, 0],
		['never negative', {Images: [{Size: 10, SharedSize: 40, Containers: 0}]}, 0],
	])('image reclaimable: %s', (_name, raw, reclaimable) => {
		expect(mapDiskUsage(raw).images.reclaimable).toBe(reclaimable);
	});

	it.each<[string, number]>([
		['running', 0],
		['paused', 0],
		// The Engine counts a restarting container as running (docker system df calls it active, and
		// docker container prune leaves it): its layer cannot be reclaimed.
		['restarting', 0],
		['exited', 9],
		['created', 9],
		['dead', 9],
	])('container reclaimable when %s', (State, reclaimable) => {
		expect(mapDiskUsage({Containers: [{SizeRw: 9, State}]}).containers).toEqual({count: 1, size: 9, reclaimable});
	});

	it.each<[string, ApiVolume, number, number]>([
		['in use', {Name: 'a', UsageData: {Size: 5, RefCount: 2}}, 5, 0],
		['unused', {Name: 'a', UsageData: {Size: 5, RefCount: 0}}, 5, 5],
		['no usage data', {Name: 'a'}, 0, 0],
		['unknown size', {Name: 'a', UsageData: {Size: -1, RefCount: 0}}, 0, 0],
	])('volume %s', (_name, volume, size, reclaimable) => {
		expect(mapDiskUsage({Volumes: [volume]}).volumes).toEqual({count: 1, size, reclaimable});
	});
});
