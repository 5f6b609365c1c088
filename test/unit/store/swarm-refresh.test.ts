import {describe, expect, test} from 'vitest';
import type {SwarmService} from '../../../source/core/swarm.js';
import {replicasCell} from '../../../source/render/swarm-lists.js';
import {isConverging, swarmEventTarget, swarmRefreshDelay} from '../../../source/store/swarm-refresh.js';

const service = (overrides: Partial<SwarmService>): SwarmService => ({
	id: 's', name: 'web', mode: 'replicated', running: 2, desired: 2, image: 'busybox', ports: [], created: 0, updated: 0, version: 1, labels: {}, ...overrides,
});

describe('swarm refresh', () => {
	test.each([
		['service', 'services'],
		['node', 'nodes'],
		['container', undefined],
		['network', undefined],
	])('a %s event refreshes %s', (type, target) => {
		expect(swarmEventTarget({type, action: 'update', id: 'x', time: 0, attributes: {}})).toBe(target);
	});

	test.each([
		[{}, false],
		[{running: 1}, true],
		[{running: 3}, true],
		[{update: {state: 'updating', message: ''}}, true],
		[{update: {state: 'rolling back', message: ''}}, true],
		[{update: {state: 'paused', message: ''}}, false],
		[{update: {state: 'rolled back', message: ''}}, false],
	] as Array<[Partial<SwarmService>, boolean]>)('isConverging(%j) is %s', (overrides, converging) => {
		expect(isConverging(service(overrides))).toBe(converging);
	});

	test('lists again soon while a service converges, slowly when all are settled', () => {
		expect(swarmRefreshDelay([service({}), service({running: 0})])).toBe(1000);
		expect(swarmRefreshDelay([service({})])).toBe(10_000);
		expect(swarmRefreshDelay([], {settled: 5000})).toBe(5000);
	});

	test.each([
		[2, 3, '2/3', true],
		[3, 3, '3/3', false],
		[4, 3, '4/3', false],
	])('replicasCell(%i, %i)', (running, desired, text, short) => {
		expect(replicasCell({running, desired})).toEqual({text, short});
	});
});
