import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {SwarmService, SwarmTask} from '../../source/core/swarm.js';
import {workerNotice} from '../../source/docker/swarm.js';
import type {EngineEvent} from '../../source/core/types.js';
import {eventually, uniquePrefix} from '../helpers/test-containers.js';
import {createTestService, removeTestServices, restartManager, startSwarm, stopSwarm, swarmOn} from '../helpers/swarm.js';

// The Swarm half of the Engine layer against a real three-node swarm (test/engine/swarm.sh): one
// manager and two workers, each its own dockerd on this machine. No mocks.
const p = uniquePrefix('sw');
const swarm = swarmOn(0);
const converge = 45_000;

beforeAll(() => {
	startSwarm();
});

afterAll(async () => {
	await removeTestServices(p);
	stopSwarm();
});

const service = async (name: string): Promise<SwarmService | undefined> => (await swarm.services()).find(row => row.name === name);
const replicas = async (name: string, text: string) => eventually(async () => {
	const row = await service(name);
	return row && `${row.running}/${row.desired}` === text && row;
}, `${name} at ${text}`, converge);
const live = (tasks: readonly SwarmTask[]) => tasks.filter(task => task.desiredState === 'running');

describe('swarm roles and nodes', () => {
	it('the manager is a manager; a worker says which manager to use', async () => {
		expect(await swarm.role()).toMatchObject({kind: 'manager'});
		const role = await swarmOn(1).role();
		expect(role.kind).toBe('worker');
		expect(workerNotice(role as Extract<typeof role, {kind: 'worker'}>)).toMatch(/^this node is a worker; use manager 127\.0\.0\.1:\d+$/);
	});

	it('lists the manager as Leader and two workers Ready and Active', async () => {
		const nodes = await eventually(async () => {
			const list = await swarm.nodes();
			return list.length === 3 && list.every(node => node.status === 'ready') && list;
		}, 'three nodes ready', converge);
		expect(nodes.map(node => [node.hostname, node.role, node.availability, node.status, node.managerStatus])).toEqual([
			['tsdtop-manager', 'manager', 'active', 'ready', 'Leader'],
			['tsdtop-worker1', 'worker', 'active', 'ready', undefined],
			['tsdtop-worker2', 'worker', 'active', 'ready', undefined],
		]);
		expect(nodes[0]!.engineVersion).toMatch(/^\d+\.\d+/);
	});
});

describe('services', () => {
	it('lists a service 2/2, scales it to 3/3 and back down to 1/1', async () => {
		const name = `${p}-web`;
		const id = await createTestService({name, replicas: 2, publish: 28_111});
		const row = await replicas(name, '2/2');
		expect(row).toMatchObject({id, mode: 'replicated', image: 'tsdtop-test/busybox:latest', ports: [{published: 28_111, target: 80, protocol: 'tcp', mode: 'host'}]});
		expect(row.created).toBeGreaterThan(0);

		await swarm.scale(id, 3);
		await replicas(name, '3/3');
		await swarm.scale(name, 1);
		await replicas(name, '1/1');
		const tasks = await swarm.tasks(id);
		expect(live(tasks).map(task => task.slot)).toEqual([1]);
		expect(tasks.every(task => task.service === name && ['tsdtop-manager', 'tsdtop-worker1', 'tsdtop-worker2'].includes(task.node))).toBe(true);
	});

	it('refuses to scale a global service', async () => {
		const name = `${p}-glob`;
		const id = await createTestService({name, global: true});
		await replicas(name, '3/3');
		await expect(swarm.scale(id, 5)).rejects.toThrow(/not a replicated service/);
	});

	it('a forced rolling restart replaces every task', async () => {
		const name = `${p}-restart`;
		const id = await createTestService({name, replicas: 2});
		await replicas(name, '2/2');
		const before = live(await swarm.tasks(id)).map(task => task.id);
		await swarm.restart(id);
		const inspect = await swarm.inspectService(id) as {Spec: {TaskTemplate: {ForceUpdate: number}}};
		expect(inspect.Spec.TaskTemplate.ForceUpdate).toBe(1);
		await eventually(async () => {
			const now = live(await swarm.tasks(id)).filter(task => task.state === 'running');
			return now.length === 2 && now.every(task => !before.includes(task.id));
		}, 'two new running tasks', converge);
	});

	it('keeps the failed tasks of a service that keeps failing, with their error', async () => {
		const name = `${p}-fail`;
		const id = await createTestService({name, replicas: 1, cmd: ['sh', '-c', 'exit 3']});
		const failed = await eventually(async () => {
			const tasks = (await swarm.tasks(id)).filter(task => task.state === 'failed');
			return tasks.length >= 2 && tasks;
		}, 'two failed tasks', converge);
		expect(failed[0]).toMatchObject({slot: 1, desiredState: 'shutdown', error: 'task: non-zero exit (3)', exitCode: 3});
		expect((await service(name))?.running).toBe(0);
	});

	it('a removed service disappears', async () => {
		const name = `${p}-gone`;
		const id = await createTestService({name, replicas: 1});
		await replicas(name, '1/1');
		await swarm.removeService(id);
		await eventually(async () => (await service(name)) === undefined, `${name} gone`, converge);
	});

	it('merges the logs of all tasks, each line tagged by task and node', async () => {
		const name = `${p}-logs`;
		const id = await createTestService({name, replicas: 2});
		await replicas(name, '2/2');
		const controller = new AbortController();
		const seen = new Set<string>();
		try {
			for await (const batch of swarm.logs(id, {tail: 10, color: false, signal: controller.signal})) {
				for (const line of batch) {
					expect(line.text).toMatch(/^up [\da-f]{12}$/);
					expect(line.time).toMatch(/^\d{4}-/);
					expect(line.node).toMatch(/^tsdtop-(manager|worker[12])$/);
					seen.add(line.task);
				}

				if (seen.size === 2) {
					break;
				}
			}
		} finally {
			controller.abort();
		}

		expect([...seen].sort()).toEqual([`${name}.1`, `${name}.2`]);
	});

	it('sends service events for a create, an update and a remove', async () => {
		const name = `${p}-events`;
		const controller = new AbortController();
		const events: EngineEvent[] = [];
		const reading = (async () => {
			try {
				for await (const event of swarm.events(controller.signal)) {
					events.push(event);
				}
			} catch {}
		})();
		// The stream is open once an event of ours arrives: create services until one does.
		const id = await eventually(async () => {
			const made = await createTestService({name: `${name}-${events.length}-${Date.now() % 1000}`});
			return await eventually(async () => events.some(event => event.id === made) && made, 'its create event', 5000).catch(() => undefined);
		}, 'a create event', converge);
		await swarm.scale(id, 2);
		await swarm.removeService(id);
		await eventually(async () => events.some(event => event.id === id && event.action === 'remove'), 'the remove event', converge);
		controller.abort();
		await reading;
		expect(events.filter(event => event.id === id).map(event => [event.type, event.action])).toEqual([['service', 'create'], ['service', 'update'], ['service', 'remove']]);
	});
});

