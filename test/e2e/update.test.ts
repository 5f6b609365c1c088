import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {publishVariant, removeMadeImages, startRegistry, tagLocally} from '../helpers/registry.js';
import {docker, eventually, removeTestContainers, testLabel, uniquePrefix} from '../helpers/test-containers.js';
import {engineHost} from '../helpers/engine-paths.js';
import {Terminal} from '../helpers/tmux.js';

// Issue 16 items 3 and 4 in a real terminal: P pulls on the Images pane, U updates a container,
// against the private Engine and a loopback registry that holds a newer image under the same tag.
const p = uniquePrefix('pu');
const engine = createEngine(resolveConnection(engineHost, {}));
const volume = `${p}-data`;
const compose = {'com.docker.compose.project': `${p}-shop`, 'com.docker.compose.service': 'web'};
// The first start writes the image's version into the volume; later starts keep what is there.
const command = ['sh', '-c', '[ -f /data/f ] || cat /version > /data/f; trap "exit 0" TERM; while :; do sleep 1; done'];
let registry: string;
let term: Terminal;
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

async function makeContainer(name: string, reference: string): Promise<string> {
	const container = await docker.createContainer({
		name, Image: reference, Cmd: command, StopTimeout: 2,
		Labels: {[testLabel]: name, ...compose},
		HostConfig: {NetworkMode: 'none', Binds: [`${volume}-${name}:/data`]},
	});
	await container.start();
	await eventually(async () => (await engine.readFile(name, '/data/f', 100))?.toString().trim(), `${name} to write its volume`);
	return container.id;
}

async function containersNamed(name: string): Promise<Array<{id: string; image: string}>> {
	const list = await docker.listContainers({all: true, filters: {label: [testLabel]}});
	return list.filter(c => c.Names.some(n => n.slice(1).startsWith(name))).map(c => ({id: c.Id, image: c.ImageID}));
}

beforeAll(async () => {
	registry = startRegistry('plain');
}, 120_000);

afterAll(async () => {
	term?.close();
	const ours = (await docker.listContainers({all: true, filters: {label: [testLabel]}})).filter(c => c.Names.some(n => n.startsWith(`/${p}`)));
	const volumes = new Set(ours.flatMap(c => c.Mounts.filter(m => m.Type === 'volume' && m.Name).map(m => m.Name!)));
	await removeTestContainers(p);
	await Promise.all([...volumes].map(async v => docker.getVolume(v).remove().catch(() => undefined)));
	await removeMadeImages();
});

