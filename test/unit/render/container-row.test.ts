import {describe, expect, it} from 'vitest';
import {containerCells, containerColumns} from '../../../source/render/container-row.js';
import type {ContainerStats} from '../../../source/core/types.js';
import {makeContainer} from '../fixtures.js';

const stats: ContainerStats = {cpuPercent: 12.345, memoryBytes: 256 * 1024 * 1024, memoryLimitBytes: 2 * 1024 ** 3};

describe('containerCells', () => {
	it('formats a running container with stats', () => {
		const container = makeContainer({
			id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
			name: 'web',
			image: 'nginx:1.27',
			status: 'Up 2 hours (healthy)',
			health: 'healthy',
			ports: [{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'}],
			project: 'shop',
		});
		expect(containerCells(container, stats, undefined)).toEqual({
			name: 'web',
			image: 'nginx:1.27',
			state: 'running',
			status: 'up 2h healthy',
			cpu: '12.3%',
			memory: '256M',
			ports: '8080->80/tcp',
			project: 'shop',
		});
	});

	it('has one cell for every column', () => {
		const cells = containerCells(makeContainer({id: 'x'}), undefined, undefined);
		expect(Object.keys(cells).sort()).toEqual(containerColumns.map(c => c.id).sort());
	});

	it.each([
		['running without stats yet', makeContainer({id: 'a'}), undefined, {cpu: '', memory: ''}],
		['running, first sample without CPU', makeContainer({id: 'a'}), {memoryBytes: 1536, memoryLimitBytes: 0}, {cpu: '-', memory: '1.5K'}],
		['exited with stale stats', makeContainer({id: 'a', state: 'exited'}), stats, {cpu: '', memory: ''}],
		['paused with stats', makeContainer({id: 'a', state: 'paused', status: 'Up 3 days (Paused)'}), stats, {cpu: '', memory: '', status: 'up 3d'}],
	])('%s', (_name, container, sample, expected) => {
		expect(containerCells(container, sample, undefined)).toMatchObject(expected);
	});

	it('shows the pending label in place of the state', () => {
		const cells = containerCells(makeContainer({id: 'a'}), stats, 'stopping…');
		expect(cells.state).toBe('stopping…');
		expect(containerCells(makeContainer({id: 'a', state: 'exited'}), undefined, undefined).state).toBe('exited');
	});

	it('leaves the project empty when there is none', () => {
		expect(containerCells(makeContainer({id: 'a'}), undefined, undefined).project).toBe('');
	});

	it('sanitises every text that comes from the Engine', () => {
		const container = makeContainer({
			id: 'evil',
			name: 'x\u001B]0;pwned\u0007y',
			image: 'img\u001B[2J',
			status: 'Up 3 minutes\u001B[?1049h',
			project: 'p\nq',
		});
		const cells = containerCells(container, undefined, undefined);
		expect(cells.name).toBe('xy');
		expect(cells.image).toBe('img');
		expect(cells.project).toBe('p q');
		// eslint-disable-next-line no-control-regex
		expect(Object.values(cells).join('')).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
	});
});
