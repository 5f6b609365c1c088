import {execFileSync} from 'node:child_process';
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {idleCommand, testLabel} from '../helpers/test-containers.js';
import {engineDir} from '../helpers/engine-paths.js';
import {Terminal} from '../helpers/tmux.js';

// Images, Networks and Volumes against an Engine of this file's own: cleanup prunes everything
// unused, which on the shared Engine would reach other tests' objects.
const dir = `${engineDir}-res`;
const engine = (command: 'start' | 'stop') => {
	execFileSync('bash', ['test/engine/engine.sh', command], {env: {...process.env, TSDTOP_ENGINE_DIR: dir}, stdio: 'ignore', timeout: 110_000});
};

const docker = new Docker({socketPath: `${dir}/docker.sock`});
const base = 'tsdtop-test/busybox:latest';
let term: Terminal;

async function run(name: string, extra: Partial<Docker.ContainerCreateOptions> = {}) {
	const container = await docker.createContainer({name, Image: base, Cmd: idleCommand, Labels: {[testLabel]: name}, HostConfig: {NetworkMode: 'none'}, ...extra});
	await container.start();
	return container;
}

async function imageExists(reference: string) {
	return docker.getImage(reference).inspect().then(() => true, () => false);
}

async function commit(container: Docker.Container, repo: string, tag: string, comment: string) {
	return container.commit({repo, tag, comment}) as Promise<{Id: string}>;
}

let danglingId = '';

beforeAll(async () => {
	engine('start');
	// A clean slate in this Engine: only what this file makes.
	for (const c of await docker.listContainers({all: true})) {
		await docker.getContainer(c.Id).remove({force: true});
	}

	for (const n of await docker.listNetworks()) {
		if (!['bridge', 'host', 'none'].includes(n.Name)) {
			await docker.getNetwork(n.Id).remove();
		}
	}

	for (const v of (await docker.listVolumes()).Volumes ?? []) {
		await docker.getVolume(v.Name).remove();
	}

	for (const image of await docker.listImages()) {
		if (!(image.RepoTags ?? []).includes(base)) {
			await docker.getImage(image.Id).remove({force: true});
		}
	}

	const user = await run('res-user');
	await docker.getImage(base).tag({repo: 'res-keep', tag: '1'});
	danglingId = (await commit(user, 'res-dangle', 'v1', 'first')).Id;
	await commit(user, 'res-dangle', 'v1', 'second');
	await commit(user, 'res-unused', '1', 'unused');
	await docker.createNetwork({Name: 'res-net-free', Labels: {[testLabel]: 'res'}});
	await docker.createNetwork({Name: 'res-net-spare', Labels: {[testLabel]: 'res'}});
	const used = await docker.createNetwork({Name: 'res-net-used', Labels: {[testLabel]: 'res'}});
	await run('res-netuser', {HostConfig: {NetworkMode: 'res-net-used'}});
	void used;
	await docker.createVolume({Name: 'res-vol-free', Labels: {[testLabel]: 'res'}});
	await docker.createVolume({Name: 'res-vol-spare', Labels: {[testLabel]: 'res'}});
	await docker.createVolume({Name: 'res-vol-used', Labels: {[testLabel]: 'res'}});
	await run('res-voluser', {HostConfig: {NetworkMode: 'none', Binds: ['res-vol-used:/data']}});
	term = new Terminal({env: {DOCKER_HOST: `unix://${dir}/docker.sock`}, columns: 140});
	await term.waitFor('res-user');
});

afterAll(async () => {
	term?.close();
	engine('stop');
});

