import {afterEach, describe, expect, it} from 'vitest';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {startWatcher} from '../../source/store/watcher.js';
import {makeContainer} from './fixtures.js';
import {stubEngine} from '../helpers/stub-engine.js';

const wait = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

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
