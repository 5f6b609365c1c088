import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import type {SwitchEngine} from '../../source/actions/switcher.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import type {SwitchEntry} from '../../source/store/switcher.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {makeContainer} from '../unit/fixtures.js';
import {plain, tick} from '../helpers/ink-app.js';

// The switcher's keys through Ink's stdin. The entries are given (: itself reads the real ~/.docker,
// which the unit tests cover with a temporary HOME); hosts only, whose connection needs no file.
const entries: SwitchEntry[] = [
	{id: 'host:tcp://10.1.1.1:2375', kind: 'host', name: 'tcp://10.1.1.1:2375', endpoint: 'tcp://10.1.1.1:2375', from: '--host history'},
	{id: 'host:tcp://10.2.2.2:2375', kind: 'host', name: 'tcp://10.2.2.2:2375', endpoint: 'tcp://10.2.2.2:2375', from: '--host history'},
	{id: 'default', kind: 'default', name: 'default', endpoint: 'unix:///var/run/docker.sock', from: 'local socket', inUse: true},
];

function setup(readOnly = false) {
	const engine = stubEngine();
	const store = createStore(initialState({host: engine.host, target: 'default', readOnly}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	store.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'a', name: 'web-1'})]});
	const switched: Array<[string, string]> = [];
	const switchEngine: SwitchEngine = (connection, target) => {
		switched.push([connection.label, target]);
	};

	const app = render(<App services={{store, engine, theme: {color: false}, switchEngine}}/>);
	return {app, store, switched};
}

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

describe('<SwitcherOverlay>', () => {
	it('lists the entries with the one in use marked and selected, and its keys in the footer', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		store.dispatch({type: 'switcher/open', entries});
		await tick();
		const frame = plain(app);
		expect(frame).toContain('Switch Engine');
		expect(frame).toMatch(/\* default \(local socket\) +unix:\/\/\/var\/run\/docker\.sock +local socket, in use/);
		expect(frame).toContain('  tcp://10.1.1.1:2375');
		expect(frame).not.toContain('web-1');
		expect(frame).toMatch(/Enter use .*Esc\/q close/);
	});

	it('j/k move, Enter switches to the selected entry, Esc closes', async () => {
		const {app, store, switched} = setup();
		cleanup = app.unmount;
		store.dispatch({type: 'switcher/open', entries});
		await tick();
		app.stdin.write('k');
		await tick();
		app.stdin.write('\r');
		await tick();
		expect(switched).toEqual([['tcp://10.2.2.2:2375', 'host:tcp://10.2.2.2:2375']]);
		store.dispatch({type: 'switcher/open', entries});
		await tick();
		app.stdin.write('\u001B');
		await tick(80);
		expect(plain(app)).toContain('web-1');
		expect(store.getState().ui.overlay).toBeUndefined();
	});

	it('/ then typing filters (j is text there), Enter takes the match', async () => {
		const {app, store, switched} = setup();
		cleanup = app.unmount;
		store.dispatch({type: 'switcher/open', entries});
		await tick();
		app.stdin.write('/');
		await tick();
		app.stdin.write('j');
		await tick();
		expect(plain(app)).toContain('nothing matches "j"');
		app.stdin.write('\u007F');
		await tick();
		app.stdin.write('10.1');
		await tick();
		const frame = plain(app);
		expect(frame).toContain('filter: 10.1');
		expect(frame).toContain('tcp://10.1.1.1:2375');
		expect(frame).not.toContain('tcp://10.2.2.2:2375');
		expect(frame).not.toContain('default (local socket)');
		app.stdin.write('\r');
		await tick();
		expect(switched).toEqual([['tcp://10.1.1.1:2375', 'host:tcp://10.1.1.1:2375']]);
	});

	it(': opens it in read-only mode too (switching changes nothing on an Engine)', async () => {
		const {app, store} = setup(true);
		cleanup = app.unmount;
		await tick();
		app.stdin.write(':');
		await tick();
		expect(store.getState().ui.overlay?.kind).toBe('switcher');
		expect(plain(app)).toContain('Switch Engine');
	});
});
