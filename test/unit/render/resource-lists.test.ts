import {describe, expect, it} from 'vitest';
import {formatBytes} from '../../../source/render/format.js';
import {imageList, networkList, type Usage, usageOf, usesNetwork, volumeList} from '../../../source/render/resource-lists.js';
import type {Image, Network, Volume} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001F\u007F-\u009F]/;
const evil = 'evil\u001B]0;x\u0007name';

const nginxId = `sha256:${'a'.repeat(64)}`;
const danglingId = `sha256:${'d'.repeat(64)}`;
const pgId = `sha256:${'b'.repeat(64)}`;
const hoursAgo = (hours: number) => Math.floor(Date.now() / 1000) - (hours * 3600);

const image = (overrides: Partial<Image> & {readonly id: string; readonly tag: string}): Image => ({
	rowId: overrides.tag === '<none>:<none>' ? overrides.id : `${overrides.id}|${overrides.tag}`,
	tags: overrides.tag === '<none>:<none>' ? [] : [overrides.tag],
	size: 1000,
	created: hoursAgo(2),
	dangling: overrides.tag === '<none>:<none>',
	...overrides,
});

const nginx = image({id: nginxId, tag: 'nginx:1.27', size: 190 * 1024 * 1024});
const dangling = image({id: danglingId, tag: '<none>:<none>', size: 5 * 1024 * 1024});
const pg = image({id: pgId, tag: 'postgres:16', size: 430 * 1024 * 1024, created: hoursAgo(30)});

const network = (overrides: Partial<Network> & {readonly id: string; readonly name: string}): Network => ({
	driver: 'bridge', scope: 'local', subnet: '', builtin: false, ...overrides,
});

const appNet = network({id: 'net-app-0123456789abcdef', name: 'app-net', subnet: '172.20.0.0/16'});
const bridge = network({id: 'net-bridge-0123456789abcdef', name: 'bridge', builtin: true, subnet: '172.17.0.0/16'});
const idle = network({id: 'net-idle-0123456789abcdef', name: 'idle', driver: 'overlay', scope: 'swarm'});

const volume = (overrides: Partial<Volume> & {readonly name: string}): Volume => ({
	driver: 'local', mountpoint: `/var/lib/docker/volumes/${overrides.name}/_data`, ...overrides,
});

const dbData = volume({name: 'db-data', size: 300 * 1024 * 1024});
const unknown = volume({name: 'remote', driver: 'nfs'});
const empty = volume({name: 'empty', size: 0});

const usage: Usage = usageOf([
	makeContainer({id: 'c1', imageId: nginxId, networkIds: [appNet.id, bridge.id], volumeNames: ['db-data']}),
	makeContainer({id: 'c2', imageId: nginxId, networkIds: [appNet.id], volumeNames: ['db-data', 'logs']}),
	makeContainer({id: 'c3', state: 'exited', imageId: pgId, networkIds: [bridge.id]}),
	makeContainer({id: 'c4'}),
]);

describe('usageOf', () => {
	it.each<[string, keyof Usage, string, number | undefined]>([
		['image used by two', 'byImage', nginxId, 2],
		['image used by a stopped container', 'byImage', pgId, 1],
		['unused image', 'byImage', danglingId, undefined],
		['network used by two', 'byNetwork', appNet.id, 2],
		['bridge used by two', 'byNetwork', bridge.id, 2],
		['unused network', 'byNetwork', idle.id, undefined],
		['volume used by two', 'byVolume', 'db-data', 2],
		['volume used by one', 'byVolume', 'logs', 1],
		['unused volume', 'byVolume', 'remote', undefined],
	])('%s', (_name, map, key, count) => {
		expect(usage[map].get(key)).toBe(count);
	});

	it('counts only what containers name; a container without the fields adds nothing', () => {
		expect(usage.byImage.size).toBe(2);
		expect(usage.byNetwork.size).toBe(2);
		expect(usage.byVolume.size).toBe(2);
		expect(usageOf([makeContainer({id: 'x'})])).toEqual({byImage: new Map(), byNetwork: new Map(), byVolume: new Map()});
		expect(usageOf([])).toEqual({byImage: new Map(), byNetwork: new Map(), byVolume: new Map()});
	});
});

