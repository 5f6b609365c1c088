import {afterEach, describe, expect, it} from 'vitest';
import type {ContainerStats} from '../../source/types.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {startStatsWatcher} from '../../source/store/stats-watcher.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {makeContainer} from './fixtures.js';
import {wait} from '../helpers/wait.js';

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
