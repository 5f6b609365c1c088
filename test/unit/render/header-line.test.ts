import {describe, expect, it} from 'vitest';
import {type HeaderInput, headerLine} from '../../../source/render/header-line.js';
import {plainText} from '../../../source/render/styled-line.js';
import {makeTheme} from '../../../source/render/theme.js';
import {paneTabs} from '../../../source/store/list-panes.js';

const input = (columns: number, host = 'unix:///var/run/docker.sock'): HeaderInput => ({
	host, origin: 'via DOCKER_HOST', version: '20.10.24', status: 'connected', pane: 'containers', tabs: paneTabs,
	counts: {running: 12, paused: 0, stopped: 3, total: 15}, readOnly: false, columns, theme: makeTheme('dark'),
});

const text = (header: HeaderInput) => plainText(headerLine(header));

describe('headerLine', () => {
	it('shows everything when there is room', () => {
		const line = text(input(170));
		expect(line).toContain(' 2 Images ');
		expect(line).toContain(' 5 Projects ');
		expect(line).toContain('unix:///var/run/docker.sock via DOCKER_HOST, Engine 20.10.24');
		expect(line.length).toBeLessThanOrEqual(170);
	});

	// Issue 12: at 120 columns the address was cut while the tabs kept their names.
	it('keeps the address whole at 120 columns: the other panes\' names give way first', () => {
		const line = text(input(120, 'unix:///tmp/tsdtop-engine-a-long-folder/docker.sock'));
		expect(line).toContain('unix:///tmp/tsdtop-engine-a-long-folder/docker.sock');
		expect(line).toContain(' 1 Containers ');
		expect(line).toContain('12 running, 3 stopped, 15 total');
		expect(line.length).toBeLessThanOrEqual(120);
	});

	it.each([
		[200, 'via DOCKER_HOST, Engine 20.10.24', ' 2 Images '],
		[150, 'via DOCKER_HOST, Engine 20.10.24', ' 2 3 4 5  '],
		[135, 'via DOCKER_HOST', ' 2 3 4 5  '],
		[120, '', ' 2 3 4 5  '],
	])('at %i columns: the whole address, then "%s"', (columns, after, tabs) => {
		const host = 'unix:///tmp/tsdtop-engine-a-long-folder/docker.sock';
		const line = text(input(columns, host));
		expect(line).toContain(tabs);
		expect(line.endsWith(`  ${host}${after ? ` ${after}` : ''}`)).toBe(true);
		expect(line.length).toBeLessThanOrEqual(columns);
	});

	it('cuts the address last, when nothing else is left to give', () => {
		const line = text(input(90, 'unix:///tmp/tsdtop-engine-a-long-folder/docker.sock'));
		expect(line).toContain('12 running');
		expect(line).toMatch(/unix:\/\/\/tmp\S*~$/);
		expect(line.length).toBe(90);
	});
});
