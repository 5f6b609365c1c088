import {afterAll, describe, expect, it} from 'vitest';
import {inspectResource} from '../../source/actions/resource-inspect.js';
import {removeRequest} from '../../source/actions/resource-requests.js';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine, type Engine} from '../../source/docker/engine.js';
import {networkList} from '../../source/render/resource-lists.js';
import {createStore, type Store} from '../../source/store/create-store.js';
import {startDetailWatcher} from '../../source/store/detail-watcher.js';
import {startLogWatcher} from '../../source/store/log-watcher.js';
import {selectUsage} from '../../source/store/resource-selectors.js';
import {startResourceWatcher} from '../../source/store/resource-watcher.js';
import {initialState} from '../../source/store/state.js';
import {startWatcher} from '../../source/store/watcher.js';
import {engineHost, testImage} from '../helpers/engine-paths.js';
import {untilSubscribed} from '../helpers/event-marker.js';
import {createTestContainer, docker, eventually, idleCommand, removeTestContainers, testLabel, uniquePrefix} from '../helpers/test-containers.js';

// The store's watchers against the real private Engine (issue 18): no mocks. Where a test needs the
// Engine to answer late, it holds a real answer back; it never makes one up.
const p = uniquePrefix('wat');
const engine = createEngine(resolveConnection(engineHost, {}));
const stops: Array<() => void> = [];

afterAll(async () => {
	for (const stop of stops.splice(0)) {
		stop();
	}

	await removeTestContainers(p);
	for (const network of await docker.listNetworks({filters: {label: [testLabel]}})) {
		if (network.Name.startsWith(p)) {
			// eslint-disable-next-line no-await-in-loop
			await docker.getNetwork(network.Id).remove().catch(() => undefined);
		}
	}

	const {Volumes: volumes} = await docker.listVolumes({filters: {label: [testLabel]}});
	for (const volume of volumes ?? []) {
		if (volume.Name.startsWith(p)) {
			// eslint-disable-next-line no-await-in-loop
			await docker.getVolume(volume.Name).remove().catch(() => undefined);
		}
	}
});

const rowOf = (store: Store, name: string) => store.getState().containers?.find(c => c.name === name);
const unconfirmed = (store: Store) => Object.keys(store.getState().eventMarks.byId).length;

let watchers = 0;

/** The container watcher on a store of its own, once its events subscription is known to be live. */
async function watched(target: (store: Store) => Engine): Promise<Store> {
	const store = createStore(initialState({host: engineHost, showAll: true}));
	// A backstop far away, so only events can explain an update.
	stops.push(startWatcher(target(store), store, {backstopMs: 600_000}));
	await eventually(async () => store.getState().connection.status === 'connected' && store.getState().containers, 'the first list');
	await untilSubscribed(`${p}-w${++watchers}`, id => store.getState().containers?.some(c => c.id === id) ?? false);
	return store;
}

