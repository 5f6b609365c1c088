import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import type {Engine} from '../../source/docker/engine.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {makeContainer} from '../unit/fixtures.js';
import {plain, tick} from '../helpers/ink-app.js';

// The Projects pane and a merged log through Ink: keys reach the projects scope, the confirmation
// names every container, and a merged log's lines carry their container's name. No watcher runs:
// the test feeds the store as the log watcher would.
const compose = (project: string, service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});

function setup(options: {readonly color?: boolean; readonly readOnly?: boolean} = {}) {
	const acted: string[] = [];
	const engine: Engine = stubEngine({
		async act(id, verb) {
			acted.push(`${verb} ${id}`);
		},
	});
	const store = createStore(initialState({host: engine.host, columns: 100, rows: 24, readOnly: options.readOnly ?? false}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host}});
	store.dispatch({type: 'containers/loaded', containers: [
		makeContainer({id: 'w1', name: 'shop-web-1', labels: compose('shop', 'web')}),
		makeContainer({id: 'd1', name: 'shop-db-1', labels: compose('shop', 'db')}),
		makeContainer({id: 'a1', name: 'blog-app-1', labels: compose('blog', 'app')}),
		makeContainer({id: 'l1', name: 'lonely'}),
	]});
	const app = render(<App services={{store, engine, theme: {color: options.color ?? true}}}/>);
	return {app, store, acted};
}

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

describe('the Projects pane', () => {
	it('5 lists the projects; s asks, naming each container, and y stops them one by one', async () => {
		const {app, acted} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('5');
		await tick();
		expect(plain(app)).toMatch(/blog\s+1\/1\s+app/);
		expect(plain(app)).not.toContain('lonely');
		app.stdin.write('j');
		app.stdin.write('s');
		await tick();
		const dialog = plain(app);
		expect(dialog).toContain('Stop 2 containers of project shop?');
		expect(dialog).toContain('shop-db-1');
		expect(dialog).toContain('shop-web-1');
		app.stdin.write('y');
		await tick(100);
		expect(acted).toEqual(['stop d1', 'stop w1']);
		expect(plain(app)).toContain('stopped 2 containers of project shop');
	});

	it('--read-only: s asks nothing and changes nothing', async () => {
		const {app, acted} = setup({readOnly: true});
		cleanup = app.unmount;
		await tick();
		app.stdin.write('5');
		await tick();
		app.stdin.write('s');
		await tick();
		expect(plain(app)).not.toContain('Stop ');
		expect(plain(app)).not.toContain('s stop/start');
		expect(acted).toEqual([]);
	});

	it('l opens one log of the project; each line after its container\'s padded name and a bar, also under NO_COLOR', async () => {
		const {app, store} = setup({color: false});
		cleanup = app.unmount;
		await tick();
		app.stdin.write('5');
		app.stdin.write('j');
		await tick();
		app.stdin.write('l');
		await tick();
		const key = store.getState().logs?.containerId;
		expect(key).toBe('project:shop');
		store.dispatch({type: 'logs/append', containerId: key!, lines: [
			{stream: 'stdout', text: 'listening', source: 'w1'},
			{stream: 'stdout', text: 'ready', source: 'd1'},
		]});
		await tick();
		const frame = plain(app);
		expect(frame).toContain('Logs: shop');
		expect(frame).toMatch(/shop-db-1 {2}\| ready/);
		expect(frame).toMatch(/shop-web-1 \| listening/);
		app.stdin.write('\u001B');
		await tick(100);
		expect(store.getState().ui.pane).toBe('projects');
	});
});
