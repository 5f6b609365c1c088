import {describe, expect, it} from 'vitest';
import {logFileText} from '../../../source/actions/save-logs.js';
import {decorate, sourcePrefix} from '../../../source/render/log-layout.js';
import {mergedBatcher, singleBatcher} from '../../../source/store/log-batches.js';
import {addSources, overallStatus, sourcePrefixes, sourcesSummary} from '../../../source/store/merged-log-state.js';
import {reducer} from '../../../source/store/reducer.js';
import {initialState, type AppState} from '../../../source/store/state.js';

const open = (state: AppState): AppState => reducer(state, {
	type: 'logs/open', containerId: 'project:shop', name: 'shop',
	merged: {sources: [{id: 'w', name: 'shop-web-1'}, {id: 'd', name: 'shop-db-1'}], projects: ['shop'], returnTo: 'projects'},
});

describe('merged log state', () => {
	it('gives each container a sanitised label and a colour of its own, once', () => {
		const sources = addSources([], [{id: 'a', name: 'web'}, {id: 'b', name: 'evil\u001B[2J\u0007name'}]);
		expect(sources.map(s => [s.label, s.hue, s.status])).toEqual([['web', 0, 'connecting'], ['evilname', 1, 'connecting']]);
		expect(addSources(sources, [{id: 'a', name: 'web'}])).toBe(sources);
		expect(addSources(sources, [{id: 'c', name: 'new'}]).at(-1)).toMatchObject({id: 'c', hue: 2});
	});

	it('follows while any container does, and says which stopped', () => {
		const sources = addSources([], [{id: 'a', name: 'web'}, {id: 'b', name: 'db'}]).map(s => (s.id === 'a' ? {...s, status: 'following' as const} : {...s, status: 'stopped' as const, message: 'container stopped'}));
		expect(overallStatus(sources)).toBe('following');
		expect(sourcesSummary(sources)).toBe('2 containers: 1 following, db container stopped');
		expect(overallStatus(sources.map(s => ({...s, status: 'stopped' as const})))).toBe('stopped');
	});

	it('pads the names to one width before the bar', () => {
		const prefixes = sourcePrefixes(addSources([], [{id: 'a', name: 'web'}, {id: 'b', name: 'database'}]));
		expect(prefixes.get('a')?.text).toBe('web      |');
		expect(prefixes.get('b')?.text).toBe('database |');
	});
});

describe('the log reducer with a merged log', () => {
	it('keeps each line\'s container, per-container statuses, and joins later containers', () => {
		let state = open(initialState({host: 'h'}));
		state = reducer(state, {type: 'logs/append', containerId: 'project:shop', lines: [{stream: 'stdout', text: 'hi', time: '2026-01-01T00:00:00.1Z', source: 'w'}, {stream: 'stderr', text: 'oops', source: 'd'}]});
		expect(state.logs?.lines.map(l => [l.source, l.text, l.seq])).toEqual([['w', 'hi', 0], ['d', 'oops', 1]]);
		state = reducer(state, {type: 'logs/status', containerId: 'project:shop', source: 'w', status: 'following'});
		state = reducer(state, {type: 'logs/status', containerId: 'project:shop', source: 'd', status: 'stopped', message: 'container stopped'});
		expect(state.logs?.status).toBe('following');
		expect(state.logs?.sources?.find(s => s.id === 'd')).toMatchObject({status: 'stopped', message: 'container stopped'});
		state = reducer(state, {type: 'logs/sources/add', containerId: 'project:shop', sources: [{id: 'k', name: 'shop-worker-1'}]});
		expect(state.logs?.sources?.map(s => s.id)).toEqual(['w', 'd', 'k']);
		// Another log's news does not reach this one.
		expect(reducer(state, {type: 'logs/sources/add', containerId: 'other', sources: [{id: 'z', name: 'z'}]})).toBe(state);
	});

	it('closes back to the pane it was opened from', () => {
		let state = reducer(initialState({host: 'h'}), {type: 'pane/select', pane: 'projects'});
		state = reducer(open(state), {type: 'pane/select', pane: 'containers'});
		expect(state.logs?.returnTo).toBe('projects');
		expect(reducer(state, {type: 'logs/close'}).ui).toMatchObject({pane: 'projects', focus: 'list'});
	});

	it('stays merged while the selection moves side by side', () => {
		let state = reducer(initialState({host: 'h', columns: 150}), {type: 'containers/loaded', containers: [{id: 'w', name: 'w', image: 'i', command: '', state: 'running', status: 'Up', created: 0, ports: [], labels: {}}]});
		state = open(state);
		state = reducer(state, {type: 'scroll', target: 'list', by: 1});
		expect(state.logs?.containerId).toBe('project:shop');
	});
});

