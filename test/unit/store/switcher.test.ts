import {describe, expect, it} from 'vitest';
import type {Action} from '../../../source/store/actions.js';
import {createStore} from '../../../source/store/create-store.js';
import {gatedStore} from '../../../source/store/gated-store.js';
import {reducer} from '../../../source/store/reducer.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import {buildSwitchEntries, selectedEntry, type SwitchEntry, type Switcher, visibleEntries} from '../../../source/store/switcher.js';
import {switcherRows} from '../../../source/render/switcher-rows.js';
import {makeContainer} from '../fixtures.js';

const run = (state: AppState, ...actions: Action[]): AppState => actions.reduce(reducer, state);
const host = 'unix:///var/run/docker.sock';

const sources = {
	contexts: [{name: 'prod', host: 'ssh://me@prod'}, {name: 'staging', host: 'tcp://10.0.0.2:2376'}],
	currentContext: 'staging',
	dockerHost: 'tcp://10.0.0.9:2375',
	hosts: ['unix:///tmp/a.sock', 'tcp://10.0.0.9:2375', 'ssh://me@old'],
	localSocket: host,
};

const switcherOf = (state: AppState): Switcher => {
	const overlay = state.ui.overlay;
	if (overlay?.kind !== 'switcher') {
		throw new Error('no switcher open');
	}

	return overlay.switcher;
};

describe('buildSwitchEntries', () => {
	it('lists the contexts, DOCKER_HOST, the --host history (without repeats) and the local socket, in that order', () => {
		const entries = buildSwitchEntries({...sources, inUse: 'context:prod'});
		expect(entries.map(e => [e.id, e.from])).toEqual([
			['context:prod', 'context'],
			['context:staging', 'context'],
			['host:tcp://10.0.0.9:2375', 'DOCKER_HOST'],
			['host:unix:///tmp/a.sock', '--host history'],
			['host:ssh://me@old', '--host history'],
			['default', 'local socket'],
		]);
		expect(entries.filter(e => e.current).map(e => e.name)).toEqual(['staging']);
		expect(entries.filter(e => e.inUse).map(e => e.name)).toEqual(['prod']);
		expect(entries.at(-1)).toMatchObject({kind: 'default', endpoint: host});
	});

	it('marks a history host or the local socket in use, and nothing when none matches', () => {
		expect(buildSwitchEntries({...sources, inUse: 'host:ssh://me@old'}).filter(e => e.inUse).map(e => e.id)).toEqual(['host:ssh://me@old']);
		expect(buildSwitchEntries({...sources, inUse: 'default'}).filter(e => e.inUse).map(e => e.id)).toEqual(['default']);
		expect(buildSwitchEntries({contexts: [], hosts: [], localSocket: host}).map(e => e.id)).toEqual(['default']);
	});
});

describe('the switcher in the store', () => {
	const entries = buildSwitchEntries({...sources, inUse: 'host:unix:///tmp/a.sock'});
	const opened = run(initialState({host}), {type: 'switcher/open', entries});

	it('opens with the cursor on the Engine in use', () => {
		expect(selectedEntry(switcherOf(opened))?.id).toBe('host:unix:///tmp/a.sock');
	});

	it('moves within the list and stops at its ends', () => {
		expect(switcherOf(run(opened, {type: 'scroll', target: 'switcher', by: -1})).cursor).toBe(2);
		expect(switcherOf(run(opened, {type: 'scroll', target: 'switcher', by: 100})).cursor).toBe(entries.length - 1);
		expect(switcherOf(run(opened, {type: 'scroll', target: 'switcher', by: -100})).cursor).toBe(0);
	});

	it('filters by name or endpoint as the person types, any case, and starts at the first match', () => {
		const typed = run(opened, {type: 'switcher/filter', open: true}, ...[...'10.0.0'].map(text => ({type: 'edit', target: 'switcherfilter', edit: {kind: 'insert', text}}) as Action));
		const switcher = switcherOf(typed);
		expect(visibleEntries(switcher).map(e => e.id)).toEqual(['context:staging', 'host:tcp://10.0.0.9:2375']);
		expect(selectedEntry(switcher)?.id).toBe('context:staging');
		expect(selectedEntry(switcherOf(run(typed, {type: 'scroll', target: 'switcher', by: 5})))?.id).toBe('host:tcp://10.0.0.9:2375');
		const upper = run(opened, {type: 'edit', target: 'switcherfilter', edit: {kind: 'insert', text: 'PROD'}});
		expect(visibleEntries(switcherOf(upper)).map(e => e.name)).toEqual(['prod']);
		const none = run(opened, {type: 'edit', target: 'switcherfilter', edit: {kind: 'insert', text: 'nothing'}});
		expect(selectedEntry(switcherOf(none))).toBeUndefined();
		// Esc while typing clears the filter and shows every entry again.
		const cleared = switcherOf(run(typed, {type: 'switcher/filter', open: false}));
		expect(cleared.filter).toEqual({open: false, text: '', cursor: 0});
		expect(visibleEntries(cleared)).toHaveLength(entries.length);
	});

	it('ignores switcher keys when it is not open, and closes like any overlay', () => {
		const state = initialState({host});
		expect(run(state, {type: 'scroll', target: 'switcher', by: 1})).toBe(state);
		expect(run(opened, {type: 'overlay/close'}).ui.overlay).toBeUndefined();
	});
});

