import {containerSortValue} from '../render/container-row.js';
import type {Container} from '../core/types.js';
import {descriptors, itemsOf, selectResourceRows, sortItems} from './resource-selectors.js';
import type {AppState, CommandOutput, Sort} from './state.js';

const runningStates = new Set<Container['state']>(['running', 'restarting', 'paused', 'removing']);

export function isStopped(container: Container): boolean {
	return !runningStates.has(container.state);
}

function rank(container: Container): number {
	if (container.state === 'running' || container.state === 'restarting') {
		return 0;
	}

	return container.state === 'paused' || container.state === 'removing' ? 1 : 2;
}

// Numeric-aware, so web-2 comes before web-10 as a person expects.
const collator = new Intl.Collator('en', {numeric: true});

function compareContainers(a: Container, b: Container): number {
	return rank(a) - rank(b) || collator.compare(a.name, b.name);
}

function matches(container: Container, needle: string): boolean {
	return container.name.toLowerCase().includes(needle)
		|| container.image.toLowerCase().includes(needle)
		|| container.status.toLowerCase().includes(needle)
		|| container.state.includes(needle)
		|| (container.project?.toLowerCase().includes(needle) ?? false);
}

/** Rows of the Containers table in screen order: running first, stopped only with showAll, then the filter. */
export function visibleContainers(containers: readonly Container[], showAll: boolean, filterText: string): readonly Container[] {
	const needle = filterText.trim().toLowerCase();
	const rows = containers.filter(c => (showAll || !isStopped(c)) && (!needle || matches(c, needle)));
	return rows.sort(compareContainers);
}

type RowsMemo = {containers?: readonly Container[]; showAll: boolean; text: string; sort?: Sort; stats?: AppState['stats']; rows: readonly Container[]};
let memo: RowsMemo | undefined;

/** Memoised on its inputs: every key press asks for it, and the list only changes on refresh or filter. */
export function selectRows(state: AppState): readonly Container[] {
	const {containers} = state;
	const list = state.ui.pane === 'containers' ? state.ui : (state.ui.parked.containers ?? state.ui);
	const {showAll} = state.ui;
	const {filter, sort} = list;
	// Stats only matter when sorting by CPU or memory.
	const stats = sort && (sort.column === 'cpu' || sort.column === 'memory') ? state.stats : undefined;
	if (memo && memo.containers === containers && memo.showAll === showAll && memo.text === filter.text && memo.sort === sort && memo.stats === stats) {
		return memo.rows;
	}

	const visible = visibleContainers(containers ?? [], showAll, filter.text);
	const rows = sort ? sortItems(visible, (c, column) => containerSortValue(c, column, state.stats[c.id]), c => c.id, sort, c => c.name) : visible;
	memo = {containers, showAll, text: filter.text, sort, stats, rows};
	return rows;
}

const keysMemo = new WeakMap<readonly unknown[], readonly string[]>();

/** The keys of the focused pane's rows, in screen order: what selection and scrolling work on. */
export function selectPaneKeys(state: AppState): readonly string[] {
	const {pane} = state.ui;
	const rows: readonly unknown[] = pane === 'containers' ? selectRows(state) : selectResourceRows(state, pane);
	let keys = keysMemo.get(rows);
	if (!keys) {
		keys = pane === 'containers' ? (rows as readonly Container[]).map(c => c.id) : rows.map(item => descriptors[pane].key(item));
		keysMemo.set(rows, keys);
	}

	return keys;
}

export type Counts = {readonly running: number; readonly paused: number; readonly stopped: number; readonly total: number};
let countsMemo: {containers?: readonly Container[]; counts: Counts} | undefined;

/** Memoised, so that subscribers see the same object until the list changes. */
export function selectCounts(state: AppState): Counts {
	if (countsMemo && countsMemo.containers === state.containers) {
		return countsMemo.counts;
	}

	const all = state.containers ?? [];
	const stopped = all.filter(c => isStopped(c)).length;
	const paused = all.filter(c => c.state === 'paused').length;
	countsMemo = {containers: state.containers, counts: {running: all.length - stopped - paused, paused, stopped, total: all.length}};
	return countsMemo.counts;
}

