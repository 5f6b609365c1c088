import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {createStore, type Store} from '../../source/store/create-store.js';
import {startServiceLogWatcher} from '../../source/store/service-log-watcher.js';
import {initialState} from '../../source/store/state.js';
import {startSwarmWatcher} from '../../source/store/swarm-watcher.js';
import {createTestService, removeTestServices, startSwarm, swarmHosts, swarmOn} from '../helpers/swarm.js';
import {eventually, uniquePrefix} from '../helpers/test-containers.js';

// Issue 17: the Swarm watcher and the service log watcher keep a store in step with the test
// swarm's manager (test/engine/swarm.sh), as tsdtop runs them. No mocks.
const p = uniquePrefix('swwatch');
const converge = 45_000;
const stops: Array<() => void> = [];

beforeAll(() => {
	startSwarm();
}, 120_000);

afterEach(() => {
	for (const stop of stops.splice(0)) {
		stop();
	}
});

afterAll(async () => {
	await removeTestServices(p);
});

function watched(host: string): Store {
	const engine = createEngine(resolveConnection(host, {}));
	const store = createStore(initialState({host, columns: 120, rows: 30}));
	store.dispatch({type: 'engine/connected', info: {host}});
	stops.push(startSwarmWatcher(engine, store, {converging: 200, settled: 2000}), startServiceLogWatcher(engine, store, {color: false, intervalMs: 50}));
	return store;
}

const until = async (store: Store, check: (state: ReturnType<Store['getState']>) => boolean, what: string) => eventually(async () => check(store.getState()), what, converge);

describe('the Swarm watcher', () => {
	it('on a manager: the role, services only once pane 6 is shown, then live through a scale', async () => {
		const name = `${p}-web`;
		const id = await createTestService({name, replicas: 1});
		const store = watched(swarmHosts[0]!);
		await until(store, s => s.swarm?.role.kind === 'manager', 'the manager role');
		// Nothing is listed while no Swarm pane was shown.
		expect(store.getState().swarm?.services).toBeUndefined();
		store.dispatch({type: 'pane/select', pane: 'services'});
		await until(store, s => s.swarm?.services?.some(row => row.name === name && row.running === 1 && row.desired === 1) ?? false, `${name} at 1/1`);
		await swarmOn(0).scale(id, 2);
		await until(store, s => s.swarm?.services?.some(row => row.name === name && row.running === 2 && row.desired === 2) ?? false, `${name} at 2/2`);
		expect(store.getState().swarm?.nodes).toBeUndefined();
	});

	it('the tasks view and the merged service log, each line after its task', async () => {
		const name = `${p}-log`;
		const id = await createTestService({name, replicas: 2});
		const store = watched(swarmHosts[0]!);
		await until(store, s => s.swarm?.role.kind === 'manager', 'the manager role');
		store.dispatch({type: 'pane/select', pane: 'services'});
		store.dispatch({type: 'swarm/tasks/open', serviceId: id, name});
		await until(store, s => (s.swarm?.tasks?.tasks?.filter(task => task.state === 'running').length ?? 0) === 2, 'two running tasks');
		store.dispatch({type: 'logs/open', containerId: id, name: `service ${name}`, kind: 'service'});
		await until(store, s => new Set(s.logs?.lines.map(line => /^(\S+) \| up /.exec(line.text)?.[1]).filter(Boolean)).size === 2, 'lines of both tasks');
		expect(store.getState().logs?.lines.every(line => line.text.startsWith(`${name}.`))).toBe(true);
	});

	it('on a worker: the worker role and its notice, once', async () => {
		const store = watched(swarmHosts[1]!);
		await until(store, s => s.swarm?.role.kind === 'worker', 'the worker role');
		await until(store, s => /^this node is a worker; use manager 127\.0\.0\.1:\d+$/.test(s.ui.status?.text ?? ''), 'the worker notice');
	});
});
