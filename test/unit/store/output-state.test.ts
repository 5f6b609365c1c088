import {describe, expect, it} from 'vitest';
import type {Action} from '../../../source/store/actions.js';
import {maxOutputLines, reducer} from '../../../source/store/reducer.js';
import {outputTop, tableHeight} from '../../../source/store/selectors.js';
import {type AppState, type CommandOutput, initialState, type Target} from '../../../source/store/state.js';
import {makeContainer} from '../fixtures.js';

const target: Target = {id: 'c1', name: 'web', state: 'running'};
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const base = () => run(initialState({host: 'x', rows: 24}), {type: 'containers/loaded', containers: [makeContainer({id: 'c1', name: 'web'}), makeContainer({id: 'c2', name: 'db'})]});
const lines = (from: number, count: number) => Array.from({length: count}, (_, i) => ({text: `line ${from + i}`}));

function output(state: AppState): CommandOutput {
	const {overlay} = state.ui;
	if (overlay?.kind !== 'output') {
		throw new Error('no output overlay');
	}

	return overlay.output;
}

describe('the prompt of E', () => {
	it('opens for a container, is edited like the filter, and closes', () => {
		let state = run(base(), {type: 'prompt/open', target});
		expect(state.ui.prompt).toEqual({target, text: '', cursor: 0});
		state = run(state, {type: 'edit', target: 'prompt', edit: {kind: 'insert', text: 'ls -l'}}, {type: 'edit', target: 'prompt', edit: {kind: 'backspace'}});
		expect(state.ui.prompt?.text).toBe('ls -');
		expect(run(state, {type: 'prompt/close'}).ui.prompt).toBeUndefined();
	});

	it('can start from the last command, cursor at its end', () => {
		expect(run(base(), {type: 'prompt/open', target, text: 'uname -a'}).ui.prompt).toEqual({target, text: 'uname -a', cursor: 8});
	});

	it('ignores edits with no prompt open', () => {
		const state = base();
		expect(run(state, {type: 'edit', target: 'prompt', edit: {kind: 'insert', text: 'x'}})).toBe(state);
	});

	it('leaves the selection and filter alone', () => {
		const before = run(base(), {type: 'scroll', target: 'list', by: 1});
		const after = run(before, {type: 'prompt/open', target}, {type: 'prompt/close'});
		expect(after.ui.selectedId).toBe(before.ui.selectedId);
		expect(after.ui.filter).toBe(before.ui.filter);
	});
});

describe('the output of a one-off command', () => {
	it('collects lines, then the exit code', () => {
		let state = run(base(), {type: 'output/open', id: 1, target, command: 'ls'});
		expect(output(state)).toMatchObject({running: true, lines: [], follow: true});
		state = run(state, {type: 'output/append', id: 1, lines: lines(1, 3)}, {type: 'output/done', id: 1, exitCode: 2});
		expect(output(state)).toMatchObject({running: false, exitCode: 2, lines: lines(1, 3)});
	});

	it('drops output of a run that is no longer shown', () => {
		const state = run(base(), {type: 'output/open', id: 2, target, command: 'ls'});
		expect(run(state, {type: 'output/append', id: 1, lines: lines(1, 1)}, {type: 'output/done', id: 1, exitCode: 0})).toBe(state);
		expect(run(base(), {type: 'output/append', id: 2, lines: lines(1, 1)}).ui.overlay).toBeUndefined();
	});

	it('keeps the last lines only, counting those dropped', () => {
		const state = run(base(), {type: 'output/open', id: 1, target, command: 'yes'}, {type: 'output/append', id: 1, lines: lines(0, maxOutputLines + 5)});
		expect(output(state).lines).toHaveLength(maxOutputLines);
		expect(output(state).lines[0]!.text).toBe('line 5');
		expect(output(state).dropped).toBe(5);
	});

	it('follows new lines until the person scrolls up, and G follows again', () => {
		let state = run(base(), {type: 'output/open', id: 1, target, command: 'x'}, {type: 'output/append', id: 1, lines: lines(0, 100)});
		const height = tableHeight(state);
		expect(outputTop(output(state), height)).toBe(100 - height);
		state = run(state, {type: 'scroll', target: 'output', by: -10});
		expect(output(state)).toMatchObject({follow: false, scrollTop: 90 - height});
		// New lines do not move what the person reads.
		state = run(state, {type: 'output/append', id: 1, lines: lines(100, 50)});
		expect(outputTop(output(state), height)).toBe(90 - height);
		state = run(state, {type: 'scroll', target: 'output', by: Number.MAX_SAFE_INTEGER});
		expect(output(state).follow).toBe(true);
		expect(outputTop(output(state), height)).toBe(150 - height);
	});

	it('scrolls within the lines, and keeps following when they fit on screen', () => {
		let state = run(base(), {type: 'output/open', id: 1, target, command: 'x'}, {type: 'output/append', id: 1, lines: lines(0, 3)});
		state = run(state, {type: 'scroll', target: 'output', by: -5});
		expect(output(state)).toMatchObject({scrollTop: 0, follow: true});
		state = run(state, {type: 'output/append', id: 1, lines: lines(3, 200)}, {type: 'scroll', target: 'output', by: -Number.MAX_SAFE_INTEGER});
		expect(output(state)).toMatchObject({scrollTop: 0, follow: false});
	});

	it('keeps the reader\'s lines in place when old ones are dropped', () => {
		let state = run(base(), {type: 'output/open', id: 1, target, command: 'x'}, {type: 'output/append', id: 1, lines: lines(0, maxOutputLines)});
		state = run(state, {type: 'scroll', target: 'output', by: -Number.MAX_SAFE_INTEGER}, {type: 'scroll', target: 'output', by: 500});
		expect(output(state).lines[output(state).scrollTop]!.text).toBe('line 500');
		state = run(state, {type: 'output/append', id: 1, lines: lines(maxOutputLines, 100)});
		expect(output(state).lines[output(state).scrollTop]!.text).toBe('line 500');
	});

	it('closes like any overlay, and the list is as it was', () => {
		const before = run(base(), {type: 'scroll', target: 'list', by: 1});
		const after = run(before, {type: 'output/open', id: 1, target, command: 'x'}, {type: 'overlay/close'});
		expect(after.ui.overlay).toBeUndefined();
		expect(after.ui.selectedId).toBe(before.ui.selectedId);
		expect(after.ui.scrollTop).toBe(before.ui.scrollTop);
	});
});