// Issue 12 item 5: a network "in use by 7" in the list and "Attached containers (6)" in inspect.
// A created container's network entry has no id yet: it counts by the network's name.
describe('usageOf and usesNetwork: every container set to use a network, whatever its state', () => {
	const created = makeContainer({id: 'c5', state: 'created', networkIds: [], networkNames: ['app-net']});
	const stopped = makeContainer({id: 'c6', state: 'exited', networkIds: [appNet.id], networkNames: ['app-net']});

	it('counts a created container by name when the networks are known', () => {
		expect(usageOf([created, stopped], [appNet, bridge]).byNetwork.get(appNet.id)).toBe(2);
		expect(usageOf([created, stopped]).byNetwork.get(appNet.id)).toBe(1);
	});

	it('counts a container once when both its id and its name say so', () => {
		expect(usageOf([stopped], [appNet]).byNetwork.get(appNet.id)).toBe(1);
	});

	it.each([[created, true], [stopped, true], [makeContainer({id: 'c7', networkNames: ['idle']}), false]])('usesNetwork %#', (container, expected) => {
		expect(usesNetwork(container, appNet)).toBe(expected);
	});
});

describe('imageList', () => {
	it.each<[string, Image, {text: string; tone?: string}, string]>([
		['dangling', dangling, {text: 'dangling', tone: 'warn'}, '-'],
		['in use', nginx, {text: 'in use', tone: 'good'}, '2'],
		['in use by a stopped container', pg, {text: 'in use', tone: 'good'}, '1'],
		['unused', image({id: `sha256:${'e'.repeat(64)}`, tag: 'redis:7'}), {text: 'unused', tone: 'dim'}, '-'],
	])('state and users of an image %s', (_name, item, state, used) => {
		const cells = imageList.cells(item, usage);
		expect(cells.state).toEqual(state);
		expect(cells.used).toEqual({text: used});
	});

	it('a dangling image stays dangling even when a container uses it', () => {
		const used = usageOf([makeContainer({id: 'c', imageId: danglingId})]);
		expect(imageList.cells(dangling, used).state).toEqual({text: 'dangling', tone: 'warn'});
		expect(imageList.cells(dangling, used).used?.text).toBe('1');
	});

	it('cells: tag, size, age and short id', () => {
		const cells = imageList.cells(nginx, usage);
		expect(cells.tag).toEqual({text: 'nginx:1.27'});
		expect(cells.size).toEqual({text: '190M'});
		expect(cells.created).toEqual({text: '2h'});
		expect(cells.id).toEqual({text: 'a'.repeat(12), tone: 'dim'});
		expect(imageList.cells(pg, usage).created?.text).toBe('1d');
		expect(imageList.cells(dangling, usage).tag).toEqual({text: '<none>:<none>', tone: 'warn'});
	});

	it('every cell matches a column, and every column has a cell', () => {
		expect(Object.keys(imageList.cells(nginx, usage)).sort()).toEqual(imageList.columns.map(c => c.id).sort());
	});

	it('key is the rowId; label is the tag, or the short id for a dangling image', () => {
		expect(imageList.key(nginx)).toBe(`${nginxId}|nginx:1.27`);
		expect(imageList.key(dangling)).toBe(danglingId);
		expect(imageList.label(nginx)).toBe('nginx:1.27');
		expect(imageList.label(dangling)).toBe('d'.repeat(12));
	});

	it.each<[string, Image, string | number]>([
		['size', nginx, 190 * 1024 * 1024],
		['used', nginx, 2],
		['used', dangling, 0],
		['created', pg, pg.created],
		['state', dangling, 0],
		['state', image({id: 'sha256:ff', tag: 'x:1'}), 1],
		['state', nginx, 2],
		['id', nginx, nginxId],
		['tag', nginx, 'nginx:1.27'],
		['no-such-column', nginx, 'nginx:1.27'],
	])('sortValue %s', (column, item, value) => {
		expect(imageList.sortValue(item, column, usage)).toBe(value);
	});

	it('searches tag and id, lower-cased', () => {
		const upper = image({id: 'sha256:ABC123', tag: 'Registry.Local/App:V2'});
		expect(imageList.search(upper)).toBe('registry.local/app:v2 sha256:abc123');
	});

	it('sanitises the tag and the label', () => {
		const bad = image({id: 'sha256:0123', tag: evil});
		expect(imageList.cells(bad, usage).tag?.text).toBe('evilname');
		expect(imageList.label(bad)).toBe('evilname');
	});
});

