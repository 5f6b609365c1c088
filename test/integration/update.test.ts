import {once} from 'node:events';
import {type AddressInfo, createServer} from 'node:net';
import type Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {createImageUpdates} from '../../source/docker/image-updates.js';
import {recreateContainer} from '../../source/docker/recreate.js';
import {checkForUpdate} from '../../source/docker/update-check.js';
import {type UpdateEvent, updateContainers} from '../../source/docker/update-containers.js';
import {engineHost} from '../helpers/engine-paths.js';
import {publishVariant, removeMadeImages, startRegistry, tagLocally} from '../helpers/registry.js';
import {docker, eventually, removeTestContainers, testLabel, uniquePrefix} from '../helpers/test-containers.js';

// Update = pull, then recreate with the same settings, against the private Engine and a loopback registry.
const p = uniquePrefix('upd');
const engine = createEngine(resolveConnection(engineHost, {}));
const env = {HOME: '/nonexistent', DOCKER_CONFIG: '/nonexistent', PATH: process.env['PATH'] ?? ''};
let registry: string;
const networks = [`${p}-front`, `${p}-back`];
const volume = `${p}-data`;

// Writes what /version says into both volumes on the first start only: later starts keep the data.
const command = ['sh', '-c', '[ -f /data/f ] || cat /version > /data/f; [ -f /anon/f ] || cat /version > /anon/f; trap "exit 0" TERM; while :; do sleep 1; done'];
const compose = {'com.docker.compose.project': `${p}-shop`, 'com.docker.compose.service': 'web', 'com.docker.compose.config-hash': 'abc'};

/** The image's own settings: the new image's defaults must win over the old image's. */
const imageConfig = (version: string) => ({Env: ['PATH=/bin', `FROM_IMAGE=${version}`], Volumes: {'/anon': {}}, Labels: {'image.version': version}});

async function read(name: string, file: string): Promise<string | undefined> {
	return (await engine.readFile(name, file, 100))?.toString('utf8').trim();
}

async function containersNamed(name: string): Promise<string[]> {
	const list = await docker.listContainers({all: true, filters: {label: [testLabel]}});
	return list.flatMap(c => c.Names.map(n => n.slice(1))).filter(n => n.startsWith(name)).sort();
}

/** A loopback port nobody listens on now. */
async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await once(server, 'listening');
	const {port} = server.address() as AddressInfo;
	server.close();
	return port;
}

async function makeWeb(name: string, reference: string, options: {network?: boolean; port?: number} = {}): Promise<Docker.Container> {
	const container = await docker.createContainer({
		name,
		Image: reference,
		Entrypoint: ['/bin/app'],
		Cmd: command,
		Env: ['OWN=1'],
		Labels: {[testLabel]: name, ...compose},
		WorkingDir: '/tmp',
		StopTimeout: 2,
		Healthcheck: {Test: ['CMD', 'true'], Interval: 1_000_000_000},
		Tty: true,
		OpenStdin: true,
		...(options.port ? {ExposedPorts: {'8080/tcp': {}}} : {}),
		HostConfig: {
			...(options.port ? {PortBindings: {'8080/tcp': [{HostIp: '127.0.0.1', HostPort: String(options.port)}]}} : {}),
			Binds: [`${volume}-${name}:/data`],
			RestartPolicy: {Name: 'unless-stopped'},
			Memory: 64 * 1024 * 1024,
			NetworkMode: options.network ? networks[0] : 'none',
		},
		...(options.network ? {NetworkingConfig: {EndpointsConfig: {[networks[0]!]: {Aliases: ['web-alias'], IPAMConfig: {IPv4Address: '10.231.0.10'}}}}} : {}),
	});
	if (options.network) {
		await docker.getNetwork(networks[1]!).connect({Container: container.id, EndpointConfig: {Aliases: ['back-alias']}});
	}

	await container.start();
	// Its first start writes both files: the tests compare them after the update.
	await eventually(async () => read(name, '/anon/f'), `${name} to write its volumes`);
	return container;
}

beforeAll(async () => {
	registry = startRegistry('plain');
	await docker.createNetwork({Name: networks[0]!, Labels: {[testLabel]: p}, IPAM: {Config: [{Subnet: '10.231.0.0/24'}]}});
	await docker.createNetwork({Name: networks[1]!, Labels: {[testLabel]: p}});
});

