import {describe, expect, it} from 'vitest';
import {stateColor} from '../../../source/render/state-color.js';
import type {Container} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

describe('stateColor', () => {
	it.each<[string, Partial<Container>, string | undefined]>([
		['running', {state: 'running'}, 'green'],
		['running and healthy', {state: 'running', health: 'healthy'}, 'green'],
		['running, health starting', {state: 'running', health: 'starting'}, 'green'],
		['running but unhealthy', {state: 'running', health: 'unhealthy'}, 'red'],
		['paused', {state: 'paused'}, 'yellow'],
		['restarting', {state: 'restarting'}, 'yellow'],
		['removing', {state: 'removing'}, 'yellow'],
		['dead', {state: 'dead'}, 'red'],
		['exited 0', {state: 'exited', exitCode: 0}, undefined],
		['exited without a code', {state: 'exited'}, undefined],
		['exited 1', {state: 'exited', exitCode: 1}, 'red'],
		['exited 137', {state: 'exited', exitCode: 137}, 'red'],
		['created', {state: 'created'}, 'blue'],
	])('%s', (_name, overrides, expected) => {
		expect(stateColor(makeContainer({id: 'a', ...overrides}), undefined)).toBe(expected);
	});

	it('is yellow while an action is pending, whatever the state', () => {
		for (const state of ['running', 'exited', 'dead', 'created'] as const) {
			expect(stateColor(makeContainer({id: 'a', state, exitCode: 1}), 'stopping')).toBe('yellow');
		}
	});
});
