import {afterEach, describe, expect, it} from 'vitest';
import {createStore} from '../../../source/store/create-store.js';
import {startResourceWatcher} from '../../../source/store/resource-watcher.js';
import {initialState} from '../../../source/store/state.js';
import {stubEngine} from '../../helpers/stub-engine.js';
import {wait} from '../../helpers/wait.js';

/** Waits for a condition rather than a fixed time: timers run late on a busy machine. */
async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check() && Date.now() < end) {
		// eslint-disable-next-line no-await-in-loop
		await wait(5);
	}
}

let stop = () => {};
afterEach(() => {
	stop();
});

describe('the resource watcher\'s backstop', () => {
	// Issue 6: Podman 4.3 sends no network events, so a network made elsewhere never showed up.
	it('lists the shown resource pane again without any event, and only that pane', async () => {
		const calls = {networks: 0, volumes: 0};
		const engine = stubEngine({
			async listNetworks() {
				calls.networks++;
				return [];
			},
			async listVolumes() {
				calls.volumes++;
				return [];
			},
			async * events() {
				// An Engine that never sends an event, and keeps the stream open.
				await new Promise(() => {});
			},
		});
		const store = createStore(initialState({host: engine.host, showAll: false, readOnly: false, columns: 120, rows: 40, tail: 100, logCapacity: 1000}));
		const watcher = startResourceWatcher(engine, store, {backstopMs: 40});
		stop = () => {
			watcher.stop();
		};

		store.dispatch({type: 'pane/select', pane: 'networks'});
		await until(() => calls.networks >= 1);
		expect(calls.networks).toBe(1);
		await until(() => calls.networks >= 3);
		expect(calls.networks).toBeGreaterThanOrEqual(3);
		expect(calls.volumes).toBe(0);

		// Back on the Containers pane the backstop stops asking.
		store.dispatch({type: 'pane/select', pane: 'containers'});
		await wait(50);
		const before = calls.networks;
		await wait(150);
		expect(calls.networks).toBe(before);
	});
});
