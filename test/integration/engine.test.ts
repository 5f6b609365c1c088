import {afterAll, describe, expect, it} from 'vitest';
import {runJobs} from '../../source/actions/container-actions.js';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {startStatsWatcher} from '../../source/store/stats-watcher.js';
import {startWatcher} from '../../source/store/watcher.js';
import type {ContainerStats, EngineEvent} from '../../source/core/types.js';
import {engineHost} from '../helpers/engine-paths.js';
import {untilSubscribed} from '../helpers/event-marker.js';
import {createTestContainer, docker, eventually, removeTestContainers, stateOf, uniquePrefix} from '../helpers/test-containers.js';
import {countingStreams, storeShowing} from '../helpers/stats-store.js';

// The Engine layer and the store's watchers against the real private Engine: no mocks.
const p = uniquePrefix('int');
const engine = createEngine(resolveConnection(engineHost, {}));

afterAll(async () => {
	await removeTestContainers(p);
});

describe('engine', () => {
	it('reports the Engine version', async () => {
		const info = await engine.info();
		expect(info.host).toBe(engineHost);
		expect(info.version).toMatch(/^\d+\.\d+/);
		expect(info.apiVersion).toMatch(/^1\.\d+$/);
	});

	it('lists containers as domain objects, stopped ones included', async () => {
		await createTestContainer(`${p}-list`, {labels: {'com.docker.compose.project': 'shop'}});
		await createTestContainer(`${p}-idle`, {start: false});
		const list = await engine.listContainers();
		const running = list.find(c => c.name === `${p}-list`);
		expect(running).toMatchObject({state: 'running', image: 'tsdtop-test/busybox:latest', project: 'shop'});
		expect(running!.status).toMatch(/^Up /);
		expect(list.find(c => c.name === `${p}-idle`)?.state).toBe('created');
	});

	it('streams container events', async () => {
		const controller = new AbortController();
		const seen: EngineEvent[] = [];
		const reading = (async () => {
			for await (const event of engine.events(controller.signal)) {
				seen.push(event);
			}
		})().catch(() => undefined);
		// The subscription is live once a marker's event comes through (no sleeping and hoping).
		await untilSubscribed(`${p}-events`, id => seen.some(e => e.id === id && e.action === 'create'));
		const started = await createTestContainer(`${p}-events`);
		await eventually(async () => seen.some(e => e.action === 'start' && e.id === started.id), 'the start event');
		controller.abort();
		await reading;
		expect(seen.filter(e => e.id === started.id).map(e => e.action)).toEqual(['create', 'start']);
	});

	it('streams stats with memory and, from the second sample, CPU', async () => {
		const container = await createTestContainer(`${p}-stats`);
		const controller = new AbortController();
		const samples: ContainerStats[] = [];
		const streaming = engine.stats(container.id, controller.signal, read => {
			samples.push(read());
			if (samples.length === 2) {
				controller.abort();
			}
		});
		// Aborting is the reader leaving: the stream settles without an error.
		await streaming;
		expect(samples).toHaveLength(2);
		expect(samples[1]!.memoryBytes).toBeGreaterThan(0);
		expect(samples[1]!.cpuPercent).toBeGreaterThanOrEqual(0);
	});

	it('acts on containers: stop, start, pause, unpause, kill, remove', async () => {
		const container = await createTestContainer(`${p}-act`);
		await engine.act(container.id, 'stop');
		expect(await stateOf(`${p}-act`)).toBe('exited');
		await engine.act(container.id, 'start');
		expect(await stateOf(`${p}-act`)).toBe('running');
		await engine.act(container.id, 'pause');
		expect(await stateOf(`${p}-act`)).toBe('paused');
		await engine.act(container.id, 'unpause');
		await engine.act(container.id, 'kill');
		expect(await stateOf(`${p}-act`)).toBe('exited');
		await engine.act(container.id, 'remove');
		expect(await stateOf(`${p}-act`)).toBeUndefined();
	});
});