describe('log batches', () => {
	it('interleave several containers in time order once each has sent something as late', () => {
		const batcher = mergedBatcher(10_000);
		batcher.attached('a', true);
		batcher.attached('b', true);
		batcher.push('a', [{stream: 'stdout', text: 'a1', time: '2026-01-01T00:00:01Z'}, {stream: 'stdout', text: 'a3', time: '2026-01-01T00:00:03Z'}]);
		expect(batcher.take(Date.now() + 1000)).toEqual([]);
		batcher.push('b', [{stream: 'stdout', text: 'b2', time: '2026-01-01T00:00:02Z'}, {stream: 'stdout', text: 'b4', time: '2026-01-01T00:00:04Z'}]);
		expect(batcher.take(Date.now() + 1000).map(l => `${l.source}:${l.text}`)).toEqual(['a:a1', 'b:b2', 'a:a3']);
		// b's stream ended: it holds nothing back.
		batcher.attached('a', false);
		expect(batcher.take(Date.now() + 1000).map(l => l.text)).toEqual(['b4']);
	});

	it('one container: everything as it came, stdout and stderr put in time order', () => {
		const batcher = singleBatcher(() => 100);
		batcher.push('x', [{stream: 'stdout', text: 'late', time: '2026-01-01T00:00:02Z'}]);
		batcher.push('x', [{stream: 'stderr', text: 'early', time: '2026-01-01T00:00:01Z'}]);
		expect(batcher.take(0).map(l => l.text)).toEqual(['early', 'late']);
		expect(batcher.take(0)).toEqual([]);
	});
});

describe('a merged line on screen and in a file', () => {
	const prefixes = sourcePrefixes(addSources([], [{id: 'a', name: 'web'}, {id: 'b', name: 'database'}]));
	const line = {stream: 'stdout' as const, text: 'hello', seq: 0, source: 'a'};

	it('is prefixed with its container in its colour; under NO_COLOR the padded name and bar remain', () => {
		expect(decorate(line, {timestamps: false, color: true, prefix: sourcePrefix(prefixes, true)})).toBe('  \u001B[36mweb      |\u001B[39m hello');
		expect(decorate({...line, source: 'b'}, {timestamps: false, color: true, prefix: sourcePrefix(prefixes, true)})).toContain('\u001B[33mdatabase |');
		expect(decorate(line, {timestamps: false, color: false, prefix: sourcePrefix(prefixes, false)})).toBe('  web      | hello');
	});

	it('keeps the prefix in a saved file, after the time', () => {
		let state = open(initialState({host: 'h'}));
		state = reducer(state, {type: 'logs/append', containerId: 'project:shop', lines: [{stream: 'stdout', text: 'hi', time: '2026-01-01T00:00:00Z', source: 'w'}, {stream: 'stdout', text: 'yo', source: 'd'}]});
		state = reducer(state, {type: 'logs/toggle', what: 'timestamps'});
		expect(logFileText(state.logs!).text).toBe('2026-01-01T00:00:00Z shop-web-1 | hi\nshop-db-1  | yo\n');
	});
});
