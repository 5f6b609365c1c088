import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestService, manager, removeTestServices, startSwarm, swarmHosts} from '../helpers/swarm.js';
import {eventually, uniquePrefix} from '../helpers/test-containers.js';
import {terminalPool} from '../helpers/tmux.js';

// Issue 17, the UI: the Services and Nodes panes in a real terminal against the manager of the
// three-node test swarm (test/engine/swarm.sh), a worker's socket, and the plain test Engine.
const p = uniquePrefix('swui');
const converge = 45_000;
const terminals = terminalPool();
const onManager = () => terminals.open({env: {DOCKER_HOST: swarmHosts[0]!}, columns: 140, rows: 30});

const availability = async (hostname: string) => {
	const nodes = await manager().listNodes();
	return nodes.find(node => node.Description?.Hostname === hostname)?.Spec?.Availability;
};

beforeAll(() => {
	startSwarm();
}, 120_000);

afterEach(() => {
	terminals.closeAll();
});

afterAll(async () => {
	// A failed run must not leave a worker drained for the next file.
	const worker = (await manager().listNodes()).find(node => node.Description?.Hostname === 'tsdtop-worker1');
	if (worker?.Spec?.Availability === 'drain') {
		await manager().getNode(worker.ID).update({version: worker.Version?.Index, ...worker.Spec, Availability: 'active'});
	}

	await removeTestServices(p);
});

describe('Swarm on a manager', () => {
	it('pane 6 lists a service as 2/2; = 3 Enter scales it to 3/3; l merges its tasks\' logs', async () => {
		const name = `${p}-web`;
		await createTestService({name, replicas: 2});
		const term = onManager();
		await term.waitFor(/ 6 (Services )?/);
		term.press('6');
		await term.filterTo(name);
		await term.waitFor(new RegExp(`${name}\\s+replicated\\s+2/2`), converge);
		term.press('=');
		await term.waitFor(`replicas of ${name}: 2`);
		term.press('BSpace');
		term.type('3');
		term.press('Enter');
		await term.waitFor(new RegExp(`${name}\\s+replicated\\s+3/3`), converge);
		const spec = await manager().getService(name).inspect() as {Spec: {Mode: {Replicated: {Replicas: number}}}};
		expect(spec.Spec.Mode.Replicated.Replicas).toBe(3);

		term.press('l');
		await term.waitFor(new RegExp(`Logs: service ${name}[\\s\\S]*${name}\\.\\d \\| up `), converge);
		await term.escape(s => !s.includes('Logs: service'));
		expect(term.screen()).toMatch(new RegExp(`${name}\\s+replicated\\s+3/3`));
	});

	it('pane 7 shows the manager as Leader; d y drains a worker and d y makes it active again', async () => {
		const term = onManager();
		await term.waitFor(/ 7 (Nodes )?/);
		term.press('7');
		await term.waitFor(/tsdtop-manager\s+manager\s+active\s+ready\s+Leader/, converge);
		await term.select('tsdtop-worker1');
		term.press('d');
		await term.waitFor('Drain node tsdtop-worker1?');
		term.press('y');
		await eventually(async () => (await availability('tsdtop-worker1')) === 'drain', 'worker1 drained', converge);
		await term.waitFor(/tsdtop-worker1\s+worker\s+drain/, converge);
		term.press('d');
		await term.waitFor('Make node tsdtop-worker1 active again?');
		term.press('y');
		await eventually(async () => (await availability('tsdtop-worker1')) === 'active', 'worker1 active', converge);
		await term.waitFor(/tsdtop-worker1\s+worker\s+active/, converge);
	});

	it('a failing service shows its failed tasks with their error in the tasks view', async () => {
		const name = `${p}-fail`;
		await createTestService({name, replicas: 1, cmd: ['sh', '-c', 'exit 3']});
		const term = onManager();
		await term.waitFor(/ 6 (Services )?/);
		term.press('6');
		await term.filterTo(name);
		await term.waitFor(new RegExp(`${name}\\s+replicated\\s+0/1 short`), converge);
		term.press('Enter');
		await term.waitFor(`Tasks of ${name}`);
		await term.waitFor(/shutdown\s+failed\s+.*task: non-zero exit \(3\)/, converge);
		await term.escape(s => !s.includes(`Tasks of ${name}`));
	});
});

describe('Swarm elsewhere', () => {
	it('on a worker\'s socket tsdtop says it is a worker and which manager to use; 6 does nothing', async () => {
		const term = terminals.open({env: {DOCKER_HOST: swarmHosts[1]!}});
		await term.waitFor(/this node is a worker; use manager 127\.0\.0\.1:\d+/);
		term.press('6');
		const screen = await term.marker('2', /\s2 Images\s/);
		expect(screen).not.toContain('Services');
		expect(screen).not.toMatch(/ 6 /);
	});

	it('on an Engine in no swarm the header has no Swarm tabs and 6 and 7 do nothing', async () => {
		const term = terminals.open();
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/);
		await term.marker('2', /\s2 Images\s/);
		term.press('6', '7');
		const screen = await term.marker('3', /\s3 Networks\s/);
		expect(screen.split('\n')[0]).not.toMatch(/ 6 | 7 |Services|Nodes/);
	});
});