describe('engine/switched', () => {
	const a = makeContainer({id: 'a1', name: 'old-a'});
	const b = makeContainer({id: 'b1', name: 'old-b'});
	const before = run(
		initialState({host, showAll: true, readOnly: true, origin: 'via DOCKER_HOST', target: 'default'}),
		{type: 'engine/connected', info: {host, version: '20.10', apiVersion: '1.41', os: 'linux'}},
		{type: 'containers/loaded', containers: [a, b]},
		{type: 'stats/loaded', stats: {a1: {cpuPercent: 1, memoryBytes: 2, memoryLimitBytes: 3}} as unknown as AppState['stats']},
		{type: 'scroll', target: 'list', by: 1},
		{type: 'mark/toggle'},
		{type: 'pending/set', ids: ['b1'], label: 'stopping'},
		{type: 'filter/open'},
		{type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'old'}},
		{type: 'filter/close', keep: true},
		{type: 'logs/open', containerId: 'a1', name: 'old-a'},
		{type: 'pane/select', pane: 'images'},
		{type: 'images/loaded', images: []},
		{type: 'pane/select', pane: 'containers'},
		{type: 'switcher/open', entries: [{id: 'context:x', kind: 'context', name: 'x', endpoint: 'tcp://x:2375', from: 'context'}]},
	);
	const after = run(before, {type: 'engine/switched', host: 'tcp://x:2375 (context x)', target: 'context:x'});

	it('drops everything that came from the old Engine', () => {
		expect(before.containers).toHaveLength(2);
		expect(after.containers).toBeUndefined();
		expect(after.images).toBeUndefined();
		expect(after.stats).toEqual({});
		expect(after.pending).toEqual({});
		expect(after.logs).toBeUndefined();
		expect(after.detail).toBeUndefined();
		expect(after.ui.marks.size).toBe(0);
		expect(after.ui.selectedId).toBeUndefined();
		expect(after.ui.cursor).toBe(0);
		expect(after.ui.overlay).toBeUndefined();
		expect(after.connection).toEqual({status: 'connecting', host: 'tcp://x:2375 (context x)', target: 'context:x'});
	});

	it('keeps what the person chose: pane, show all, read-only, the filter', () => {
		expect(after.ui.pane).toBe('containers');
		expect(after.ui.showAll).toBe(true);
		expect(after.ui.readOnly).toBe(true);
		expect(after.ui.filter.text).toBe('old');
		expect(after.ui.status?.text).toBe('switched to tcp://x:2375 (context x)');
	});

	it('keeps the target once the new Engine answers, so the switcher marks it in use', () => {
		const connected = run(after, {type: 'engine/connected', info: {host: 'tcp://x:2375', version: '24.0', apiVersion: '1.43', os: 'linux'}});
		expect(connected.connection).toMatchObject({status: 'connected', target: 'context:x', host: 'tcp://x:2375 (context x)'});
		const disconnected = run(after, {type: 'engine/disconnected', error: 'gone', retryAt: 1}, {type: 'engine/connected', info: {host: 'x', version: '1', apiVersion: '1', os: 'linux'}});
		expect(disconnected.connection.error).toBeUndefined();
		expect(disconnected.connection.target).toBe('context:x');
	});

	it('takes the new Engine\'s list afterwards', () => {
		const fresh = run(after, {type: 'containers/loaded', containers: [makeContainer({id: 'n1', name: 'new-a'})]});
		expect(fresh.containers?.map(c => c.name)).toEqual(['new-a']);
	});
});

describe('gatedStore', () => {
	it('passes dispatches through until closed, then drops them (late replies of an old Engine)', () => {
		const store = createStore(initialState({host}));
		const gate = gatedStore(store);
		gate.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'a'})]});
		expect(gate.getState().containers).toHaveLength(1);
		gate.close();
		gate.dispatch({type: 'containers/loaded', containers: []});
		expect(store.getState().containers).toHaveLength(1);
		const next = gatedStore(store);
		next.dispatch({type: 'containers/loaded', containers: []});
		expect(store.getState().containers).toEqual([]);
	});
});

describe('switcherRows', () => {
	const entries: SwitchEntry[] = [
		{id: 'context:prod', kind: 'context', name: 'prod', endpoint: 'ssh://me@prod', from: 'context', current: true},
		{id: 'host:tcp://h:2375', kind: 'host', name: 'tcp://h:2375', endpoint: 'tcp://h:2375', from: '--host history', inUse: true},
		{id: 'default', kind: 'default', name: 'default', endpoint: host, from: 'local socket'},
	];

	it('marks the Engine in use with *, names the current context, shows a host once', () => {
		expect(switcherRows(entries, 200)).toEqual([
			'  prod                    ssh://me@prod                context, current',
			'* tcp://h:2375                                         --host history, in use',
			`  default (local socket)  ${host}  local socket`,
		]);
	});

	it('never runs past the width, and makes control characters harmless', () => {
		for (const row of switcherRows([{...entries[0]!, name: 'evil\u001B[2Jname'}], 30)) {
			expect(row.length).toBeLessThanOrEqual(30);
			expect(row).not.toContain('\u001B');
		}
	});
});