describe('the container watcher', () => {
	it('coalesces a burst of events into a few lists, and ends with the Engine\'s state, confirmed', async () => {
		let events = 0;
		// The seq each list was asked for at, and when.
		const lists: number[] = [];
		const listTimes: number[] = [];
		const store = await watched(watching => ({
			...engine,
			async listContainers() {
				lists.push(watching.getState().eventMarks.seq);
				listTimes.push(Date.now());
				return engine.listContainers();
			},
			async * events(signal, types) {
				for await (const event of engine.events(signal, types)) {
					events++;
					yield event;
				}
			},
		}));
		const [eventsBefore, listsBefore] = [events, lists.length];
		const names = Array.from({length: 8}, (_, i) => `${p}-burst-${i}`);
		const made = await Promise.all(names.map(async name => createTestContainer(name)));
		await Promise.all(made.map(async container => container.kill()));
		await eventually(async () => names.every(name => rowOf(store, name)?.state === 'exited') && unconfirmed(store) === 0, 'all exited, and confirmed by a list');

		const burstEvents = events - eventsBefore;
		const burstLists = lists.length - listsBefore;
		console.log(`burst: ${burstEvents} events, ${burstLists} lists`);
		// create, start, kill and die for each: 32 events at least.
		expect(burstEvents).toBeGreaterThanOrEqual(names.length * 4);
		expect(burstLists).toBeGreaterThanOrEqual(1);
		// How many depends on how the Engine spreads the burst (seconds on a loaded host); far fewer
		// than events, and never two within the minimum gap.
		expect(burstLists).toBeLessThan(burstEvents / 2);
		// Throttled: lists start at least the watcher's minimum gap (500 ms) apart.
		const gaps = listTimes.slice(listsBefore).map((time, i, all) => (i === 0 ? Number.POSITIVE_INFINITY : time - all[i - 1]!));
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
		// The last list was asked for after the last event: nothing it could have missed.
		expect(lists.at(-1)).toBe(store.getState().eventMarks.seq);
		for (const name of names) {
			expect(rowOf(store, name)).toMatchObject({state: 'exited', exitCode: 137});
		}

		// And the store says what the Engine says.
		const engineStates = Object.fromEntries((await docker.listContainers({all: true})).filter(c => c.Names[0]!.startsWith(`/${p}-burst`)).map(c => [c.Names[0]!.slice(1), c.State]));
		expect(Object.fromEntries(names.map(name => [name, rowOf(store, name)?.state]))).toEqual(engineStates);
	});

	it('a list the Engine answered before die, arriving after it, does not put "running" back (issue 12)', async () => {
		// The next list, once armed, is held back after the Engine answered it: a late list.
		let hold: {listed: () => void; release: Promise<void>} | undefined;
		const late: Engine = {
			...engine,
			async listContainers() {
				const list = await engine.listContainers();
				const held = hold;
				hold = undefined;
				if (held) {
					held.listed();
					await held.release;
				}

				return list;
			},
		};
		const store = await watched(() => late);
		const name = `${p}-lag`;
		const target = await createTestContainer(name);
		await eventually(async () => rowOf(store, name)?.state === 'running' && unconfirmed(store) === 0, 'running, confirmed');

		let release!: () => void;
		const released = new Promise<void>(resolve => {
			release = resolve;
		});
		const listed = new Promise<void>(resolve => {
			hold = {listed: resolve, release: released};
		});
		// Any event brings a list; this one is answered now (target running) and delivered later.
		await createTestContainer(`${p}-lag-trigger`, {start: false});
		await listed;
		const seen: string[] = [];
		const unsubscribe = store.subscribe(() => {
			seen.push(rowOf(store, name)?.state ?? 'gone');
		});
		try {
			await target.kill();
			// The die event alone brings it: the only list under way says "running".
			await eventually(async () => rowOf(store, name)?.state === 'exited', 'exited from the die event');
			expect(rowOf(store, name)?.exitCode).toBe(137);
			release();
			await eventually(async () => unconfirmed(store) === 0, 'a list that agrees');
		} finally {
			release();
			unsubscribe();
		}

		expect(seen.slice(seen.indexOf('exited'))).not.toContain('running');
		expect(rowOf(store, name)?.state).toBe('exited');
	});

	it('rename and destroy made elsewhere change the row by their events', async () => {
		const store = await watched(() => engine);
		const target = await createTestContainer(`${p}-old`);
		await eventually(async () => rowOf(store, `${p}-old`), 'the row');
		await target.rename({name: `${p}-new`});
		await eventually(async () => rowOf(store, `${p}-new`) && !rowOf(store, `${p}-old`), 'the new name');
		await target.remove({force: true});
		await eventually(async () => !rowOf(store, `${p}-new`), 'the row gone');
	});
});

describe('the log watcher', () => {
	it('says a container removed elsewhere was removed, not stopped (issue 12 item 5)', async () => {
		const name = `${p}-logs`;
		const target = await createTestContainer(name, {cmd: ['sh', '-c', 'echo hello-log; trap "exit 0" TERM; while :; do sleep 1; done']});
		const store = createStore(initialState({host: engineHost}));
		store.dispatch({type: 'logs/open', containerId: target.id, name});
		stops.push(startLogWatcher(engine, store, {color: false, pollMs: 100}));
		await eventually(async () => store.getState().logs?.lines.some(line => line.text.includes('hello-log')), 'the first line');
		await target.stop();
		await eventually(async () => store.getState().logs?.message === 'container stopped', '"container stopped"');
		await target.remove();
		await eventually(async () => store.getState().logs?.message === 'container removed', '"container removed"');
		expect(store.getState().logs?.status).toBe('stopped');
	});

	it('says so at the destroy event, not at its next poll', async () => {
		const name = `${p}-logs2`;
		const target = await createTestContainer(name, {cmd: ['sh', '-c', 'echo hello-log; trap "exit 0" TERM; while :; do sleep 1; done']});
		const store = await watched(() => engine);
		store.dispatch({type: 'logs/open', containerId: target.id, name});
		// A poll a minute apart: only the event can bring the news within the wait below.
		stops.push(startLogWatcher(engine, store, {color: false, pollMs: 60_000}));
		await eventually(async () => store.getState().logs?.lines.some(line => line.text.includes('hello-log')), 'the first line');
		await target.stop();
		await eventually(async () => store.getState().logs?.message === 'container stopped', '"container stopped"');
		await target.remove();
		await eventually(async () => store.getState().logs?.message === 'container removed', '"container removed"', 5000);
	});
});

