import {describe, expect, it} from 'vitest';
import type {Action, ScrollTarget} from '../../../source/store/actions.js';
import {reducer} from '../../../source/store/reducer.js';
import {pageSize, visibleRows} from '../../../source/store/scroll-reducer.js';
import {logHeight} from '../../../source/store/log-selectors.js';
import {tableHeight} from '../../../source/store/selectors.js';
import {type AppState, initialState} from '../../../source/store/state.js';
import {makeContainer} from '../fixtures.js';
import {makeTask} from '../swarm-fixtures.js';

// Issue 14 item 2: one scroll action for every target, one page rule (what the target shows, less one).
const run = (state: AppState, ...actions: Action[]): AppState => actions.reduce(reducer, state);
const scroll = (target: ScrollTarget, by: number | 'top' | 'bottom', unit?: 'page'): Action => ({type: 'scroll', target, by, ...(unit ? {unit} : {})});
const lines = (count: number) => Array.from({length: count}, (_, i) => `line ${i}`);
const containers = Array.from({length: 60}, (_, i) => makeContainer({id: `id${String(i).padStart(3, '0')}`, name: `c-${String(i).padStart(3, '0')}`}));

function base(rows = 24): AppState {
	return run(initialState({host: 'unix:///x.sock', rows, columns: 100}), {type: 'containers/loaded', containers});
}

const withLogs = (state = base()) => run(state,
	{type: 'logs/open', containerId: 'id000', name: 'c-000'},
	{type: 'logs/append', containerId: 'id000', lines: lines(200).map(text => ({stream: 'stdout', text}))});
const withDetail = (state = base()) => run(state,
	{type: 'detail/open', kind: 'inspect', containerId: 'id000', name: 'c-000'},
	{type: 'detail/loaded', containerId: 'id000', patch: {inspect: lines(100)}});
const withPage = (state = base()) => run(state, {type: 'overlay/page', page: {title: 't', lines: lines(100), scroll: 0}});
const withOutput = (state = base()) => run(state,
	{type: 'output/open', id: 1, target: {id: 'id000', name: 'c-000'}, command: 'ls'},
	{type: 'output/append', id: 1, lines: lines(100).map(text => ({text}))});
const withHelp = (state = base()) => run(state, {type: 'overlay/help'});
const withSwitcher = (state = base()) => run(state, {type: 'switcher/open', entries: ['a', 'b', 'c', 'd'].map(name => ({id: `context:${name}`, kind: 'context' as const, name, endpoint: name, from: 'context'}))});
const withTasks = (state = base()) => run(state,
	{type: 'swarm/role', role: {kind: 'manager', nodeId: 'n1'}},
	{type: 'swarm/tasks/open', serviceId: 's1', name: 'web'},
	{type: 'swarm/tasks', serviceId: 's1', tasks: Array.from({length: 100}, (_, i) => makeTask({id: `t${i}`, slot: i + 1}))});
const withConfirm = (state = base()) => run(state, {type: 'overlay/confirm', request: {action: 'remove', targets: containers.map(c => ({id: c.id, name: c.name}))}});

/** The position each target scrolls, read back from the state. */
const position: Record<ScrollTarget, (state: AppState) => number | undefined> = {
	list: s => s.ui.cursor,
	logs: s => s.logs && s.logs.lines.findIndex(line => line.seq === s.logs!.anchor),
	detail: s => s.detail?.scroll,
	page: s => (s.ui.overlay?.kind === 'page' ? s.ui.overlay.scroll : undefined),
	output: s => (s.ui.overlay?.kind === 'output' ? s.ui.overlay.output.scrollTop : undefined),
	help: s => (s.ui.overlay?.kind === 'help' ? s.ui.overlay.scroll ?? 0 : undefined),
	switcher: s => (s.ui.overlay?.kind === 'switcher' ? s.ui.overlay.switcher.cursor : undefined),
	confirm: s => (s.ui.overlay?.kind === 'confirm' ? s.ui.overlay.scroll ?? 0 : undefined),
	tasks: s => s.swarm?.tasks?.scroll,
};