describe('Images', () => {
	it('lists every tag, marks dangling and unused images, and counts users', async () => {
		term.press('2');
		const screen = await term.waitFor('res-unused:1');
		expect(screen).toMatch(/<none>:<none>\s+dangling/);
		expect(screen).toMatch(/res-keep:1\s+in use\s+\S+\s+3/);
		expect(screen).toMatch(/res-unused:1\s+unused/);
		// system df answers on its own time, after the list.
		await term.waitFor(/disk: images \S+ \(\S+ reclaimable\)/);
	});

	it('o sorts by the next column and O reverses', async () => {
		// The list starts sorted by tag; the first o moves on to the state column.
		term.press('o');
		await term.waitFor('sorted by state');
		let lines = term.screen().split('\n');
		const at = (text: string) => lines.findIndex(l => l.includes(text));
		expect(at('<none>:<none>')).toBeLessThan(at('res-unused:1'));
		expect(at('res-unused:1')).toBeLessThan(at('tsdtop-test/busybox:latest'));
		term.press('O');
		await term.waitFor('descending');
		lines = term.screen().split('\n');
		expect(at('tsdtop-test/busybox:latest')).toBeLessThan(at('res-unused:1'));
		expect(at('res-unused:1')).toBeLessThan(at('<none>:<none>'));
	});

	it('D on one tag of an image with several removes only that tag', async () => {
		await term.filterTo('res-keep');
		term.press('D');
		await term.waitFor('Remove the tag res-keep:1?');
		term.press('y');
		await term.waitFor('removed 1 image (res-keep:1)');
		expect(await imageExists('res-keep:1')).toBe(false);
		expect(await imageExists(base)).toBe(true);
		await term.escape(s => !s.includes('filter: res-keep'));
	});

	it('an image used by a running container is not removed: the dialog says why and offers nothing', async () => {
		await term.filterTo('tsdtop-test');
		term.press('D');
		const screen = await term.waitFor('used by running containers');
		expect(screen).toContain('res-user (running)');
		expect(screen).not.toContain('[y]');
		expect(screen).not.toContain('[f]');
		term.press('y', 'f', 'Enter');
		await term.waitFor(s => !s.includes('used by running containers'));
		expect(await imageExists(base)).toBe(true);
		await term.escape(s => !s.includes('filter: tsdtop-test'));
	});

	it('C lists exactly the dangling images and removes only those, reporting the space freed', async () => {
		await term.waitFor('res-unused:1');
		term.press('C');
		const screen = await term.waitFor('Clean up: remove 1 dangling image?');
		expect(screen).toContain(danglingId.replace('sha256:', '').slice(0, 12));
		term.press('y');
		await term.waitFor(/removed 1 image \(\w{12}\), freed \S+/);
		expect(await imageExists(danglingId)).toBe(false);
		expect(await imageExists('res-unused:1')).toBe(true);
		expect(await imageExists('res-dangle:v1')).toBe(true);
	});

	it('C then u lists every unused image instead, and leaves the ones in use', async () => {
		// Its own images: a tag no container uses, and a dangling one (the tag moved on to a new commit).
		const user = docker.getContainer('res-user');
		await commit(user, 'res-spare', 'v1', 'first');
		await commit(user, 'res-spare', 'v1', 'second');
		// Whatever else is unused in this Engine is listed too: the Engine says which those are.
		const used = new Set((await docker.listContainers({all: true})).map(c => c.ImageID));
		const unused = (await docker.listImages()).filter(image => !used.has(image.Id));
		await term.waitFor(s => s.includes('res-spare:v1') && s.includes('<none>:<none>'));
		term.press('C');
		await term.waitFor('dangling image');
		term.press('u');
		const screen = await term.waitFor('unused images?');
		expect(screen).toContain(`Clean up: remove ${unused.length} unused images?`);
		expect(screen).toContain('res-spare:v1');
		expect(screen).not.toContain('tsdtop-test/busybox:latest  (');
		term.press('y');
		await term.waitFor(`removed ${unused.length} images`);
		expect(await imageExists('res-spare:v1')).toBe(false);
		for (const image of unused) {
			// eslint-disable-next-line no-await-in-loop
			expect(await imageExists(image.Id)).toBe(false);
		}

		expect(await imageExists(base)).toBe(true);
	});

	it('i shows the layer history', async () => {
		await term.filterTo('tsdtop-test');
		term.press('i');
		const screen = await term.waitFor('Layers (newest first):');
		expect(screen).toContain('Image tsdtop-test/busybox:latest');
		expect(screen).toContain('res-user (running)');
		await term.escape(s => !s.includes('Layers (newest first):'));
		await term.escape(s => !s.includes('filter: '));
	});
});