describe('runJobs', () => {
	it('says in one line that a container vanished mid-action', async () => {
		const store = createStore(initialState({host: engineHost}));
		const ghost = await createTestContainer(`${p}-ghost`);
		await ghost.remove({force: true});
		await runJobs(engine, store, [{target: {id: ghost.id, name: `${p}-ghost`, state: 'running'}, verb: 'stop'}]);
		expect(store.getState().ui.status).toEqual({kind: 'error', text: `1 of 1 failed: ${p}-ghost is gone (removed elsewhere)`});
		expect(store.getState().pending).toEqual({});
	});

	it('reports partial failure honestly and treats "already stopped" as done', async () => {
		const store = createStore(initialState({host: engineHost}));
		const running = await createTestContainer(`${p}-r1`);
		const stopped = await createTestContainer(`${p}-r2`, {start: false});
		await runJobs(engine, store, [
			{target: {id: running.id, name: `${p}-r1`, state: 'running'}, verb: 'remove'},
			{target: {id: stopped.id, name: `${p}-r2`, state: 'created'}, verb: 'remove'},
		]);
		const status = store.getState().ui.status!;
		expect(status.kind).toBe('error');
		expect(status.text).toContain(`removed ${p}-r2`);
		expect(status.text).toContain(`1 of 2 failed: ${p}-r1:`);
		expect(status.text).not.toContain('\n');
		expect(await stateOf(`${p}-r1`)).toBe('running');

		await engine.act(running.id, 'stop');
		await runJobs(engine, store, [{target: {id: running.id, name: `${p}-r1`, state: 'exited'}, verb: 'stop'}]);
		expect(store.getState().ui.status).toEqual({kind: 'success', text: `stopped ${p}-r1`});
	});
});

describe('watchers', () => {
	it('follow the Engine: a new container and a stop appear in the store by events', async () => {
		const store = createStore(initialState({host: engineHost, showAll: true}));
		// A backstop far away, so only events can explain a quick update.
		const stop = startWatcher(engine, store, {backstopMs: 600_000});
		try {
			await eventually(async () => store.getState().connection.status === 'connected' && store.getState().containers, 'first list');
			const container = await createTestContainer(`${p}-watch`);
			await eventually(async () => store.getState().containers?.find(c => c.name === `${p}-watch`)?.state === 'running', 'new container in the store');
			await docker.getContainer(container.id).stop();
			await eventually(async () => store.getState().containers?.find(c => c.name === `${p}-watch`)?.state === 'exited', 'stop seen');
		} finally {
			stop();
		}
	});

	it('stream stats only for rows on screen, where the cgroup files are out of reach', async () => {
		const name = `${p}-zzz-visible`;
		await createTestContainer(name);
		const store = await storeShowing(engine, name);
		const opened: string[] = [];
		const counting = countingStreams(engine, opened, {statsSource: async () => ({kind: 'api' as const, reason: 'a remote Engine'})});
		const stop = startStatsWatcher(counting, store, 200);
		try {
			const id = store.getState().containers!.find(c => c.name === name)!.id;
			await eventually(async () => store.getState().stats[id]?.memoryBytes, 'stats in the store');
			expect(opened).toEqual([id]);
		} finally {
			stop();
		}
	});

	it('say "disconnected" and keep the data when the Engine is unreachable', async () => {
		const dead = createEngine(resolveConnection('unix:///nonexistent/docker.sock', {}));
		const store = createStore(initialState({host: dead.host}));
		store.dispatch({type: 'containers/loaded', containers: []});
		const stop = startWatcher(dead, store, {maxBackoffMs: 100});
		try {
			await eventually(async () => store.getState().connection.status === 'disconnected', 'disconnected');
			expect(store.getState().connection.error).toContain('/nonexistent/docker.sock does not exist');
			expect(store.getState().containers).toEqual([]);
		} finally {
			stop();
		}
	});
});
