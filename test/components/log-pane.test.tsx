import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import type {Engine} from '../../source/docker/engine.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {makeContainer} from '../unit/fixtures.js';

// The log pane and the detail views through Ink: keys reach the right scope, lines from the store
// reach the screen. The engine answers nothing: the watchers are not running here, the test feeds
// the store as the log watcher would.
// Side by side needs 120 columns, more than ink-testing-library's fixed 100: the reducer tests and
// test/e2e/logs.test.ts cover it.
function setup(columns = 100) {
	const engine: Engine = stubEngine({
		host: 'unix:///test.sock',
		info: async () => ({host: 'unix:///test.sock'}),
		listContainers: async () => [],
		async * events() {},
		async stats() {},
		async act() {},
		async * logs() {},
		isRunning: async () => true,
		inspect: async () => ({}),
		top: async () => ({titles: [], processes: []}),
		async * statsDetail() {},
	});
	const store = createStore(initialState({host: engine.host, columns, rows: 24}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host}});
	store.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'a1', name: 'web-1'}), makeContainer({id: 'b2', name: 'web-2'})]});
	const app = render(<App services={{store, engine, theme: {color: true}}}/>);
	return {app, store};
}

const plain = (app: ReturnType<typeof render>): string => stripVTControlCharacters(app.lastFrame() ?? '');
const tick = async (ms = 40) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

describe('log pane', () => {
	it('l opens the logs of the selected container and shows lines as the store gets them', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('l');
		await tick();
		expect(plain(app)).toContain('Logs: web-1');
		store.dispatch({type: 'logs/append', containerId: 'a1', lines: [{stream: 'stdout', text: 'hello'}, {stream: 'stderr', text: 'bad thing'}]});
		await tick();
		expect(plain(app)).toMatch(/^\s+hello$/m);
		expect(plain(app)).toMatch(/^ !bad thing$/m);
	});

	it('routes t, f and / to the log while it has focus, and to the list after Esc', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('l');
		await tick();
		app.stdin.write('t');
		await tick();
		expect(store.getState().logs!.timestamps).toBe(true);
		expect(store.getState().detail).toBeUndefined();
		app.stdin.write('\u001B');
		await tick();
		expect(store.getState().logs).toBeUndefined();
		app.stdin.write('t');
		await tick();
		expect(store.getState().detail?.kind).toBe('top');
		expect(plain(app)).toContain('Top (every 2 s): web-1');
	});

	it('types a search into its own box, keeping every key', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('l');
		await tick();
		store.dispatch({type: 'logs/append', containerId: 'a1', lines: Array.from({length: 30}, (_, i) => ({stream: 'stdout' as const, text: `row ${i}`}))});
		app.stdin.write('/');
		for (const char of 'row 2') {
			app.stdin.write(char);
		}

		await tick();
		expect(plain(app)).toContain('search (text or /regex/): row 2 ');
		expect(app.lastFrame()).toMatch(/row 2\u001B\[7m /);
		app.stdin.write('\r');
		await tick();
		expect(plain(app)).toMatch(/search row 2 11\/11/);
		expect(store.getState().logs!.follow).toBe(false);
	});

	it('the help overlay lists the log keys while the log has focus', async () => {
		const {app} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('l');
		await tick();
		app.stdin.write('?');
		await tick();
		expect(plain(app)).toContain('timestamps on / off');
		expect(plain(app)).not.toContain('pause / unpause');
	});
});