describe('Networks', () => {
	it('lists networks with their users; refuses the Engine\'s own and those in use; D removes a free one', async () => {
		term.press('3');
		let screen = await term.waitFor('res-net-free');
		expect(screen).toMatch(/res-net-used\s+bridge\s+1/);
		await term.filterTo('host');
		term.press('D');
		await term.waitFor('one of the Engine\'s own networks');
		await term.escape(s => !s.includes('one of the Engine\'s own networks'));
		await term.filterTo('res-net-used');
		term.press('D');
		await term.waitFor('network res-net-used is in use by 1 container');
		await term.escape(s => !s.includes('is in use by'));
		await term.filterTo('res-net-free');
		term.press('D');
		await term.waitFor('Remove network res-net-free?');
		term.press('y');
		await term.waitFor('removed 1 network (res-net-free)');
		await expect(docker.getNetwork('res-net-free').inspect()).rejects.toMatchObject({statusCode: 404});
		screen = await term.escape('res-net-spare');
		expect(screen).not.toContain('res-net-free');
	});

	it('i lists the containers on it, as many as the list counts, with their addresses', async () => {
		await term.filterTo('res-net-used');
		term.press('i');
		const screen = await term.waitFor('Containers (1, 1 running):');
		expect(screen).toMatch(/res-netuser \(running\)\s+\d+\.\d+\.\d+\.\d+/);
		await term.escape(s => !s.includes('Containers (1, 1 running):'));
		await term.escape(s => !s.includes('filter: '));
	});

	it('C removes the unused networks it lists, never the Engine\'s own or those in use', async () => {
		term.press('C');
		const screen = await term.waitFor('Clean up: remove 1 unused network?');
		expect(screen).toContain('res-net-spare');
		term.press('y');
		await term.waitFor('removed 1 network (res-net-spare)');
		const names = (await docker.listNetworks()).map(n => n.Name).sort();
		// No bridge here: the private Engine runs with --bridge=none.
		expect(names).toEqual(['host', 'none', 'res-net-used']);
	});
});

describe('Volumes', () => {
	it('D on a volume needs its name typed: a single key removes nothing', async () => {
		term.press('4');
		await term.waitFor('res-vol-free');
		await term.filterTo('res-vol-free');
		term.press('D');
		await term.waitFor('Remove volume res-vol-free? ITS DATA IS DELETED FOR GOOD.');
		term.press('y');
		term.press('Enter');
		await term.waitFor('type "res-vol-free" exactly');
		expect(await docker.getVolume('res-vol-free').inspect()).toMatchObject({Name: 'res-vol-free'});
		term.press('BSpace');
		term.type('res-vol-free');
		term.press('Enter');
		await term.waitFor('removed 1 volume (res-vol-free)');
		await expect(docker.getVolume('res-vol-free').inspect()).rejects.toMatchObject({statusCode: 404});
		await term.escape(s => !s.includes('filter: res-vol-free'));
	});

	it('refuses a volume in use, and C prunes the unused ones after "prune" is typed', async () => {
		await term.filterTo('res-vol-used');
		term.press('D');
		await term.waitFor('volume res-vol-used is in use by res-voluser');
		await term.escape(s => !s.includes('is in use by'));
		term.press('C');
		const screen = await term.waitFor('Clean up: remove 1 unused volume?');
		expect(screen).toContain('res-vol-spare');
		await term.escape(s => !s.includes('Clean up'));
		expect(await docker.getVolume('res-vol-spare').inspect()).toMatchObject({Name: 'res-vol-spare'});
		term.press('C');
		await term.waitFor('Clean up: remove 1 unused volume?');
		term.type('prune');
		term.press('Enter');
		await term.waitFor('removed 1 volume (res-vol-spare)');
		const names = ((await docker.listVolumes()).Volumes ?? []).map(v => v.Name);
		expect(names).toEqual(['res-vol-used']);
	});
});