describe('U updates a container on its newer image', () => {
	it('U then y leaves one container of that name on the new image, labels and volume data kept, the old one gone', async () => {
		const reference = `${registry}/${p}/web:1`;
		const name = `${p}-web`;
		const older = await publishVariant(reference, {version: 'one'});
		const newer = await publishVariant(reference, {version: 'two'});
		await tagLocally(older, reference);
		const oldId = await makeContainer(name, reference);
		// Tall enough that each pane's help fits one page: the read-only test reads what is missing there.
		term = new Terminal({rows: 60});
		await term.filterTo(name);
		await term.select(name);
		term.press('U');
		await term.waitFor('Update 1 container to its newer image?', 30_000);
		const dialog = term.screen();
		expect(dialog).toContain(`${short(older)} -> ${short(newer)}`);
		expect(dialog).toContain(name);
		term.press('y');
		await term.waitFor(`updated ${name} (${short(older)} -> ${short(newer)})`, 30_000);
		const after = await eventually(async () => {
			const found = await containersNamed(name);
			return found.length === 1 && found[0]!.id !== oldId ? found : undefined;
		}, 'one container of that name, not the old one');
		expect(after[0]!.image).toBe(newer);
		const inspect = await docker.getContainer(name).inspect();
		expect(inspect.State.Running).toBe(true);
		expect(inspect.Config.Labels).toMatchObject({...compose, [testLabel]: name});
		expect(inspect.Mounts.find(m => m.Destination === '/data')?.Name).toBe(`${volume}-${name}`);
		// The volume's data is the first start's: written by the old image, kept through the update.
		expect((await engine.readFile(name, '/data/f', 100))?.toString().trim()).toBe('one');
		expect((await engine.readFile(name, '/version', 100))?.toString().trim()).toBe('two');
		await expect(docker.getContainer(oldId).inspect()).rejects.toMatchObject({statusCode: 404});
		// The list follows the Engine's events: the row is the new container, running.
		await term.waitFor(new RegExp(`${name}\\s+running`));
	});

	it('U on an unchanged image asks "recreate anyway?", and n leaves it untouched', async () => {
		const reference = `${registry}/${p}/same:1`;
		const name = `${p}-same`;
		await publishVariant(reference, {version: 'same'});
		const id = await makeContainer(name, reference);
		term.press('Escape');
		await term.filterTo(name);
		await term.select(name);
		// Without --read-only the help names U (the read-only test checks it is gone there).
		term.press('?');
		expect(await term.waitFor('Keys')).toContain('update: pull its image');
		term.press('Escape');
		term.press('U');
		const screen = await term.waitFor('recreate anyway?', 30_000);
		expect(screen).toContain('unchanged');
		term.press('n');
		await term.waitFor(s => !s.includes('recreate anyway?'));
		// A marker after the answer: a key whose answer is drawn (the help), then the Engine is read.
		term.press('?');
		await term.waitFor('Keys');
		term.press('Escape');
		expect(await containersNamed(name)).toEqual([{id, image: expect.any(String) as string}]);
		expect((await docker.getContainer(name).inspect()).State.Running).toBe(true);
	});
});

describe('P pulls on the Images pane', () => {
	it('pulls a newer image under the selected tag: the status says pulled old -> new', async () => {
		const reference = `${registry}/${p}/app:1`;
		const older = await publishVariant(reference, {version: 'a1'});
		const newer = await publishVariant(reference, {version: 'a2'});
		await tagLocally(older, reference);
		term.press('Escape', '2');
		await term.filterTo(`${p}/app`);
		await term.select(`${p}/app`);
		term.press('?');
		expect(await term.waitFor('Keys')).toContain('pull: type a reference');
		term.press('Escape');
		term.press('P');
		await term.waitFor(`pull: ${reference}`);
		term.press('Enter');
		await term.waitFor(`pulled ${reference} (${short(older)} -> ${short(newer)})`, 30_000);
		expect((await docker.getImage(reference).inspect()).Id).toBe(newer);
	});

	it('a pull of an unknown tag ends in one error line', async () => {
		term.press('P');
		await term.waitFor('pull: ');
		term.press('C-u');
		term.type(`${registry}/${p}/app:nope`);
		term.press('Enter');
		const screen = await term.waitFor('no such image or tag', 30_000);
		expect(screen.split('\n').filter(line => line.includes('no such image or tag'))).toHaveLength(1);
	});
});

describe('--read-only', () => {
	it('P and U do nothing and are not in the help', async () => {
		const name = `${p}-web`;
		const before = await containersNamed(name);
		term.close();
		term = new Terminal({args: ['--read-only'], rows: 60});
		await term.filterTo(name);
		await term.select(name);
		term.press('?');
		let help = await term.waitFor('Keys');
		expect(help).not.toContain('update: pull its image');
		term.press('Escape');
		term.press('U');
		await term.waitFor('read-only');
		expect(term.screen()).not.toContain('checking');
		term.press('2');
		await term.waitFor('disk:');
		term.press('?');
		help = await term.waitFor('Keys');
		expect(help).not.toContain('pull: type a reference');
		term.press('Escape', 'P');
		await term.waitFor('read-only');
		expect(term.screen()).not.toContain('pull: ');
		expect(await containersNamed(name)).toEqual(before);
	});
});