/** Each target open, scrolled to its top (the logs and the output follow their newest line first). */
const opened: Record<ScrollTarget, () => AppState> = {
	list: () => base(),
	logs: () => run(withLogs(), scroll('logs', 'top')),
	detail: () => withDetail(),
	page: () => withPage(),
	output: () => run(withOutput(), scroll('output', 'top')),
	help: () => withHelp(),
	switcher: () => run(withSwitcher(), scroll('switcher', 'top')),
	confirm: () => withConfirm(),
	tasks: () => withTasks(),
};

const targets = Object.keys(opened) as ScrollTarget[];

describe('the scroll action', () => {
	it.each(targets)('%s: one row down, then one up, and never above the top', target => {
		const top = opened[target]();
		expect(position[target](top)).toBe(0);
		expect(position[target](run(top, scroll(target, 1)))).toBe(1);
		expect(position[target](run(top, scroll(target, 1), scroll(target, -1)))).toBe(0);
		expect(position[target](run(top, scroll(target, -5)))).toBe(0);
		expect(position[target](run(top, scroll(target, 2), scroll(target, 'top')))).toBe(0);
	});

	it.each(targets.filter(t => t !== 'switcher' && t !== 'help'))('%s: a page is what it shows less one line', target => {
		const top = opened[target]();
		const page = pageSize(top, target);
		expect(page).toBe(visibleRows(top, target) - 1);
		expect(position[target](run(top, scroll(target, 1, 'page')))).toBe(page);
		expect(position[target](run(top, scroll(target, 1, 'page'), scroll(target, -1, 'page')))).toBe(0);
	});

	it('the help overlay pages by its room less one (the overlay clamps what it draws)', () => {
		const help = withHelp();
		expect(pageSize(help, 'help')).toBe(tableHeight(help) - 2);
		expect(position.help(run(help, scroll('help', 1, 'page')))).toBe(tableHeight(help) - 2);
	});

	it('the switcher moves its cursor and stops at its last entry', () => {
		const switcher = opened.switcher();
		expect(position.switcher(run(switcher, scroll('switcher', 'bottom')))).toBe(3);
		expect(position.switcher(run(switcher, scroll('switcher', 10)))).toBe(3);
	});

	it.each<[ScrollTarget, number]>([['list', 59], ['detail', 100 - tableHeight(base())], ['page', 99], ['output', 100 - tableHeight(base())]])('%s: bottom is %i and past it stays there', (target, bottom) => {
		const top = opened[target]();
		expect(position[target](run(top, scroll(target, 'bottom')))).toBe(bottom);
		expect(position[target](run(top, scroll(target, 'bottom'), scroll(target, 1)))).toBe(bottom);
		expect(position[target](run(top, scroll(target, 10_000)))).toBe(bottom);
	});

	it('confirm: the last page is full, so bottom shows the last rows', () => {
		const dialog = withConfirm();
		const bottom = run(dialog, scroll('confirm', 'bottom'));
		expect(position.confirm(bottom)).toBe(60 - visibleRows(dialog, 'confirm'));
	});

	it('logs: up pauses follow, bottom follows again, a page is the log height less one', () => {
		const logs = withLogs();
		expect(logs.logs?.follow).toBe(true);
		const up = run(logs, scroll('logs', -1));
		expect(up.logs?.follow).toBe(false);
		expect(pageSize(logs, 'logs')).toBe(logHeight(logs) - 1);
		expect(run(up, scroll('logs', 'bottom')).logs).toMatchObject({follow: true, unread: 0});
		// Down while following changes nothing, and does not pause.
		expect(run(logs, scroll('logs', 1))).toBe(logs);
	});

	it('output: reading back pauses it, its last line follows again', () => {
		const output = withOutput();
		const up = run(output, scroll('output', -3));
		expect(up.ui.overlay?.kind === 'output' && up.ui.overlay.output.follow).toBe(false);
		const down = run(up, scroll('output', 'bottom'));
		expect(down.ui.overlay?.kind === 'output' && down.ui.overlay.output.follow).toBe(true);
	});

	it.each(targets.filter(t => t !== 'list'))('%s: nothing happens when it is not open', target => {
		const state = base();
		expect(run(state, scroll(target, 1))).toBe(state);
	});

	it.each(targets)('%s: a page is at least one row, however small the terminal', target => {
		expect(pageSize(base(3), target)).toBeGreaterThanOrEqual(1);
	});
});
