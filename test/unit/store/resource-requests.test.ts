import {describe, expect, it} from 'vitest';
import {cleanupRequest, removeRequest, type Request} from '../../../source/actions/resource-requests.js';
import {type AppState, type ConfirmRequest, initialState} from '../../../source/store/state.js';
import type {Container, Image, Network, PaneId, Volume} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

const MB = 1024 * 1024;
const sha = (char: string) => `sha256:${char.repeat(64)}`;

function img(id: string, tag: string, size: number, tags: readonly string[] = tag === '<none>:<none>' ? [] : [tag]): Image {
	const dangling = tags.length === 0;
	return {rowId: dangling ? id : `${id}|${tag}`, id, tag, tags, size, created: 1_700_000_000, dangling};
}

// nginx has two tags and is used by a running and a stopped container; postgres is unused with two tags;
// two dangling images, one of them still used by a container; redis is unused.
const nginxTags = ['nginx:1.27', 'nginx:latest'];
const pgTags = ['postgres:16', 'postgres:latest'];
const images: readonly Image[] = [
	img(sha('a'), 'nginx:1.27', 190 * MB, nginxTags),
	img(sha('a'), 'nginx:latest', 190 * MB, nginxTags),
	img(sha('b'), 'postgres:16', 430 * MB, pgTags),
	img(sha('b'), 'postgres:latest', 430 * MB, pgTags),
	img(sha('c'), 'redis:7', 40 * MB),
	img(sha('d'), '<none>:<none>', 5 * MB),
	img(sha('e'), '<none>:<none>', 7 * MB),
	img(sha('f'), 'alpine:3', 8 * MB),
];

const networks: readonly Network[] = [
	{id: 'net-bridge', name: 'bridge', driver: 'bridge', scope: 'local', subnet: '172.17.0.0/16', builtin: true},
	{id: 'net-host', name: 'host', driver: 'host', scope: 'local', subnet: '', builtin: true},
	{id: 'net-none', name: 'none', driver: 'null', scope: 'local', subnet: '', builtin: true},
	{id: 'net-app', name: 'app-net', driver: 'bridge', scope: 'local', subnet: '172.20.0.0/16', builtin: false},
	{id: 'net-idle', name: 'idle-net', driver: 'bridge', scope: 'local', subnet: '', builtin: false},
	{id: 'net-old', name: 'old-net', driver: 'overlay', scope: 'swarm', subnet: '', builtin: false},
];

const volumes: readonly Volume[] = [
	{name: 'db-data', driver: 'local', mountpoint: '/v/db', size: 300 * MB},
	{name: 'cache', driver: 'local', mountpoint: '/v/cache', size: 12 * MB},
	{name: 'remote', driver: 'nfs', mountpoint: '/v/remote'},
];

const containers: readonly Container[] = [
	makeContainer({id: 'c-web', name: 'web', imageId: sha('a'), networkIds: ['net-app', 'net-bridge'], volumeNames: ['db-data']}),
	makeContainer({id: 'c-job', name: 'job', state: 'exited', imageId: sha('a'), networkIds: ['net-app'], volumeNames: ['db-data']}),
	makeContainer({id: 'c-old', name: 'old', state: 'exited', imageId: sha('e'), networkIds: ['net-bridge']}),
	makeContainer({id: 'c-alp', name: 'alp', state: 'created', imageId: sha('f'), networkIds: ['net-host']}),
];

function stateOn(pane: PaneId, ui: {selectedId?: string; marks?: readonly string[]; filter?: string} = {}, lists: Partial<Pick<AppState, 'images' | 'networks' | 'volumes' | 'containers'>> = {}): AppState {
	const base = initialState({host: 'unix:///var/run/docker.sock'});
	return {
		...base,
		containers,
		images,
		networks,
		volumes,
		...lists,
		ui: {
			...base.ui,
			pane,
			...(ui.selectedId === undefined ? {} : {selectedId: ui.selectedId}),
			marks: new Set(ui.marks ?? []),
			filter: {open: false, text: ui.filter ?? '', cursor: 0},
		},
	};
}

function request(answer: Request): ConfirmRequest {
	if ('refusal' in answer) {
		throw new Error(`expected a request, got the refusal: ${answer.refusal}`);
	}

	return answer.request;
}

function refusal(answer: Request): string {
	if (!('refusal' in answer)) {
		throw new Error(`expected a refusal, got a request for ${answer.request.action}`);
	}

	return answer.refusal;
}

