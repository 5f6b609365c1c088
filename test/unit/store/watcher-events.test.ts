import {afterEach, describe, expect, it} from 'vitest';
import {createStore} from '../../../source/store/create-store.js';
import {initialState} from '../../../source/store/state.js';
import {startWatcher} from '../../../source/store/watcher.js';
import type {Container, EngineEvent} from '../../../source/core/types.js';
import {stubEngine} from '../../helpers/stub-engine.js';
import {makeContainer} from '../fixtures.js';

let stop = () => {};
afterEach(() => {
	stop();
});

/** Waits for a condition on the store (the stub Engine answers at once; timers run for real). */
async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 3000;
	while (!check()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}

/** An events stream the test feeds, one event at a time. */
function eventFeed() {
	const queue: EngineEvent[] = [];
	let wake = () => {};
	return {
		push(action: string, id: string, attributes: Record<string, string> = {}) {
			queue.push({type: 'container', action, id, time: 0, attributes});
			wake();
		},
		async * events(signal: AbortSignal): AsyncIterable<EngineEvent> {
			while (!signal.aborted) {
				const next = queue.shift();
				if (next) {
					yield next;
				} else {
					// eslint-disable-next-line no-await-in-loop
					await new Promise<void>(resolve => {
						wake = resolve;
					});
				}
			}
		},
	};
}

// Issue 12 item 1, as traced: the watcher listed 50 ms after `kill`, `die` came ~40 ms later and
// found the timer set, the Engine still listed the container as running, and nothing listed again
// until the backstop (10 s; 30 s at 1,000 containers).
describe('the watcher after kill and die', () => {
	it('shows exited at the event, keeps it against the late list, and lists again until a list agrees', async () => {
		const feed = eventFeed();
		const running = [makeContainer({id: 'web'})];
		const exited = [makeContainer({id: 'web', state: 'exited', status: 'Exited (137) 1 second ago', exitCode: 137})];
		let engineSays: Container[] = running;
		let lists = 0;
		const engine = stubEngine({
			async listContainers() {
				lists++;
				return engineSays;
			},
			events: feed.events,
		});
		const store = createStore(initialState({host: engine.host, showAll: true}));
		const seen: string[] = [];
		store.subscribe(() => {
			seen.push(store.getState().containers?.[0]?.state ?? 'none');
		});
		stop = startWatcher(engine, store, {backstopMs: 600_000, throttleMs: 10, minGapMs: 20, confirmMs: 20});
		await until(() => store.getState().containers?.[0]?.state === 'running', 'the first list');

		feed.push('kill', 'web', {signal: '9'});
		await until(() => store.getState().containers?.[0]?.state === 'exited', 'exited at the kill event');
		feed.push('die', 'web', {exitCode: '137'});
		await until(() => store.getState().containers?.[0]?.exitCode === 137, 'the exit code of die');
		// The Engine lists it as running a while longer: those lists must not win.
		const listsBefore = lists;
		await until(() => lists >= listsBefore + 2, 'lists again while the Engine disagrees');
		expect(store.getState().containers?.[0]?.state).toBe('exited');
		engineSays = exited;
		await until(() => Object.keys(store.getState().eventMarks.byId).length === 0, 'a list that agrees');
		expect(store.getState().containers).toEqual(exited);
		expect(seen.slice(seen.indexOf('exited'))).not.toContain('running');
		// Confirmed: no more lists until the next event (a marker: one more event, one more list).
		const settled = lists;
		feed.push('start', 'web');
		engineSays = running;
		await until(() => lists > settled && Object.keys(store.getState().eventMarks.byId).length === 0, 'the list after start');
		expect(lists).toBe(settled + 1);
	});

	it('coalesces a burst into one list once it goes quiet', async () => {
		const feed = eventFeed();
		let lists = 0;
		const rows = Array.from({length: 20}, (_, i) => makeContainer({id: `c${i}`, state: 'created', status: 'Created'}));
		const engine = stubEngine({
			async listContainers() {
				lists++;
				return rows;
			},
			events: feed.events,
		});
		const store = createStore(initialState({host: engine.host, showAll: true}));
		stop = startWatcher(engine, store, {backstopMs: 600_000, throttleMs: 50, minGapMs: 20});
		await until(() => store.getState().containers !== undefined, 'the first list');
		const before = lists;
		for (const row of rows) {
			feed.push('create', row.id, {name: row.name, image: row.image});
		}

		await until(() => Object.keys(store.getState().eventMarks.byId).length === 0 && lists > before, 'the burst confirmed');
		expect(lists).toBe(before + 1);
		expect(store.getState().containers).toHaveLength(20);
	});
});
