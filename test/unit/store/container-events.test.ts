import {describe, expect, it} from 'vitest';
import {listLagMs} from '../../../source/store/container-events.js';
import {reducer} from '../../../source/store/reducer.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import type {Container, EngineEvent} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

// Issue 12 item 1: events are the truth, lists confirm them. The row changes at the event; a list
// asked for before it, or one the Engine answers late (Docker 20.10 still says "running" for ~20 ms
// after `die`), must not put the old state back.
const t0 = 1_800_000_000_000;

function event(action: string, id: string, attributes: Record<string, string> = {}): EngineEvent {
	return {type: 'container', action, id, time: t0 / 1000, attributes};
}

function start(containers: Container[]): AppState {
	return reducer(initialState({host: 'x', showAll: true}), {type: 'containers/loaded', containers});
}

const on = (state: AppState, e: EngineEvent, at = t0) => reducer(state, {type: 'containers/event', event: e, at});
const row = (state: AppState, id: string) => state.containers?.find(c => c.id === id);
const web = () => makeContainer({id: 'web', name: 'web', status: 'Up 3 minutes'});

describe('a container event changes its row at once', () => {
	it.each<[string, Record<string, string>, Partial<Container>]>([
		['die', {exitCode: '137'}, {state: 'exited', exitCode: 137, status: 'Exited (137) Less than a second ago'}],
		['die', {exitCode: '0'}, {state: 'exited', exitCode: 0}],
		['kill', {signal: '9'}, {state: 'exited', exitCode: 137}],
		['kill', {signal: 'SIGKILL'}, {state: 'exited'}],
		['stop', {}, {state: 'exited'}],
		['pause', {}, {state: 'paused', status: 'Up 3 minutes (Paused)'}],
		['rename', {name: 'web-2', oldName: '/web'}, {state: 'running', name: 'web-2'}],
	])('%s %j', (action, attributes, expected) => {
		expect(row(on(start([web()]), event(action, 'web', attributes)), 'web')).toMatchObject(expected);
	});

	it('a kill with SIGTERM (the first step of docker stop) changes nothing: the process may take its time', () => {
		const state = start([web()]);
		expect(on(state, event('kill', 'web', {signal: '15'}))).toBe(state);
	});

	it('start, restart and unpause make it running', () => {
		const stopped = start([makeContainer({id: 'web', state: 'exited', exitCode: 1})]);
		for (const action of ['start', 'restart']) {
			const next = row(on(stopped, event(action, 'web')), 'web')!;
			expect(next).toMatchObject({state: 'running', status: 'Up Less than a second'});
			expect(next).not.toHaveProperty('exitCode');
		}

		const paused = on(start([web()]), event('pause', 'web'));
		expect(row(on(paused, event('unpause', 'web')), 'web')).toMatchObject({state: 'running', status: 'Up 3 minutes'});
	});

	it('pause words the status as the Engine does: the health left out', () => {
		const healthy = start([makeContainer({id: 'web', status: 'Up 3 minutes (healthy)', health: 'healthy'})]);
		expect(row(on(healthy, event('pause', 'web')), 'web')?.status).toBe('Up 3 minutes (Paused)');
	});

	it('stop after die keeps the exit code die brought', () => {
		const state = on(on(start([web()]), event('die', 'web', {exitCode: '143'})), event('stop', 'web'));
		expect(row(state, 'web')).toMatchObject({state: 'exited', exitCode: 143});
	});

	it('destroy removes the row, its stats and its mark in the list', () => {
		let state = start([web(), makeContainer({id: 'db'})]);
		state = reducer(state, {type: 'stats/loaded', stats: {web: {memoryBytes: 1, memoryLimitBytes: 2}}});
		state = on(state, event('destroy', 'web'));
		expect(state.containers?.map(c => c.id)).toEqual(['db']);
		expect(state.stats).toEqual({});
	});

	it('health_status sets the health and the status text', () => {
		const healthy = on(start([makeContainer({id: 'web', status: 'Up 3 minutes (health: starting)', health: 'starting'})]), event('health_status: healthy', 'web'));
		expect(row(healthy, 'web')).toMatchObject({health: 'healthy', status: 'Up 3 minutes (healthy)'});
	});

	it('create adds a created row from the event\'s attributes, labels included', () => {
		const state = on(start([]), event('create', 'new', {name: 'job', image: 'busybox', 'com.docker.compose.project': 'shop'}));
		expect(row(state, 'new')).toMatchObject({name: 'job', image: 'busybox', state: 'created', project: 'shop', labels: {'com.docker.compose.project': 'shop'}});
	});

	it('exec_* and other noise change nothing, not even the marks', () => {
		const state = start([web()]);
		expect(on(state, event('exec_start: sh', 'web'))).toBe(state);
		expect(on(state, event('oom', 'web'))).toBe(state);
	});
});

