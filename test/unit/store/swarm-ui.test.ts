import {describe, expect, it} from 'vitest';
import {describeConfirm} from '../../../source/render/confirm-text.js';
import type {Action} from '../../../source/store/actions.js';
import {selectPaneTabs} from '../../../source/store/list-panes.js';
import {selectList} from '../../../source/store/list-selectors.js';
import {reducer} from '../../../source/store/reducer.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import {nodeList, replicasText, serviceList, servicePorts} from '../../../source/render/swarm-lists.js';
import {taskLines} from '../../../source/store/swarm-task-lines.js';
import {activeScopes} from '../../../source/keys/scopes.js';
import {makeNode, makeService, makeTask} from '../swarm-fixtures.js';

// Issue 17, the UI's pure parts: the Services and Nodes descriptors, the Swarm reducer, the tasks
// view's lines and the Swarm confirmations.
const run = (state: AppState, ...actions: Action[]): AppState => actions.reduce(reducer, state);
const manager: Action = {type: 'swarm/role', role: {kind: 'manager', nodeId: 'n1'}};
const start = () => initialState({host: 'unix:///x.sock', columns: 120, rows: 30});

describe('the Services and Nodes descriptors', () => {
	it.each([
		[{running: 2, desired: 2}, '2/2', 'good'],
		[{running: 2, desired: 3}, '2/3 short', 'warn'],
		[{running: 0, desired: 1}, '0/1 short', 'warn'],
		[{running: 4, desired: 3}, '4/3', 'warn'],
	] as const)('replicas %o read %s (a word when short: NO_COLOR shows no colour)', (counts, text, tone) => {
		expect(replicasText(counts)).toEqual({text, tone});
	});

	it('ports: published:target/protocol, host mode said', () => {
		expect(servicePorts([{published: 8080, target: 80, protocol: 'tcp', mode: 'ingress'}, {target: 53, protocol: 'udp', mode: 'host'}])).toBe('8080:80/tcp, 53/udp (host)');
		expect(serviceList.cells(makeService({id: 's1'}), undefined)['ports']?.text).toBe('-');
	});

	it('a service row: name, mode, replicas, image, update state, sanitised', () => {
		const cells = serviceList.cells(makeService({id: 's1', name: 'web\u001B[31m', update: {state: 'rolled back', message: ''}}), undefined);
		expect(cells['name']?.text).toBe('web');
		expect(cells['update']).toEqual({text: 'rolled back', tone: 'bad'});
		expect(cells['mode']?.text).toBe('replicated');
	});

	it('a node row: role, availability, status, manager status, tasks', () => {
		const cells = nodeList.cells(makeNode({id: 'n1', hostname: 'm', role: 'manager', managerStatus: 'Leader', runningTasks: 3}), undefined);
		expect([cells['role']?.text, cells['availability']?.text, cells['status']?.text, cells['manager']?.text, cells['tasks']?.text]).toEqual(['manager', 'active', 'ready', 'Leader', '3']);
		expect(nodeList.cells(makeNode({id: 'n2', availability: 'drain'}), undefined)['availability']).toEqual({text: 'drain', tone: 'warn'});
	});

	it('services sort by name by default, and the list selector serves them', () => {
		const state = run(start(), manager, {type: 'pane/select', pane: 'services'}, {type: 'swarm/services', services: [makeService({id: 'b', name: 'b'}), makeService({id: 'a', name: 'a'})]});
		expect(selectList(state, 'services').keys).toEqual(['a', 'b']);
		expect(state.ui.selectedId).toBe('a');
	});
});