/** Lines around the table: header, column titles, status bar, footer, and the filter line when shown. */
export function tableHeight(state: AppState): number {
	const filterLine = state.ui.filter.open || state.ui.filter.text ? 1 : 0;
	// The resource panes show a line of `docker system df` figures above their table.
	const diskLine = state.ui.pane === 'containers' ? 0 : 1;
	// One line fewer than the terminal: at full height Ink clears the whole screen on every frame.
	return Math.max(1, state.ui.viewport.rows - 1 - 4 - filterLine - diskLine);
}

/** The rows on screen now: the stats watcher streams only these. */
export function selectWindow(state: AppState): readonly Container[] {
	const rows = selectRows(state);
	return rows.slice(state.ui.scrollTop, state.ui.scrollTop + tableHeight(state));
}

export function selectedContainer(state: AppState): Container | undefined {
	const rows = selectRows(state);
	return rows.find(c => c.id === state.ui.selectedId);
}

/** What an action applies to: the marked containers on screen, else the selected one. */
export function selectTargets(state: AppState): readonly Container[] {
	if (state.ui.marks.size > 0) {
		// Only rows the person can see: a mark hidden by the filter or by `a` is not acted on.
		const marked = selectRows(state).filter(c => state.ui.marks.has(c.id));
		if (marked.length > 0) {
			return marked;
		}
	}

	const selected = selectedContainer(state);
	return selected ? [selected] : [];
}

/**
 * The row a filter selects when its text changes: the one whose name is the text exactly (so
 * `/web-1` picks web-1, not web-10), else the first match. Undefined when nothing matches.
 */
export function filterPick(state: AppState, text: string): string | undefined {
	const keys = selectPaneKeys(state);
	const needle = text.trim().toLowerCase();
	const {pane} = state.ui;
	const names = pane === 'containers'
		? selectRows(state).map(c => c.name)
		: selectResourceRows(state, pane).map(item => descriptors[pane].label(item) as string);
	const exact = needle ? names.findIndex(name => name.toLowerCase() === needle) : -1;
	return keys[exact === -1 ? 0 : exact];
}

/**
 * "3 marked" for the footer, with how many of them the filter or `a` hides (those are kept, and not
 * acted on until they are in view again); '' with no marks. A string, so subscribers compare it cheaply.
 */
export function selectMarkSummary(state: AppState): string {
	const {marks} = state.ui;
	if (marks.size === 0) {
		return '';
	}

	const keys = selectPaneKeys(state);
	const {pane} = state.ui;
	const items = pane === 'containers' ? state.containers : itemsOf(state, pane);
	// Asked on every change to the state (the footer subscribes): counted again only when its inputs change.
	if (summaryMemo?.marks === marks && summaryMemo.keys === keys && summaryMemo.items === items) {
		return summaryMemo.text;
	}

	const shown = keys.filter(key => marks.has(key)).length;
	// Marks of objects gone from the Engine are not counted (a removed image's mark may linger).
	const all = pane === 'containers' ? (state.containers ?? []).map(c => c.id) : (itemsOf(state, pane) ?? []).map(item => descriptors[pane].key(item) as string);
	const existing = all.filter(key => marks.has(key)).length;
	const hidden = existing - shown;
	const text = existing === 0 ? '' : `${existing} marked${hidden > 0 ? ` (${hidden} hidden by the filter)` : ''}`;
	summaryMemo = {marks, keys, items, text};
	return text;
}

let summaryMemo: {marks: ReadonlySet<string>; keys: readonly string[]; items?: readonly unknown[]; text: string} | undefined;

function unusedSummaryTail(existing: number, shown: number): string {
	if (existing === 0) {
		return '';
	}

	const hidden = existing - shown;
	return `${existing} marked${hidden > 0 ? ` (${hidden} hidden by the filter)` : ''}`;
}

/** The first output line on screen: the last page while following, else where the person scrolled to. */
export function outputTop(output: CommandOutput, height: number): number {
	const bottom = Math.max(0, output.lines.length - height);
	return output.follow ? bottom : Math.min(output.scrollTop, bottom);
}