describe('a list does not undo an event it had not seen', () => {
	const running = () => [web()];

	it('a list asked for before die still says running: the row stays exited (the bug: 8-10 s of "running")', () => {
		let state = start(running());
		const requested = {seq: state.eventMarks.seq, at: t0};
		state = on(state, event('die', 'web', {exitCode: '137'}), t0 + 40);
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested});
		expect(row(state, 'web')).toMatchObject({state: 'exited', exitCode: 137});
		expect(Object.keys(state.eventMarks.byId)).toEqual(['web']);
	});

	it('a list asked for just after die that still says running (the Engine lags) loses too', () => {
		let state = on(start(running()), event('die', 'web', {exitCode: '137'}), t0);
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested: {seq: state.eventMarks.seq, at: t0 + 10}});
		expect(row(state, 'web')?.state).toBe('exited');
	});

	it('a list that agrees confirms the row and clears the mark; its status text is taken', () => {
		let state = on(start(running()), event('die', 'web', {exitCode: '137'}), t0);
		const exited = makeContainer({id: 'web', name: 'web', state: 'exited', status: 'Exited (137) 1 second ago', exitCode: 137});
		state = reducer(state, {type: 'containers/loaded', containers: [exited], requested: {seq: state.eventMarks.seq, at: t0 + 50}});
		expect(row(state, 'web')).toEqual(exited);
		expect(state.eventMarks.byId).toEqual({});
	});

	it(`a list that still disagrees ${listLagMs} ms after the event wins: it was a change the events missed`, () => {
		let state = on(start(running()), event('die', 'web', {exitCode: '137'}), t0);
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested: {seq: state.eventMarks.seq, at: t0 + listLagMs}});
		expect(row(state, 'web')?.state).toBe('running');
		expect(state.eventMarks.byId).toEqual({});
	});

	it('the list\'s other fields are taken while the event\'s stay', () => {
		let state = on(start(running()), event('pause', 'web'), t0);
		const listed = makeContainer({id: 'web', name: 'web', status: 'Up 4 minutes', ports: [{privatePort: 80, protocol: 'tcp'}]});
		state = reducer(state, {type: 'containers/loaded', containers: [listed], requested: {seq: state.eventMarks.seq - 1, at: t0 - 5}});
		expect(row(state, 'web')).toMatchObject({state: 'paused', status: 'Up 3 minutes (Paused)', ports: [{privatePort: 80, protocol: 'tcp'}]});
	});

	it('a removed container does not come back with a late list, and a list without it clears the mark', () => {
		let state = on(start(running()), event('destroy', 'web'), t0);
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested: {seq: state.eventMarks.seq - 1, at: t0 - 5}});
		expect(state.containers).toEqual([]);
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested: {seq: state.eventMarks.seq, at: t0 + 5}});
		expect(state.containers).toEqual([]);
		state = reducer(state, {type: 'containers/loaded', containers: [], requested: {seq: state.eventMarks.seq, at: t0 + 100}});
		expect(state.eventMarks.byId).toEqual({});
	});

	it('a container created after the list was asked for stays until a list shows it', () => {
		let state = on(start(running()), event('create', 'new', {name: 'job', image: 'busybox'}), t0);
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested: {seq: state.eventMarks.seq - 1, at: t0 - 5}});
		expect(state.containers?.map(c => c.id)).toEqual(['web', 'new']);
		// A list asked for after the create that does not have it: it was removed meanwhile.
		state = reducer(state, {type: 'containers/loaded', containers: running(), requested: {seq: state.eventMarks.seq, at: t0 + 5}});
		expect(state.containers?.map(c => c.id)).toEqual(['web']);
	});

	it('a list without a request time (the first at start) replaces everything', () => {
		let state = on(start(running()), event('die', 'web', {exitCode: '1'}), t0);
		state = reducer(state, {type: 'containers/loaded', containers: running()});
		expect(row(state, 'web')?.state).toBe('running');
		expect(state.eventMarks.byId).toEqual({});
	});

	it('restarting (a restart policy) agrees with die', () => {
		let state = on(start(running()), event('die', 'web', {exitCode: '1'}), t0);
		const restarting = makeContainer({id: 'web', name: 'web', state: 'restarting', status: 'Restarting (1) 1 second ago'});
		state = reducer(state, {type: 'containers/loaded', containers: [restarting], requested: {seq: state.eventMarks.seq, at: t0 + 5}});
		expect(row(state, 'web')?.state).toBe('restarting');
	});
});

describe('tsdtop\'s own action, once it returns, is the row', () => {
	it.each<[Parameters<typeof reducer>[1] & {type: 'containers/acted'}, Partial<Container> | undefined]>([
		[{type: 'containers/acted', id: 'web', verb: 'stop', at: t0}, {state: 'exited'}],
		[{type: 'containers/acted', id: 'web', verb: 'kill', at: t0}, {state: 'exited', exitCode: 137}],
		[{type: 'containers/acted', id: 'web', verb: 'pause', at: t0}, {state: 'paused'}],
		[{type: 'containers/acted', id: 'web', verb: 'restart', at: t0}, {state: 'running'}],
		[{type: 'containers/acted', id: 'web', verb: 'rename', name: 'api', at: t0}, {name: 'api'}],
		[{type: 'containers/acted', id: 'web', verb: 'remove', at: t0}, undefined],
	])('%j', (action, expected) => {
		const state = reducer(start([web()]), action);
		if (expected) {
			expect(row(state, 'web')).toMatchObject(expected);
		} else {
			expect(row(state, 'web')).toBeUndefined();
		}

		// And a list asked for before it returned does not undo it.
		const late = reducer(state, {type: 'containers/loaded', containers: [web()], requested: {seq: 0, at: t0 - 100}});
		expect(row(late, 'web')).toEqual(row(state, 'web'));
	});

	it('start on a stopped row', () => {
		const state = reducer(start([makeContainer({id: 'web', state: 'exited'})]), {type: 'containers/acted', id: 'web', verb: 'start', at: t0});
		expect(row(state, 'web')?.state).toBe('running');
	});
});

describe('an Engine switch', () => {
	it('forgets the old Engine\'s marks', () => {
		const state = reducer(on(start([web()]), event('die', 'web')), {type: 'engine/switched', host: 'y'});
		expect(state.eventMarks.byId).toEqual({});
	});
});