describe('the Swarm panes in the state', () => {
	it('6 and 7 do nothing, and the header has no Swarm tabs, until the Engine is a manager', () => {
		const plain = run(start(), {type: 'pane/select', pane: 'services'});
		expect(plain.ui.pane).toBe('containers');
		expect(selectPaneTabs(plain).map(tab => tab.id)).toEqual(['containers', 'images', 'networks', 'volumes', 'projects']);
		const worker = run(start(), {type: 'swarm/role', role: {kind: 'worker', nodeId: 'w', managers: ['127.0.0.1:2377']}}, {type: 'pane/select', pane: 'nodes'});
		expect(worker.ui.pane).toBe('containers');
		const onManager = run(start(), manager, {type: 'pane/select', pane: 'nodes'});
		expect(onManager.ui.pane).toBe('nodes');
		expect(selectPaneTabs(onManager).slice(5)).toEqual([{id: 'services', title: 'Services', key: '6'}, {id: 'nodes', title: 'Nodes', key: '7'}]);
	});

	it('pane/cycle visits the Swarm panes only on a manager', () => {
		const cycle = (state: AppState) => Array.from({length: 7}, () => {
			state = reducer(state, {type: 'pane/cycle', delta: 1});
			return state.ui.pane;
		});
		expect(cycle(start())).toEqual(['images', 'networks', 'volumes', 'projects', 'containers', 'images', 'networks']);
		expect(cycle(run(start(), manager))).toEqual(['images', 'networks', 'volumes', 'projects', 'services', 'nodes', 'containers']);
	});

	it('a manager that becomes something else takes its panes and lists with it', () => {
		const state = run(start(), manager, {type: 'pane/select', pane: 'services'}, {type: 'swarm/services', services: [makeService({id: 's'})]},
			{type: 'swarm/role', role: {kind: 'none'}});
		expect(state.ui.pane).toBe('containers');
		expect(state.swarm).toEqual({role: {kind: 'none'}});
	});

	it('an Engine switch forgets the swarm', () => {
		const state = run(start(), manager, {type: 'engine/switched', host: 'unix:///y.sock'});
		expect(state.swarm).toBeUndefined();
	});

	it('the tasks view opens, takes its service\'s tasks only, scrolls, and Esc-closes; its keys are the tasks scope', () => {
		let state = run(start(), manager, {type: 'pane/select', pane: 'services'}, {type: 'swarm/tasks/open', serviceId: 's1', name: 'web'});
		expect(activeScopes(state)[0]).toBe('tasks');
		state = run(state, {type: 'swarm/tasks', serviceId: 'other', tasks: [makeTask({id: 'x'})]});
		expect(state.swarm?.tasks?.tasks).toBeUndefined();
		state = run(state, {type: 'swarm/tasks', serviceId: 's1', tasks: Array.from({length: 50}, (_, i) => makeTask({id: `t${i}`, slot: i}))});
		expect(run(state, {type: 'scroll', target: 'tasks', by: 2}).swarm?.tasks?.scroll).toBe(2);
		expect(run(state, {type: 'swarm/tasks/close'}).swarm?.tasks).toBeUndefined();
	});

	it('the replica count takes digits only, through the shared edit commands', () => {
		let state = run(start(), manager, {type: 'pane/select', pane: 'services'}, {type: 'swarm/scale/open', serviceId: 's1', name: 'web', text: '2'});
		expect(activeScopes(state).slice(0, 2)).toEqual(['replicas', 'edit']);
		state = run(state, {type: 'edit', target: 'replicas', edit: {kind: 'backspace'}}, {type: 'edit', target: 'replicas', edit: {kind: 'insert', text: 'x'}},
			{type: 'edit', target: 'replicas', edit: {kind: 'insert', text: '1'}}, {type: 'edit', target: 'replicas', edit: {kind: 'insert', text: '2'}});
		expect(state.swarm?.scale).toMatchObject({text: '12', cursor: 2});
	});

	it('a service\'s log closes as the Services pane is left; a container\'s stays', () => {
		const service = run(start(), manager, {type: 'pane/select', pane: 'services'}, {type: 'logs/open', containerId: 's1', name: 'service web', kind: 'service'});
		expect(activeScopes(service)[0]).toBe('logs');
		expect(run(service, {type: 'pane/select', pane: 'containers'}).logs).toBeUndefined();
		const container = run(start(), manager, {type: 'logs/open', containerId: 'c1', name: 'c'}, {type: 'pane/select', pane: 'services'});
		expect(container.logs?.containerId).toBe('c1');
		expect(activeScopes(container)[0]).toBe('services');
	});
});

describe('the tasks view\'s lines', () => {
	it('titles first, then by slot, newest first in a slot; a failed task keeps its error', () => {
		const lines = taskLines([
			makeTask({id: 'old', slot: 1, desiredState: 'shutdown', state: 'failed', error: 'task: non-zero exit (3)', created: 1}),
			makeTask({id: 'new', slot: 1, created: 2}),
			makeTask({id: 'two', slot: 2, node: 'tsdtop-worker1'}),
		], 120, 1_700_000_060_000);
		expect(lines.map(line => line.key)).toEqual(['title', 'new', 'old', 'two']);
		expect(lines[0]!.text).toMatch(/^TASK\s+NODE\s+DESIRED\s+CURRENT\s+AGE\s+ERROR$/);
		expect(lines[2]).toMatchObject({tone: 'bad'});
		expect(lines[2]!.text).toMatch(/^web\.1\s+tsdtop-manager\s+shutdown\s+failed\s+\S+\s+task: non-zero exit \(3\)$/);
		expect(lines[3]).toMatchObject({tone: 'good'});
	});
});

describe('the Swarm confirmations', () => {
	it('remove names the service and its task count; No is the default', () => {
		const text = describeConfirm({action: 'service-remove', targets: [{id: 's1', name: 'web', detail: '3 running tasks'}]});
		expect(text.title).toBe('Remove service web and its 3 running tasks? Its containers go with it.');
		expect(text.choices.map(c => c.key)).toEqual(['y']);
	});

	it('drain names the tasks that will move', () => {
		const text = describeConfirm({action: 'node-drain', targets: [{id: 'n2', name: 'tsdtop-worker1'}], tasks: [{id: 't1', name: 'web.2', detail: 'running'}, {id: 't2', name: 'db.1', detail: 'running'}]});
		expect(text.title).toBe('Drain node tsdtop-worker1? These 2 tasks move to other nodes:');
		expect(text.lines).toEqual(['web.2  (running)', 'db.1  (running)']);
	});

	it('activate and restart say what they do', () => {
		expect(describeConfirm({action: 'node-activate', targets: [{id: 'n2', name: 'w1'}]}).title).toBe('Make node w1 active again? It will take new tasks.');
		expect(describeConfirm({action: 'service-restart', targets: [{id: 's', name: 'web'}]}).choices[0]?.label).toBe('restart');
	});
});
