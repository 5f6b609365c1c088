import {afterEach, describe, expect, it} from 'vitest';
import {createStore} from '../../../source/store/create-store.js';
import {initialState} from '../../../source/store/state.js';
import {backstopDelay, startWatcher} from '../../../source/store/watcher.js';
import {makeContainer} from '../fixtures.js';
import {stubEngine} from '../../helpers/stub-engine.js';
import {wait} from '../../helpers/wait.js';

let stop = () => {};
afterEach(() => {
	stop();
});

// Issue 6: Podman's GET /version takes 3-9 s. Reconnecting waited for it before listing, so the list
// and the status bar stayed "disconnected" for those seconds after Podman was back.
describe('the watcher and a slow /version', () => {
	it('connects and lists as soon as the list answers; the version follows when it comes', async () => {
		let answerVersion = (_version: string) => {};
		const engine = stubEngine({
			info: async () => new Promise(resolve => {
				answerVersion = version => {
					resolve({host: 'unix:///test.sock', version, product: 'Podman'});
				};
			}),
			listContainers: async () => [makeContainer({id: 'web'})],
			async * events() {
				await new Promise(() => {});
			},
		});
		const store = createStore(initialState({host: engine.host}));
		store.dispatch({type: 'engine/disconnected', error: 'lost the connection', retryAt: Date.now()});
		stop = startWatcher(engine, store);

		await wait(50);
		expect(store.getState().connection.status).toBe('connected');
		expect(store.getState().containers?.map(c => c.name)).toEqual(['web']);
		expect(store.getState().connection.info?.version).toBeUndefined();

		answerVersion('4.3.1');
		await wait(10);
		expect(store.getState().connection.info).toEqual({host: 'unix:///test.sock', version: '4.3.1', product: 'Podman'});
	});
});

describe('the watcher\'s backstop', () => {
	it('is 10 s for short lists and 30 ms a container for long ones, at most a minute', () => {
		expect(backstopDelay(0)).toBe(10_000);
		expect(backstopDelay(100)).toBe(10_000);
		expect(backstopDelay(1000)).toBe(30_000);
		expect(backstopDelay(5000)).toBe(60_000);
	});

	it('lists again at the interval given while events are quiet, and stops with the watcher', async () => {
		let lists = 0;
		const engine = stubEngine({
			listContainers: async () => {
				lists++;
				return [makeContainer({id: 'web', status: `Up ${lists} seconds`})];
			},
			async * events() {
				await new Promise(() => {});
			},
		});
		const store = createStore(initialState({host: engine.host}));
		stop = startWatcher(engine, store, {backstopMs: 30});
		await wait(200);
		expect(lists).toBeGreaterThanOrEqual(3);
		expect(store.getState().containers?.[0]?.status).toBe(`Up ${lists} seconds`);
		stop();
		const after = lists;
		await wait(100);
		expect(lists).toBe(after);
	});
});