const targetIds = (answer: Request | ConfirmRequest) => ('targets' in answer ? answer : request(answer)).targets.map(t => t.id);

describe('removeRequest: images', () => {
	it('a tag of a multi-tag image is untagged: reference is that tag', () => {
		const answer = request(removeRequest(stateOn('images', {selectedId: `${sha('b')}|postgres:latest`}), 'images'));
		expect(answer).toEqual({
			action: 'image-remove',
			targets: [{id: sha('b'), name: 'postgres:latest', detail: '430M', bytes: 430 * MB, reference: 'postgres:latest'}],
			users: [],
		});
	});

	it('an image with one tag is removed by id: no reference', () => {
		const answer = request(removeRequest(stateOn('images', {selectedId: `${sha('c')}|redis:7`}), 'images'));
		expect(answer.targets).toEqual([{id: sha('c'), name: 'redis:7', detail: '40M', bytes: 40 * MB}]);
		expect(answer.targets[0]).not.toHaveProperty('reference');
		expect(answer.users).toEqual([]);
	});

	it('a dangling image is named by its short id', () => {
		const answer = request(removeRequest(stateOn('images', {selectedId: sha('d')}), 'images'));
		expect(answer.targets).toEqual([{id: sha('d'), name: 'd'.repeat(12), detail: '5.0M', bytes: 5 * MB}]);
	});

	it('an image used by containers carries them as users, with their states', () => {
		const answer = request(removeRequest(stateOn('images', {selectedId: `${sha('a')}|nginx:1.27`}), 'images'));
		expect(answer.users).toEqual([
			{id: 'c-web', name: 'web', state: 'running'},
			{id: 'c-job', name: 'job', state: 'exited'},
		]);
		// Still an untag: the image keeps nginx:latest.
		expect(answer.targets[0]?.reference).toBe('nginx:1.27');
	});

	it('a dangling image used by a stopped container names it', () => {
		expect(request(removeRequest(stateOn('images', {selectedId: sha('e')}), 'images')).users).toEqual([{id: 'c-old', name: 'old', state: 'exited'}]);
	});

	it('marks take precedence over the selection', () => {
		const answer = request(removeRequest(stateOn('images', {selectedId: `${sha('c')}|redis:7`, marks: [sha('d')]}), 'images'));
		expect(targetIds(answer)).toEqual([sha('d')]);
	});

	it('with nothing selected or marked, refuses', () => {
		expect(refusal(removeRequest(stateOn('images'), 'images'))).toBe('nothing to remove: no image selected');
		expect(refusal(removeRequest(stateOn('images', {selectedId: 'gone'}), 'images'))).toBe('nothing to remove: no image selected');
	});

	it('a selection hidden by the filter is not removed', () => {
		expect(refusal(removeRequest(stateOn('images', {selectedId: `${sha('c')}|redis:7`, filter: 'postgres'}), 'images'))).toMatch(/^nothing to remove/);
	});
});

