import {afterEach, describe, expect, it} from 'vitest';
import type {CgroupStats} from '../../../source/docker/cgroup-stats.js';
import type {ContainerStats} from '../../../source/core/types.js';
import {createStore} from '../../../source/store/create-store.js';
import {initialState} from '../../../source/store/state.js';
import {startStatsWatcher} from '../../../source/store/stats-watcher.js';
import {stubEngine} from '../../helpers/stub-engine.js';
import {makeContainer} from '../fixtures.js';
import {wait} from '../../helpers/wait.js';

let stop = () => {};
afterEach(() => {
	stop();
});

describe('the stats watcher', () => {
	it('shows the first sample of a row that just came on screen at once, later ones at each refresh, and parses only those', async () => {
		const parsed: string[] = [];
		const feeds = new Map<string, (memoryBytes: number) => void>();
		const engine = stubEngine({
			async stats(id, signal, onSample) {
				feeds.set(id, memoryBytes => {
					onSample(() => {
						parsed.push(`${id} ${memoryBytes}`);
						return {memoryBytes, memoryLimitBytes: 0} satisfies ContainerStats;
					});
				});
				await new Promise(resolve => {
					signal.addEventListener('abort', resolve);
				});
			},
		});
		const store = createStore(initialState({host: engine.host}));
		store.dispatch({type: 'engine/connected', info: {host: engine.host}});
		store.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'web'})]});
		stop = startStatsWatcher(engine, store, 400, 20);
		await wait(10);
		feeds.get('web')!(1000);
		await wait(60);
		// Well before the 400 ms refresh.
		expect(store.getState().stats['web']?.memoryBytes).toBe(1000);
		// Two more samples within a refresh: only the last is read, at the refresh.
		feeds.get('web')!(2000);
		feeds.get('web')!(3000);
		await wait(100);
		expect(store.getState().stats['web']?.memoryBytes).toBe(1000);
		await wait(400);
		expect(store.getState().stats['web']?.memoryBytes).toBe(3000);
		expect(parsed).toEqual(['web 1000', 'web 3000']);
	});
});

describe('the stats watcher on the Engine\'s host', () => {
	/** Waits for what it asserts: the store's state, polled every few ms. */
	async function until<T>(check: () => T | undefined, what: string): Promise<T> {
		for (let tries = 0; tries < 500; tries++) {
			const value = check();
			if (value !== undefined) {
				return value;
			}

			// eslint-disable-next-line no-await-in-loop
			await wait(5);
		}

		throw new Error(`never saw ${what}`);
	}

	it('reads the rows\' cgroup files on one timer and streams none, but a row whose files are not there', async () => {
		// A container's CPU counter that grows by half the wall time: 50 % of a core.
		const cgroups = new Map<string, {memoryBytes: number}>([['web', {memoryBytes: 1000}], ['db', {memoryBytes: 2000}]]);
		const reads: string[] = [];
		const closed: string[] = [];
		const streamed: string[] = [];
		const source: CgroupStats = {
			kind: 'cgroup',
			description: 'cgroup v1 (a fake)',
			hostMemoryBytes: 8000,
			read(id) {
				reads.push(id);
				const cgroup = cgroups.get(id);
				const at = performance.now();
				return cgroup && {cpuNs: at * 1e6 / 2, memoryBytes: cgroup.memoryBytes, at};
			},
			close(id) {
				closed.push(id);
			},
			closeAll() {},
		};
		const probes: string[] = [];
		const engine = stubEngine({
			async statsSource(probeId) {
				probes.push(probeId);
				return source;
			},
			async stats(id, signal, onSample) {
				streamed.push(id);
				onSample(() => ({memoryBytes: 3000, memoryLimitBytes: 0}));
				await new Promise(resolve => {
					signal.addEventListener('abort', resolve);
				});
			},
		});
		const store = createStore(initialState({host: engine.host}));
		store.dispatch({type: 'engine/connected', info: {host: engine.host}});
		store.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'db'}), makeContainer({id: 'web'}), makeContainer({id: 'elsewhere'})]});
		stop = startStatsWatcher(engine, store, 200, 20);
		// Memory at once, before the first refresh; CPU needs a second read.
		expect(await until(() => store.getState().stats['web'], 'web\'s first read')).toEqual({memoryBytes: 1000, memoryLimitBytes: 8000});
		expect(store.getState().stats['db']?.memoryBytes).toBe(2000);
		expect(store.getState().stats['elsewhere']?.memoryBytes).toBe(3000);
		const cpu = await until(() => store.getState().stats['web']?.cpuPercent, 'web\'s CPU');
		expect(cpu).toBeCloseTo(50, 5);
		expect(probes).toHaveLength(1);
		expect(streamed).toEqual(['elsewhere']);
		// No row on screen (another pane): their files are let go, and nothing is read at all.
		store.dispatch({type: 'pane/select', pane: 'images'});
		expect(closed.sort()).toEqual(['db', 'web']);
		const count = reads.length;
		await wait(500);
		expect(reads).toHaveLength(count);
	});
});
