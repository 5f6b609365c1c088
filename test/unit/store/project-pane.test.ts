import {describe, expect, it} from 'vitest';
import {projectList} from '../../../source/render/project-list.js';
import {projectRows} from '../../../source/store/projects.js';
import {reducer} from '../../../source/store/reducer.js';
import {selectList} from '../../../source/store/list-selectors.js';
import {initialState, type AppState} from '../../../source/store/state.js';
import {selectProjects} from '../../../source/store/project-selectors.js';
import {projectStatsWanted} from '../../../source/store/project-stats.js';
import {statsWanted} from '../../../source/store/stats-watcher.js';
import {describeConfirm} from '../../../source/render/confirm-text.js';
import {tableHeight} from '../../../source/store/selectors.js';
import {makeContainer} from '../fixtures.js';

const compose = (project: string, service: string) => ({
	'com.docker.compose.project': project,
	'com.docker.compose.service': service,
	'com.docker.compose.project.working_dir': `/srv/${project}`,
	'com.docker.compose.project.config_files': `/srv/${project}/compose.yaml,/srv/${project}/extra.yaml`,
});

const containers = [
	makeContainer({id: 'w1', name: 'shop-web-1', labels: compose('shop', 'web')}),
	makeContainer({id: 'db', name: 'shop-db-1', labels: compose('shop', 'db'), state: 'exited'}),
	makeContainer({id: 'b1', name: 'blog-app-1', labels: compose('blog', 'app')}),
	makeContainer({id: 'lone', name: 'lone'}),
];

function loaded(): AppState {
	let state = reducer(initialState({host: 'unix:///x.sock', columns: 100, rows: 30}), {type: 'containers/loaded', containers});
	state = reducer(state, {type: 'engine/connected', info: {host: 'unix:///x.sock'}});
	return reducer(state, {type: 'pane/select', pane: 'projects'});
}

describe('the Projects descriptor', () => {
	const [blog, shop] = projectRows(containers, {w1: {cpuPercent: 3.25, memoryBytes: 2048, memoryLimitBytes: 1 << 30}});

	it.each([
		['name', 'shop'], ['running', '1/2'], ['services', 'db,web'], ['cpu', '3.3%'], ['memory', '2.0K'], ['dir', '/srv/shop'], ['files', 'compose.yaml,extra.yaml'],
	])('shows %s as %s', (column, text) => {
		expect(projectList.cells(shop!, undefined)[column]?.text).toBe(text);
	});

	it('says - where no sample exists, and tones the running count', () => {
		const cells = projectList.cells(blog!, undefined);
		expect(cells['cpu']?.text).toBe('-');
		expect(cells['memory']?.text).toBe('-');
		expect(cells['running']).toEqual({text: '1/1', tone: 'good'});
		expect(projectList.cells(shop!, undefined)['running']?.tone).toBe('warn');
	});

	it('sanitises what labels say (anyone creating a container sets them)', () => {
		const [row] = projectRows([makeContainer({id: 'x', labels: {...compose('ev\u001B[31mil', 'a\u0007b'), 'com.docker.compose.project.working_dir': '/srv/\u001B]0;title\u0007x'}})]);
		const cells = projectList.cells(row!, undefined);
		for (const cell of Object.values(cells)) {
			// eslint-disable-next-line no-control-regex
			expect(cell.text).not.toMatch(/[\u0000-\u001F\u007F]/);
		}
	});

	it('filters by name, service and directory; sorts by running count', () => {
		const state = loaded();
		expect(selectList(state, 'projects').keys).toEqual(['blog', 'shop']);
		const typed = reducer(reducer(state, {type: 'filter/open'}), {type: 'edit', target: 'filter', edit: {kind: 'insert', text: 'db'}});
		expect(selectList(typed, 'projects').keys).toEqual(['shop']);
		expect(projectList.sortValue(shop!, 'running', undefined)).toBe(1);
	});
});

describe('the Projects pane in the state', () => {
	it('lists compose projects only, and the same rows until containers or stats change', () => {
		const state = loaded();
		const rows = selectProjects(state);
		expect(rows?.map(r => r.name)).toEqual(['blog', 'shop']);
		expect(selectProjects({...state})).toBe(rows);
		expect(selectProjects(reducer(state, {type: 'stats/loaded', stats: {w1: {memoryBytes: 1, memoryLimitBytes: 2}}}))).not.toBe(rows);
	});

	it('has no disk usage line: its table is as tall as the Containers one', () => {
		const state = loaded();
		expect(tableHeight(state)).toBe(tableHeight(reducer(state, {type: 'pane/select', pane: 'containers'})));
		expect(tableHeight(reducer(state, {type: 'pane/select', pane: 'images'}))).toBe(tableHeight(state) - 1);
	});

	it('Enter narrows the Containers pane to the project (stopped ones shown); Esc comes back where it was', () => {
		const state = loaded();
		const opened = reducer(state, {type: 'projects/open', project: 'shop'});
		expect(opened.ui).toMatchObject({pane: 'containers', project: 'shop', showAll: true});
		expect(selectList(opened, 'containers').keys.slice().sort()).toEqual(['db', 'w1']);
		const back = reducer(opened, {type: 'projects/leave'});
		expect(back.ui.pane).toBe('projects');
		expect(back.ui.parked.containers?.project).toBeUndefined();
		expect(selectList(reducer(back, {type: 'pane/select', pane: 'containers'}), 'containers').keys).toHaveLength(4);
	});

	it('wants the stats of the running containers of the projects on screen, on pane 5 only', () => {
		const state = loaded();
		expect([...projectStatsWanted(state)].slice().sort()).toEqual(['b1', 'w1']);
		expect([...statsWanted(state)].slice().sort()).toEqual(['b1', 'w1']);
		expect(statsWanted(reducer(state, {type: 'pane/select', pane: 'images'})).size).toBe(0);
	});
});

describe('a project action\'s confirmation', () => {
	it('names every container, the project, and defaults to no (y is the only yes)', () => {
		const text = describeConfirm({action: 'project-stop', projects: ['shop'], targets: [{id: 'w1'.padEnd(64, '0'), name: 'shop-web-1', state: 'running'}, {id: 'w2'.padEnd(64, '0'), name: 'shop-web-2', state: 'running'}]});
		expect(text.title).toBe('Stop 2 containers of project shop?');
		expect(text.lines).toEqual([`shop-web-1  (running, ${'w1'.padEnd(12, '0')})`, `shop-web-2  (running, ${'w2'.padEnd(12, '0')})`]);
		expect(text.choices.map(c => c.key)).toEqual(['y']);
	});

	it('says that remove keeps the volumes, and names several projects', () => {
		const text = describeConfirm({action: 'project-remove', projects: ['shop', 'blog'], targets: [{id: 'a', name: 'a', state: 'exited'}]});
		expect(text.title).toBe('Remove 1 container of 2 projects (shop, blog)?');
		expect(text.note).toContain('volume');
	});
});

describe('--read-only on the Projects pane', () => {
	it('hides s, r and D, and keeps Enter, l, marks and the list keys', async () => {
		const {bindingsFor, paneScopes} = await import('../../../source/keys/keymap.js');
		const shown = bindingsFor(paneScopes('projects'), {readOnly: true}).map(b => b.command);
		expect(shown).toEqual(expect.arrayContaining(['project.open', 'project.logs', 'project.mark', 'filter.open', 'pane.projects']));
		for (const hidden of ['project.toggleRun', 'project.restart', 'project.remove']) {
			expect(shown).not.toContain(hidden);
		}
	});
});