afterAll(async () => {
	// The volumes this file's containers use, the anonymous ones included (updates keep them all).
	const ours = (await docker.listContainers({all: true, filters: {label: [testLabel]}})).filter(c => c.Names.some(n => n.startsWith(`/${p}`)));
	const volumes = new Set(ours.flatMap(c => c.Mounts.filter(m => m.Type === 'volume' && m.Name).map(m => m.Name!)));
	await removeTestContainers(p);
	await Promise.all(networks.map(async n => docker.getNetwork(n).remove().catch(() => undefined)));
	await Promise.all([...volumes].map(async v => docker.getVolume(v).remove().catch(() => undefined)));
	await removeMadeImages();
});

describe('update a container', () => {
	it('recreates it on the newer image with its settings, labels, networks and both volumes\' data', async () => {
		const reference = `${registry}/${p}/web:1`;
		const name = `${p}-web`;
		const older = await publishVariant(reference, {version: 'one', config: imageConfig('one')});
		const newer = await publishVariant(reference, {version: 'two', config: imageConfig('two')});
		await tagLocally(older, reference);
		const old = await makeWeb(name, reference, {network: true, port: await freePort()});
		const before = await old.inspect();
		expect(await read(name, '/anon/f')).toBe('one');

		const check = await checkForUpdate(docker, name, {env});
		expect(check).toMatchObject({containerId: old.id, name, reference, oldImageId: older, newImageId: newer, changed: true, pull: {kind: 'pulled'}});

		const steps: string[] = [];
		const result = await recreateContainer(docker, name, {onStep: step => steps.push(`${step.step}${step.ok ? '' : ' failed'}`)});
		expect(result).toMatchObject({ok: true, name});
		expect(steps).toEqual(['create', 'connect', 'stop-old', 'rename-old', 'rename-new', 'start-new', 'remove-old']);
		expect(await containersNamed(name)).toEqual([name]);

		const after = await docker.getContainer(name).inspect();
		expect(after.Id).not.toBe(old.id);
		expect(after.Image).toBe(newer);
		expect(after.State.Running).toBe(true);
		expect(after.Config.Image).toBe(reference);
		expect(after.Config.Entrypoint).toEqual(['/bin/app']);
		expect(after.Config.Cmd).toEqual(command);
		expect(after.Config.WorkingDir).toBe('/tmp');
		expect(after.Config.Healthcheck).toEqual(before.Config.Healthcheck);
		// Its own variable kept, the image's default from the new image (not pinned to the old one's).
		expect(after.Config.Env).toEqual(expect.arrayContaining(['OWN=1', 'FROM_IMAGE=two']));
		expect(after.Config.Env).not.toContain('FROM_IMAGE=one');
		expect(after.Config.Labels).toEqual({...compose, [testLabel]: name, 'image.version': 'two'});
		expect(after.HostConfig.RestartPolicy).toEqual(before.HostConfig.RestartPolicy);
		expect(after.HostConfig.Memory).toBe(64 * 1024 * 1024);
		expect(after.HostConfig.Binds).toEqual(before.HostConfig.Binds);
		expect(after.HostConfig.PortBindings).toEqual(before.HostConfig.PortBindings);
		expect(after.NetworkSettings.Ports).toEqual(before.NetworkSettings.Ports);
		expect(after.Config.ExposedPorts).toEqual({'8080/tcp': {}});
		expect([after.Config.Tty, after.Config.OpenStdin]).toEqual([true, true]);
		const front = after.NetworkSettings.Networks[networks[0]!]!;
		expect(front.Aliases).toContain('web-alias');
		expect(front.IPAMConfig?.IPv4Address).toBe('10.231.0.10');
		expect(front.IPAddress).toBe('10.231.0.10');
		expect(after.NetworkSettings.Networks[networks[1]!]?.Aliases).toContain('back-alias');

		// The named volume and the image's anonymous volume are the same volumes, data and all.
		const anonymous = (m: {Destination: string}) => m.Destination === '/anon';
		expect(after.Mounts.find(anonymous)?.Name).toBe(before.Mounts.find(anonymous)?.Name);
		expect(await read(name, '/version')).toBe('two');
		expect(await read(name, '/data/f')).toBe('one');
		expect(await read(name, '/anon/f')).toBe('one');
	});

	it('says when the image did not change, and recreates anyway when asked', async () => {
		const reference = `${registry}/${p}/same:1`;
		const name = `${p}-same`;
		const id = await publishVariant(reference, {version: 'same', config: imageConfig('same')});
		const old = await makeWeb(name, reference);
		// Through the connection-bound form the panes use.
		const updates = createImageUpdates(resolveConnection(engineHost, {}));
		const check = await updates.check(name, {env});
		expect(check).toMatchObject({changed: false, oldImageId: id, newImageId: id, pull: {kind: 'up-to-date'}});
		const skipped = await updateContainers(docker, [name], {pull: {env}});
		expect(skipped[0]).toMatchObject({skipped: `${name} already runs the newest ${reference}`});
		expect((await docker.getContainer(name).inspect()).Id).toBe(old.id);

		const result = await updates.recreate(name);
		expect(result.ok).toBe(true);
		const after = await docker.getContainer(name).inspect();
		expect(after.Id).not.toBe(old.id);
		expect(after.State.Running).toBe(true);
		expect(await containersNamed(name)).toEqual([name]);
	});

	it('rolls back when the new image cannot start: the old one runs under its name, no copy is left', async () => {
		const reference = `${registry}/${p}/broken:1`;
		const name = `${p}-broken`;
		const older = await publishVariant(reference, {version: 'one', config: imageConfig('one')});
		// The new image lacks the entrypoint the container names.
		await publishVariant(reference, {version: 'two', script: 'rm /bin/app', config: imageConfig('two')});
		await tagLocally(older, reference);
		const old = await makeWeb(name, reference);
		const check = await checkForUpdate(docker, name, {env});
		expect(check.changed).toBe(true);

		const result = await recreateContainer(docker, name);
		expect(result).toMatchObject({ok: false, rolledBack: true});
		expect(result.ok === false && result.error).toMatch(/^start-new .* failed: .*\/bin\/app/);
		expect(result.steps.map(step => `${step.step}${step.ok ? '' : ' failed'}`)).toEqual([
			'create', 'stop-old', 'rename-old', 'rename-new', 'start-new failed', 'rollback-remove-new', 'rollback-rename-old', 'rollback-start-old',
		]);
		expect(await containersNamed(name)).toEqual([name]);
		const after = await docker.getContainer(name).inspect();
		expect(after.Id).toBe(old.id);
		expect(after.State.Running).toBe(true);
		expect(await read(name, '/data/f')).toBe('one');
	});

	it('leaves a container untouched when the copy cannot be made, and a stopped one stopped', async () => {
		const reference = `${registry}/${p}/idle:1`;
		const name = `${p}-idle`;
		await publishVariant(reference, {version: 'idle', config: imageConfig('idle')});
		const old = await makeWeb(name, reference);
		const failed = await recreateContainer(docker, name, {image: `${registry}/${p}/missing:1`});
		expect(failed).toMatchObject({ok: false, rolledBack: true, steps: [{step: 'create', ok: false}]});
		const same = await docker.getContainer(name).inspect();
		expect([same.Id, same.State.Running]).toEqual([old.id, true]);

		await old.stop();
		const result = await recreateContainer(docker, name);
		expect(result.ok && result.steps.map(step => step.step)).toEqual(['create', 'rename-old', 'rename-new', 'remove-old']);
		const after = await docker.getContainer(name).inspect();
		expect(after.Id).not.toBe(old.id);
		expect(after.State.Status).toBe('created');
		expect(await containersNamed(name)).toEqual([name]);
	});

	it('updates several containers one after another, reporting each step', async () => {
		const reference = `${registry}/${p}/many:1`;
		const older = await publishVariant(reference, {version: 'one', config: imageConfig('one')});
		const newer = await publishVariant(reference, {version: 'two', config: imageConfig('two')});
		await tagLocally(older, reference);
		const names = [`${p}-many-a`, `${p}-many-b`];
		for (const name of names) {
			// eslint-disable-next-line no-await-in-loop
			await makeWeb(name, reference);
		}

		const events: UpdateEvent[] = [];
		const outcomes = await updateContainers(docker, names, {pull: {env}, onEvent: event => events.push(event)});
		expect(outcomes.map(o => o.result?.ok)).toEqual([true, true]);
		// The second one's pull finds the image the first one pulled: it changes all the same.
		expect(outcomes.map(o => o.check.changed)).toEqual([true, true]);
		const order = events.map(event => (event.kind === 'step' ? event.step.step : event.kind));
		expect(order.filter(kind => kind === 'checked' || kind === 'recreated')).toEqual(['checked', 'recreated', 'checked', 'recreated']);
		for (const name of names) {
			// eslint-disable-next-line no-await-in-loop
			expect((await docker.getContainer(name).inspect()).Image).toBe(newer);
		}
	});
});
