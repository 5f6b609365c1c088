import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {plain, press, tick} from '../helpers/ink-app.js';
import {makeNode, makeService, makeTask} from '../unit/swarm-fixtures.js';

// Issue 17: the Services and Nodes panes over a store filled by hand (the stub Engine has no Swarm
// calls; test/e2e/swarm.test.ts drives them against the test swarm).
function setup(readOnly = false) {
	const engine = stubEngine();
	const store = createStore(initialState({host: engine.host, columns: 120, rows: 20, readOnly}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	store.dispatch({type: 'containers/loaded', containers: []});
	store.dispatch({type: 'swarm/role', role: {kind: 'manager', nodeId: 'n1'}});
	store.dispatch({type: 'swarm/services', services: [makeService({id: 's1', name: 'web', running: 2, desired: 3}), makeService({id: 's2', name: 'api'})]});
	store.dispatch({type: 'swarm/nodes', nodes: [makeNode({id: 'n1', hostname: 'mgr', role: 'manager', managerStatus: 'Leader'}), makeNode({id: 'n2', hostname: 'w1'})]});
	const app = render(<App services={{store, engine, theme: {color: false}}}/>);
	return {app, store};
}

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

describe('<App> Swarm panes', () => {
	it('6 lists the services, a short one readable without colour; = opens the replica count; Enter shows tasks, Esc goes back', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await press(app, '6');
		const frame = plain(app);
		expect(frame.split('\n')[0]).toMatch(/ 6 Services /);
		expect(frame).toMatch(/api\s+replicated\s+2\/2/);
		expect(frame).toMatch(/web\s+replicated\s+2\/3 short/);
		await press(app, 'j', '=');
		expect(plain(app)).toContain('replicas of web: 3');
		await press(app, '\u001B');
		await tick();
		expect(plain(app)).not.toContain('replicas of web');
		await press(app, '\r');
		store.dispatch({type: 'swarm/tasks', serviceId: 's1', tasks: [makeTask({id: 't1', service: 'web', state: 'failed', desiredState: 'shutdown', error: 'task: non-zero exit (3)'})]});
		await tick();
		expect(plain(app)).toMatch(/Tasks of web[\s\S]*web\.1\s+tsdtop-manager\s+shutdown\s+failed\s+\S+\s+task: non-zero exit \(3\)/);
		await press(app, '\u001B');
		await tick();
		expect(plain(app)).not.toContain('Tasks of web');
	});

	it('7 lists the nodes with the Leader; d asks first (the stub Engine answers nothing)', async () => {
		const {app} = setup();
		cleanup = app.unmount;
		await press(app, '7');
		expect(plain(app)).toMatch(/mgr\s+manager\s+active\s+ready\s+Leader/);
		expect(plain(app)).toMatch(/d drain\/active/);
	});

	it('--read-only hides =, r, D and d', async () => {
		const {app} = setup(true);
		cleanup = app.unmount;
		await press(app, '6');
		expect(plain(app)).not.toMatch(/= scale|r restart|D remove/);
		await press(app, '7');
		expect(plain(app)).not.toContain('drain');
		expect(plain(app)).toContain('i/Enter inspect');
	});
});
