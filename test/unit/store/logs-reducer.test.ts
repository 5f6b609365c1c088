import {describe, expect, it} from 'vitest';
import {logHeight, searchMatches, topIndex, visibleLines} from '../../../source/store/log-selectors.js';
import type {Action} from '../../../source/store/actions.js';
import {reducer} from '../../../source/store/reducer.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import {makeContainer} from '../fixtures.js';

const lines = (from: number, to: number) => Array.from({length: to - from}, (_, i) => ({stream: 'stdout' as const, text: `line ${from + i}`}));

function setup(options: {columns?: number; capacity?: number} = {}): AppState {
	let state = initialState({host: 'h', columns: options.columns ?? 80, rows: 24, logCapacity: options.capacity ?? 1000});
	state = reducer(state, {type: 'containers/loaded', containers: [makeContainer({id: 'a', name: 'alpha'}), makeContainer({id: 'b', name: 'beta'})]});
	return reducer(state, {type: 'logs/open', containerId: 'a', name: 'alpha'});
}

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const append = (from: number, to: number, id = 'a'): Action => ({type: 'logs/append', containerId: id, lines: lines(from, to)});
const topText = (state: AppState) => visibleLines(state.logs!)[topIndex(state.logs!, logHeight(state))]?.text;

describe('the log buffer', () => {
	it('keeps at most the capacity, newest last, however much arrives', () => {
		let state = setup({capacity: 100});
		for (let i = 0; i < 50; i++) {
			state = run(state, append(i * 37, (i + 1) * 37));
		}

		expect(state.logs!.lines).toHaveLength(100);
		expect(state.logs!.lines.at(-1)!.text).toBe(`line ${(50 * 37) - 1}`);
		expect(state.logs!.lines[0]!.text).toBe(`line ${(50 * 37) - 100}`);
		// A batch bigger than the buffer keeps its tail, and sequence numbers still count every line.
		state = run(state, append(0, 250));
		expect(state.logs!.lines[0]!.text).toBe('line 150');
		expect(state.logs!.nextSeq).toBe((50 * 37) + 250);
	});

	it('ignores lines for a container the pane no longer shows', () => {
		const state = run(setup(), append(0, 5, 'b'));
		expect(state.logs!.lines).toHaveLength(0);
	});

	it('c clears the pane', () => {
		expect(run(setup(), append(0, 5), {type: 'logs/clear'}).logs!.lines).toHaveLength(0);
	});
});

describe('follow and pause', () => {
	it('follows the newest lines until scrolled up, then holds what the person reads', () => {
		let state = run(setup(), append(0, 100));
		expect(state.logs!.follow).toBe(true);
		expect(topText(state)).toBe(`line ${100 - logHeight(state)}`);
		state = run(state, {type: 'scroll', target: 'logs', by: -10});
		expect(state.logs!.follow).toBe(false);
		const reading = topText(state);
		state = run(state, append(100, 400));
		expect(topText(state)).toBe(reading);
		expect(state.logs!.unread).toBe(300);
		state = run(state, {type: 'logs/follow'});
		expect(state.logs!.follow).toBe(true);
		expect(topText(state)).toBe(`line ${400 - logHeight(state)}`);
	});

	it('paused with a full buffer, the lines read stay: older ones go first, then new ones are not kept', () => {
		let state = run(setup({capacity: 100}), append(0, 100), {type: 'scroll', target: 'logs', by: -30});
		const reading = topText(state);
		const onScreen = visibleLines(state.logs!).slice(topIndex(state.logs!, logHeight(state)), topIndex(state.logs!, logHeight(state)) + logHeight(state)).map(l => l.text);
		state = run(state, append(100, 1100));
		expect(topText(state)).toBe(reading);
		expect(visibleLines(state.logs!).slice(topIndex(state.logs!, logHeight(state)), topIndex(state.logs!, logHeight(state)) + logHeight(state)).map(l => l.text)).toEqual(onScreen);
		expect(state.logs!.lines).toHaveLength(100);
		expect(state.logs!.dropped).toBeGreaterThan(0);
		expect(state.logs!.unread).toBe(1000);
		// Following again, the newest lines come as they arrive.
		state = run(state, {type: 'logs/follow'}, append(1100, 1200));
		expect(state.logs!.dropped).toBe(0);
		expect(state.logs!.lines.at(-1)!.text).toBe('line 1199');
		expect(topText(state)).toBe(`line ${1200 - logHeight(state)}`);
	});

	it('up pauses even when every line fits on screen', () => {
		const state = run(setup(), append(0, 3), {type: 'scroll', target: 'logs', by: -1});
		expect(state.logs!.follow).toBe(false);
		expect(topText(state)).toBe('line 0');
	});

	it('down while following does not pause; g goes to the oldest line and pauses', () => {
		let state = run(setup(), append(0, 100), {type: 'scroll', target: 'logs', by: 1});
		expect(state.logs!.follow).toBe(true);
		state = run(state, {type: 'scroll', target: 'logs', by: 'top'});
		expect(state.logs!.follow).toBe(false);
		expect(topText(state)).toBe('line 0');
	});
});

