import {describe, expect, it} from 'vitest';
import {containerList} from '../../../source/render/container-list.js';
import {makeContainer} from '../fixtures.js';

const texts = (cells: Readonly<Record<string, {text: string}>>) => Object.fromEntries(Object.entries(cells).map(([id, cell]) => [id, cell.text]));

// The cells are kept per container between frames; each thing they are made from must redo them.
describe('containerList.cells', () => {
	const container = makeContainer({id: 'c1', name: 'web', state: 'running'});
	const sample = {cpuPercent: 12.5, memoryBytes: 2 * 1024 * 1024, memoryLimitBytes: 0};

	it('gives the same cells for the same container, stats and pending action', () => {
		const context = {stats: {c1: sample}, pending: {}};
		const first = containerList.cells(container, context);
		expect(containerList.cells(container, {stats: {c1: sample}, pending: {}})).toBe(first);
		expect(texts(first)).toMatchObject({name: 'web', state: 'running', cpu: '12.5%'});
	});

	it('redoes the cells on a new stats sample', () => {
		containerList.cells(container, {stats: {c1: sample}, pending: {}});
		const next = containerList.cells(container, {stats: {c1: {...sample, cpuPercent: 50}}, pending: {}});
		expect(next.cpu?.text).toBe('50.0%');
		expect(containerList.cells(container, {stats: {}, pending: {}}).cpu?.text).toBe('');
	});

	it('redoes the cells when an action starts and when it ends', () => {
		const context = {stats: {c1: sample}, pending: {}};
		expect(containerList.cells(container, context).state?.text).toBe('running');
		expect(containerList.cells(container, {...context, pending: {c1: 'stopping'}}).state?.text).toBe('stopping');
		expect(containerList.cells(container, context).state?.text).toBe('running');
	});

	it('redoes the cells for a changed container (a new object from the Engine\'s list)', () => {
		const context = {stats: {}, pending: {}};
		containerList.cells(container, context);
		const renamed = {...container, name: 'api', state: 'exited' as const};
		expect(texts(containerList.cells(renamed, context))).toMatchObject({name: 'api', state: 'exited'});
	});
});
