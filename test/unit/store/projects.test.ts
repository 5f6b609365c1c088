import {describe, expect, it} from 'vitest';
import {projectRows, projectTargets, projectToggleVerb} from '../../../source/store/projects.js';
import {makeContainer} from '../fixtures.js';

const compose = (project: string, service: string, extra: Record<string, string> = {}) => ({
	'com.docker.compose.project': project,
	'com.docker.compose.service': service,
	'com.docker.compose.project.working_dir': `/srv/${project}`,
	'com.docker.compose.project.config_files': `/srv/${project}/compose.yaml,/srv/${project}/compose.override.yaml`,
	...extra,
});

const containers = [
	makeContainer({id: 'w2', name: 'shop-web-2', labels: compose('shop', 'web')}),
	makeContainer({id: 'db', name: 'shop-db-1', labels: compose('shop', 'db'), state: 'exited'}),
	makeContainer({id: 'w1', name: 'shop-web-1', labels: compose('shop', 'web')}),
	makeContainer({id: 'b1', name: 'blog-app-1', labels: compose('blog', 'app'), state: 'exited'}),
	makeContainer({id: 'lone', name: 'lone'}),
];

describe('projectRows', () => {
	const stats = {
		w1: {cpuPercent: 12.5, memoryBytes: 100, memoryLimitBytes: 1000},
		w2: {memoryBytes: 50, memoryLimitBytes: 1000},
		// A stale sample of a stopped container does not count.
		db: {cpuPercent: 99, memoryBytes: 999, memoryLimitBytes: 1000},
	};

	it('groups by the project label, sorted by name, and leaves out containers of no project', () => {
		const rows = projectRows(containers, stats);
		expect(rows.map(row => row.name)).toEqual(['blog', 'shop']);
		expect(rows[1]).toEqual({
			name: 'shop',
			running: 2,
			total: 3,
			services: ['db', 'web'],
			workingDir: '/srv/shop',
			configFiles: ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml'],
			cpuPercent: 12.5,
			memoryBytes: 150,
			containers: [
				{id: 'db', name: 'shop-db-1', running: false},
				{id: 'w1', name: 'shop-web-1', running: true},
				{id: 'w2', name: 'shop-web-2', running: true},
			],
		});
	});

	it('has no CPU or memory while no running container has a sample', () => {
		const [blog] = projectRows(containers, stats);
		expect(blog).toMatchObject({name: 'blog', running: 0, total: 1});
		expect(blog).not.toHaveProperty('cpuPercent');
		expect(blog).not.toHaveProperty('memoryBytes');
		expect(projectRows([makeContainer({id: 'x', labels: {'com.docker.compose.project': 'bare'}})])[0]).toEqual({name: 'bare', running: 1, total: 1, services: [], configFiles: [], containers: [{id: 'x', name: 'x', running: true}]});
	});
});

describe('project verbs', () => {
	const [blog, shop] = projectRows(containers);
	it('s stops a project while anything runs, else starts it', () => {
		expect(projectToggleVerb(shop!)).toBe('stop');
		expect(projectToggleVerb(blog!)).toBe('start');
	});

	it('acts on the containers the verb concerns, in service order', () => {
		expect(projectTargets(shop!, 'stop').map(t => t.id)).toEqual(['w1', 'w2']);
		expect(projectTargets(shop!, 'start').map(t => t.id)).toEqual(['db']);
		expect(projectTargets(shop!, 'restart').map(t => t.id)).toEqual(['db', 'w1', 'w2']);
		expect(projectTargets(shop!, 'remove')).toEqual([{id: 'db', name: 'shop-db-1'}, {id: 'w1', name: 'shop-web-1'}, {id: 'w2', name: 'shop-web-2'}]);
	});
});