describe('search and filter', () => {
	it('counts matches, jumps to the newest when following, and n / N move between them', () => {
		let state = run(setup(), append(0, 200), {type: 'logs/input', mode: 'search'});
		for (const char of '/line 1[0-9]0$/') {
			state = reducer(state, {type: 'edit', target: 'logsearch', edit: {kind: 'insert', text: char}});
		}

		state = run(state, {type: 'logs/input/close', keep: true});
		const matches = searchMatches(state.logs!);
		expect(matches).toHaveLength(10);
		expect(state.logs!.current).toBe(matches.at(-1));
		expect(state.logs!.follow).toBe(false);
		state = run(state, {type: 'logs/match', direction: -1});
		expect(state.logs!.current).toBe(matches.at(-2));
		state = run(state, {type: 'logs/match', direction: 1}, {type: 'logs/match', direction: 1});
		// Past the last match it wraps to the first.
		expect(state.logs!.current).toBe(matches[0]);
		const onScreen = visibleLines(state.logs!).slice(topIndex(state.logs!, logHeight(state)), topIndex(state.logs!, logHeight(state)) + logHeight(state));
		expect(onScreen.some(line => line.seq === state.logs!.current)).toBe(true);
	});

	it('F keeps only matching lines; an empty filter shows all again', () => {
		let state = run(setup(), append(0, 100), {type: 'logs/input', mode: 'filter'}, {type: 'edit', target: 'logsearch', edit: {kind: 'insert', text: 'line 7'}}, {type: 'logs/input/close', keep: true});
		expect(visibleLines(state.logs!).map(l => l.text)).toEqual(['line 7', ...Array.from({length: 10}, (_, i) => `line 7${i}`)]);
		state = run(state, {type: 'logs/input', mode: 'filter'}, {type: 'edit', target: 'logsearch', edit: {kind: 'clear'}}, {type: 'logs/input/close', keep: true});
		expect(visibleLines(state.logs!)).toHaveLength(100);
	});

	it('a bad regex matches nothing and does not throw', () => {
		const state = run(setup(), append(0, 10), {type: 'logs/input', mode: 'filter'}, {type: 'edit', target: 'logsearch', edit: {kind: 'insert', text: '/(/'}}, {type: 'logs/input/close', keep: true});
		expect(visibleLines(state.logs!)).toHaveLength(10);
		expect(state.logs!.filter).toBe('/(/');
	});
});

describe('side by side', () => {
	it('at 120 columns the log follows the selection; narrower it stays', () => {
		let state = run(setup({columns: 150}), append(0, 5), {type: 'scroll', target: 'list', by: 1});
		expect(state.logs!.containerId).toBe('b');
		expect(state.logs!.lines).toHaveLength(0);
		state = run(setup({columns: 100}), {type: 'scroll', target: 'list', by: 1});
		expect(state.logs!.containerId).toBe('a');
	});

	it('Tab moves focus between the list and the logs, only while the logs are open', () => {
		let state = run(setup({columns: 150}), {type: 'focus/toggle'});
		expect(state.ui.focus).toBe('list');
		state = run(state, {type: 'focus/toggle'});
		expect(state.ui.focus).toBe('logs');
		state = run(state, {type: 'logs/close'}, {type: 'focus/toggle'});
		expect(state.ui.focus).toBe('list');
	});
});