describe('networkList', () => {
	it.each<[string, Network, {text: string; tone?: string}, {text: string; tone?: string}]>([
		['in use', appNet, {text: 'app-net'}, {text: '2', tone: 'good'}],
		['builtin, dimmed', bridge, {text: 'bridge', tone: 'dim'}, {text: '2', tone: 'good'}],
		['unused', idle, {text: 'idle'}, {text: '-'}],
	])('name and users of a network %s', (_name, item, name, used) => {
		const cells = networkList.cells(item, usage);
		expect(cells.name).toEqual(name);
		expect(cells.used).toEqual(used);
	});

	it('cells: driver, scope, subnet and short id', () => {
		expect(networkList.cells(idle, usage)).toMatchObject({driver: {text: 'overlay'}, scope: {text: 'swarm'}, subnet: {text: ''}, id: {text: 'net-idle-012', tone: 'dim'}});
		expect(networkList.cells(appNet, usage).subnet).toEqual({text: '172.20.0.0/16'});
		expect(Object.keys(networkList.cells(idle, usage)).sort()).toEqual(networkList.columns.map(c => c.id).sort());
	});

	it.each<[string, Network, string | number]>([
		['used', appNet, 2],
		['used', idle, 0],
		['driver', idle, 'overlay'],
		['scope', idle, 'swarm'],
		['subnet', appNet, '172.20.0.0/16'],
		['id', idle, idle.id],
		['name', idle, 'idle'],
	])('sortValue %s', (column, item, value) => {
		expect(networkList.sortValue(item, column, usage)).toBe(value);
	});

	it('key is the id, label the name; search covers name, driver, subnet and id', () => {
		expect(networkList.key(appNet)).toBe(appNet.id);
		expect(networkList.label(appNet)).toBe('app-net');
		const search = networkList.search(network({id: 'ID-X', name: 'Front', driver: 'MacVlan', subnet: '10.0.0.0/8'}));
		expect(search).toBe('front macvlan 10.0.0.0/8 id-x');
	});

	it('sanitises every text cell and the label', () => {
		const bad = network({id: 'n', name: evil, driver: `d${evil}`, scope: `s${evil}`, subnet: `10.0.0.0/8${evil}`});
		const cells = networkList.cells(bad, usage);
		for (const cell of Object.values(cells)) {
			expect(cell.text).not.toMatch(controlChars);
		}

		expect(cells.name?.text).toBe('evilname');
		expect(networkList.label(bad)).toBe('evilname');
	});
});

describe('volumeList', () => {
	it.each<[string, Volume, string, {text: string; tone?: string}]>([
		['with a size, in use', dbData, '300M', {text: '2', tone: 'good'}],
		['size unknown, unused', unknown, '-', {text: '-'}],
		['size zero', empty, formatBytes(0), {text: '-'}],
	])('size and users of a volume %s', (_name, item, size, used) => {
		const cells = volumeList.cells(item, usage);
		expect(cells.size).toEqual({text: size});
		expect(cells.used).toEqual(used);
	});

	it('cells: name, driver, dimmed mountpoint', () => {
		expect(volumeList.cells(dbData, usage)).toMatchObject({name: {text: 'db-data'}, driver: {text: 'local'}, mountpoint: {text: '/var/lib/docker/volumes/db-data/_data', tone: 'dim'}});
		expect(Object.keys(volumeList.cells(dbData, usage)).sort()).toEqual(volumeList.columns.map(c => c.id).sort());
	});

	it.each<[string, Volume, string | number]>([
		['size', dbData, 300 * 1024 * 1024],
		['size', empty, 0],
		['size', unknown, -1],
		['used', dbData, 2],
		['used', unknown, 0],
		['driver', unknown, 'nfs'],
		['mountpoint', empty, '/var/lib/docker/volumes/empty/_data'],
		['name', empty, 'empty'],
	])('sortValue %s', (column, item, value) => {
		expect(volumeList.sortValue(item, column, usage)).toBe(value);
	});

	it('key and label are the name; search covers name and driver', () => {
		expect(volumeList.key(dbData)).toBe('db-data');
		expect(volumeList.label(dbData)).toBe('db-data');
		expect(volumeList.search(volume({name: 'My-Data', driver: 'NFS'}))).toBe('my-data nfs');
	});

	it('sanitises every text cell and the label', () => {
		const bad = volume({name: evil, driver: `x${evil}`, mountpoint: `/m/${evil}`});
		for (const cell of Object.values(volumeList.cells(bad, usage))) {
			expect(cell.text).not.toMatch(controlChars);
		}

		expect(volumeList.cells(bad, usage).name?.text).toBe('evilname');
		expect(volumeList.label(bad)).toBe('evilname');
	});
});