describe('removeRequest: networks', () => {
	it.each(['bridge', 'host', 'none'])('refuses the builtin network %s, naming it', name => {
		const network = networks.find(n => n.name === name)!;
		const text = refusal(removeRequest(stateOn('networks', {selectedId: network.id}), 'networks'));
		expect(text).toContain(name);
		expect(text).toContain('cannot be removed');
	});

	it('refuses a builtin network even when no container uses it', () => {
		expect(refusal(removeRequest(stateOn('networks', {selectedId: 'net-none'}), 'networks'))).toMatch(/^none is one of the Engine's own networks/);
	});

	it('refuses a network in use, naming it and the count', () => {
		expect(refusal(removeRequest(stateOn('networks', {selectedId: 'net-app'}), 'networks')))
			.toBe('network app-net is in use by 2 containers (1 running): disconnect or remove them first');
		const one = [makeContainer({id: 'x', networkIds: ['net-idle']})];
		expect(refusal(removeRequest(stateOn('networks', {selectedId: 'net-idle'}, {containers: one}), 'networks')))
			.toBe('network idle-net is in use by 1 container (1 running): disconnect or remove them first');
	});

	it('an unused network is a plain remove with its driver', () => {
		expect(request(removeRequest(stateOn('networks', {selectedId: 'net-old'}), 'networks')))
			.toEqual({action: 'network-remove', targets: [{id: 'net-old', name: 'old-net', detail: 'overlay'}]});
	});

	it('marks take precedence over the selection', () => {
		expect(targetIds(removeRequest(stateOn('networks', {selectedId: 'net-host', marks: ['net-idle']}), 'networks'))).toEqual(['net-idle']);
	});
});

describe('removeRequest: several marked', () => {
	it('D on marked networks lists every one of them, titled as marked, not as a cleanup', () => {
		const answer = request(removeRequest(stateOn('networks', {marks: ['net-idle', 'net-old']}), 'networks'));
		expect(answer).toMatchObject({action: 'network-prune', marked: true});
		expect(targetIds(answer)).toEqual(['net-idle', 'net-old']);
	});

	it('refuses by name when a marked one is in use or the Engine\'s own', () => {
		expect(refusal(removeRequest(stateOn('networks', {marks: ['net-idle', 'net-host']}), 'networks'))).toMatch(/^cannot remove the marked networks: host is in use or the Engine's own/);
	});

	it('marked volumes need a word typed; marked images of one id go once', () => {
		const volumesAnswer = request(removeRequest(stateOn('volumes', {marks: volumes.filter(v => v.name !== 'db-data').map(v => v.name).slice(0, 2)}), 'volumes'));
		expect(volumesAnswer).toMatchObject({action: 'volume-prune', marked: true, typeToConfirm: 'remove'});
		const imagesAnswer = request(removeRequest(stateOn('images', {marks: [`${sha('b')}|postgres:16`, `${sha('b')}|postgres:latest`, `${sha('c')}|redis:7`]}), 'images'));
		expect(targetIds(imagesAnswer)).toEqual([sha('b'), sha('c')]);
	});
});

describe('removeRequest: volumes', () => {
	it('refuses a volume in use, naming the containers', () => {
		const text = refusal(removeRequest(stateOn('volumes', {selectedId: 'db-data'}), 'volumes'));
		expect(text).toBe('volume db-data is in use by web, job: remove those containers first');
	});

	it.each<[string, string]>([
		['cache', '12M'],
		['remote', 'size unknown'],
	])('an unused volume %s asks for its name to be typed', (name, detail) => {
		expect(request(removeRequest(stateOn('volumes', {selectedId: name}), 'volumes')))
			.toEqual({action: 'volume-remove', targets: [{id: name, name, detail}], typeToConfirm: name});
	});

	it('marks take precedence over the selection', () => {
		expect(request(removeRequest(stateOn('volumes', {selectedId: 'db-data', marks: ['remote']}), 'volumes')).typeToConfirm).toBe('remote');
	});

	it('with nothing selected, refuses', () => {
		expect(refusal(removeRequest(stateOn('volumes'), 'volumes'))).toBe('nothing to remove: no volume selected');
	});
});

describe('cleanupRequest: images', () => {
	it('lists the dangling images no container uses, and no other', () => {
		const answer = request(cleanupRequest(stateOn('images'), 'images'));
		expect(answer.action).toBe('image-prune');
		expect(answer.targets).toEqual([{id: sha('d'), name: 'd'.repeat(12), detail: '5.0M', bytes: 5 * MB}]);
		expect(answer).not.toHaveProperty('filter');
	});

	it('allUnusedImages lists every unused image once (one target per image, not per tag)', () => {
		const answer = request(cleanupRequest(stateOn('images'), 'images', true));
		expect(answer.action).toBe('image-prune-all');
		// In screen order (by tag): the dangling one, then postgres once, then redis.
		expect(answer.targets.map(t => t.id)).toEqual([sha('d'), sha('b'), sha('c')]);
		expect(new Set(answer.targets.map(t => t.id)).size).toBe(answer.targets.length);
		for (const used of [sha('a'), sha('e'), sha('f')]) {
			expect(answer.targets.map(t => t.id)).not.toContain(used);
		}
	});

	it('goes straight to all unused when there is no unused dangling image', () => {
		const noDangling = images.filter(i => i.id !== sha('d'));
		const answer = request(cleanupRequest(stateOn('images', {}, {images: noDangling}), 'images'));
		expect(answer.action).toBe('image-prune-all');
		expect(answer.targets.map(t => t.name)).toEqual(['postgres:16', 'redis:7']);
	});

	it('respects the filter and says so', () => {
		const answer = request(cleanupRequest(stateOn('images', {filter: '  Postgres '}), 'images'));
		expect(answer).toEqual({action: 'image-prune-all', targets: [{id: sha('b'), name: 'postgres:16', detail: '430M', bytes: 430 * MB}], filter: 'Postgres'});
	});

	it('ignores marks and the selection: cleanup is about what is unused', () => {
		const answer = request(cleanupRequest(stateOn('images', {selectedId: `${sha('c')}|redis:7`, marks: [`${sha('c')}|redis:7`]}), 'images'));
		expect(targetIds(answer)).toEqual([sha('d')]);
	});

	it.each<[string, Partial<AppState>, string, string]>([
		['every image is used', {images: images.filter(i => [sha('a'), sha('e'), sha('f')].includes(i.id))}, '', 'nothing to clean up: no unused images'],
		['no image at all', {images: []}, '', 'nothing to clean up: no unused images'],
		['nothing unused matches the filter', {}, 'nginx', 'nothing to clean up: no unused images match "nginx"'],
	])('refuses when %s', (_name, lists, filterText, text) => {
		expect(refusal(cleanupRequest(stateOn('images', {filter: filterText}, lists), 'images'))).toBe(text);
		expect(refusal(cleanupRequest(stateOn('images', {filter: filterText}, lists), 'images', true))).toBe(text);
	});
});

describe('cleanupRequest: networks', () => {
	it('lists unused networks, never a builtin or a used one', () => {
		const answer = request(cleanupRequest(stateOn('networks'), 'networks'));
		expect(answer).toEqual({
			action: 'network-prune',
			targets: [
				{id: 'net-idle', name: 'idle-net', detail: 'bridge'},
				{id: 'net-old', name: 'old-net', detail: 'overlay'},
			],
		});
	});

	it('respects the filter', () => {
		expect(request(cleanupRequest(stateOn('networks', {filter: 'OLD'}), 'networks'))).toMatchObject({targets: [{id: 'net-old'}], filter: 'OLD'});
	});

	it.each<[string, string, string]>([
		['only builtin and used networks match', 'BRIDGE', 'nothing to clean up: no unused networks match "BRIDGE"'],
		['the filter matches only a builtin network', 'host', 'nothing to clean up: no unused networks match "host"'],
	])('refuses when %s', (_name, filterText, text) => {
		// Without idle-net, "bridge" matches only the builtin bridge and app-net (in use).
		const lists = {networks: networks.filter(n => n.id !== 'net-idle')};
		expect(refusal(cleanupRequest(stateOn('networks', {filter: filterText}, lists), 'networks'))).toBe(text);
	});

	it('refuses with no filter when nothing is unused', () => {
		expect(refusal(cleanupRequest(stateOn('networks', {}, {networks: networks.filter(n => n.builtin || n.id === 'net-app')}), 'networks')))
			.toBe('nothing to clean up: no unused networks');
	});
});

describe('cleanupRequest: volumes', () => {
	it('lists unused volumes with their sizes and asks for "prune" to be typed', () => {
		expect(request(cleanupRequest(stateOn('volumes'), 'volumes'))).toEqual({
			action: 'volume-prune',
			targets: [
				{id: 'cache', name: 'cache', detail: '12M'},
				{id: 'remote', name: 'remote', detail: 'size unknown'},
			],
			typeToConfirm: 'prune',
		});
	});

	it('never lists a volume in use, even when the filter names it', () => {
		expect(refusal(cleanupRequest(stateOn('volumes', {filter: 'db-data'}), 'volumes'))).toBe('nothing to clean up: no unused volumes match "db-data"');
	});

	it('respects the filter', () => {
		expect(request(cleanupRequest(stateOn('volumes', {filter: 'nfs'}), 'volumes'))).toMatchObject({targets: [{id: 'remote'}], filter: 'nfs', typeToConfirm: 'prune'});
	});

	it('refuses when every volume is used', () => {
		expect(refusal(cleanupRequest(stateOn('volumes', {}, {volumes: volumes.filter(v => v.name === 'db-data')}), 'volumes'))).toBe('nothing to clean up: no unused volumes');
	});

	it('target names never include anything used: checked against every container', () => {
		const answer = request(cleanupRequest(stateOn('volumes'), 'volumes'));
		const used = new Set(containers.flatMap(c => c.volumeNames ?? []));
		expect(answer.targets.map(t => t.name).filter(name => used.has(name))).toEqual([]);
		expect(answer.targets).toHaveLength(2);
	});
});