describe('the resource watcher', () => {
	it('keeps loaded networks and volumes live from their events', async () => {
		const store = createStore(initialState({host: engineHost}));
		const live = startResourceWatcher(engine, store, {backstopMs: 600_000, throttleMs: 20});
		stops.push(() => {
			live.stop();
		});
		store.dispatch({type: 'pane/select', pane: 'volumes'});
		await eventually(async () => store.getState().volumes, 'volumes loaded');
		store.dispatch({type: 'pane/select', pane: 'networks'});
		await eventually(async () => store.getState().networks, 'networks loaded');
		const networkNames = () => store.getState().networks?.map(n => n.name) ?? [];
		await untilSubscribed(`${p}-rw`, name => networkNames().includes(name), async name => {
			await docker.createNetwork({Name: name, Labels: {[testLabel]: name}});
			return name;
		});

		const network = await docker.createNetwork({Name: `${p}-net`, Labels: {[testLabel]: `${p}-net`}});
		await eventually(async () => networkNames().includes(`${p}-net`), 'the new network');
		await network.remove();
		await eventually(async () => !networkNames().includes(`${p}-net`), 'the network gone');

		await docker.createVolume({Name: `${p}-vol`, Labels: {[testLabel]: `${p}-vol`}});
		await eventually(async () => store.getState().volumes?.some(v => v.name === `${p}-vol`), 'the new volume');
		await docker.getVolume(`${p}-vol`).remove();
		await eventually(async () => !store.getState().volumes?.some(v => v.name === `${p}-vol`), 'the volume gone');
	});
});

describe('the detail watcher', () => {
	it('feeds inspect once, top again and again, and stats, for the view that is open', async () => {
		const name = `${p}-detail`;
		const target = await createTestContainer(name);
		const store = createStore(initialState({host: engineHost}));
		stops.push(startDetailWatcher(engine, store, 100));
		store.dispatch({type: 'detail/open', kind: 'inspect', containerId: target.id, name});
		await eventually(async () => store.getState().detail?.inspect?.some(line => line.includes(target.id)), 'the inspect lines');

		store.dispatch({type: 'detail/open', kind: 'top', containerId: target.id, name});
		const tops = new Set<unknown>();
		const unsubscribe = store.subscribe(() => {
			tops.add(store.getState().detail?.top);
		});
		try {
			await eventually(async () => store.getState().detail?.top?.processes.some(row => row.join(' ').includes('sleep')) && tops.size >= 3, 'top, refreshed');
		} finally {
			unsubscribe();
		}

		store.dispatch({type: 'detail/open', kind: 'stats', containerId: target.id, name});
		await eventually(async () => (store.getState().detail?.stats.length ?? 0) >= 2, 'two stats points');
		expect(store.getState().detail!.stats[1]!.memoryBytes).toBeGreaterThan(0);
		store.dispatch({type: 'detail/close'});
	});
});

describe('a network\'s containers (issue 12 item 5)', () => {
	it('are counted one way by the list, the inspect page and the refusal: every container set to use it, with how many run', async () => {
		const netName = `${p}-count`;
		const network = await docker.createNetwork({Name: netName, Labels: {[testLabel]: netName}});
		const make = async (suffix: string) => docker.createContainer({
			name: `${p}-${suffix}`, Image: testImage, Cmd: [...idleCommand], Labels: {[testLabel]: `${p}-${suffix}`}, StopTimeout: 2, HostConfig: {NetworkMode: netName},
		});
		const running = await make('n-run');
		await running.start();
		const stopped = await make('n-stop');
		await stopped.start();
		await stopped.stop();
		// Created and never started: the Engine lists its network without an id.
		await make('n-new');

		const store = createStore(initialState({host: engineHost, showAll: true}));
		store.dispatch({type: 'containers/loaded', containers: await engine.listContainers()});
		store.dispatch({type: 'networks/loaded', networks: await engine.listNetworks()});
		store.dispatch({type: 'pane/select', pane: 'networks'});
		store.dispatch({type: 'edit', target: 'filter', edit: {kind: 'insert', text: netName}});
		const item = store.getState().networks!.find(n => n.id === network.id)!;
		expect(store.getState().ui.selectedId).toBe(network.id);

		expect(networkList.cells(item, selectUsage(store.getState()))['used']!.text).toBe('3');
		await inspectResource(engine, store, 'networks');
		const {overlay} = store.getState().ui;
		const lines = overlay?.kind === 'page' ? overlay.lines : [];
		expect(lines).toContain('Containers (3, 1 running):');
		expect(lines.filter(line => line.startsWith(`  ${p}-n-`))).toHaveLength(3);
		expect(lines.find(line => line.startsWith(`  ${p}-n-run (running)`))).toMatch(/\d+\.\d+\.\d+\.\d+/);
		expect(removeRequest(store.getState(), 'networks')).toEqual({refusal: `network ${netName} is in use by 3 containers (1 running): disconnect or remove them first`});
	});
});