describe('nodes', () => {
	it('a drained worker hands its tasks over; activated, it takes tasks again', async () => {
		const name = `${p}-drain`;
		const id = await createTestService({name, replicas: 3});
		await replicas(name, '3/3');
		const worker = (await swarm.nodes()).find(node => node.hostname === 'tsdtop-worker1')!;
		const moving = await eventually(async () => {
			const tasks = (await swarm.nodeTasks(worker.id)).filter(task => task.serviceId === id);
			return tasks.length > 0 && tasks;
		}, 'a task on worker1', converge);
		expect(moving[0]!.service).toBe(name);
		expect(moving[0]!.node).toBe('tsdtop-worker1');

		await swarm.setAvailability(worker.id, 'drain');
		try {
			await eventually(async () => {
				const tasks = live(await swarm.tasks(id));
				const row = await service(name);
				return row?.running === 3 && tasks.length === 3 && tasks.every(task => task.nodeId !== worker.id);
			}, 'three tasks off worker1', converge);
			expect((await swarm.nodes()).find(node => node.id === worker.id)).toMatchObject({availability: 'drain', runningTasks: 0});
		} finally {
			await swarm.setAvailability(worker.id, 'active');
		}

		expect((await swarm.nodes()).find(node => node.id === worker.id)?.availability).toBe('active');
		const inspect = await swarm.inspectNode(worker.id) as {Spec: {Availability: string}; Description: {Hostname: string}};
		expect(inspect.Spec.Availability).toBe('active');
		expect(inspect.Description.Hostname).toBe('tsdtop-worker1');
	});
});

// Last: the other tests need not wait for the manager to come back.
describe('the manager restarted', () => {
	it('answers again with the same services, and leads its workers again', async () => {
		const name = `${p}-survive`;
		await createTestService({name, replicas: 2});
		await replicas(name, '2/2');
		// A global service's desired count follows its tasks, which a restart reschedules: compare the specs.
		const spec = (rows: readonly SwarmService[]) => rows.map(row => [row.id, row.name, row.mode, row.mode === 'global' ? 'all nodes' : row.desired]);
		const before = spec(await swarm.services());
		restartManager();
		// The API answers before the raft store is loaded: wait for the role, then for the lists.
		await eventually(async () => (await swarm.role().catch(() => undefined))?.kind === 'manager', 'the manager back', converge);
		const after = await eventually(async () => {
			const list = await swarm.services().catch(() => undefined);
			return list?.some(row => row.name === name) && list;
		}, 'the services listed again', converge);
		expect(spec(after)).toEqual(before);
		// Until the workers report back, a list may fail ("the swarm does not have a leader"): ask again.
		await eventually(async () => {
			const row = (await swarm.services().catch(() => [])).find(row => row.name === name);
			return row?.running === 2 && row.desired === 2;
		}, `${name} at 2/2 again`, converge);
		await eventually(async () => {
			const nodes = await swarm.nodes().catch(() => []);
			return nodes[0]?.managerStatus === 'Leader' && nodes.length === 3 && nodes.every(node => node.status === 'ready');
		}, 'the Leader and two Ready workers', converge);
	});
});
