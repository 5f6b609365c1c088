import type {Container} from '../core/types.js';
import {containerList, isStopped} from '../render/container-list.js';
import {listPaneOf} from './list-panes.js';
import {listRows, selectList} from './list-selectors.js';
import {pullPanelHeight} from './pull-state.js';
import {isResourcePane} from './pane-kinds.js';
import type {AppState, CommandOutput} from './state.js';

export {isStopped} from '../render/container-list.js';

/** Rows of the Containers table in screen order: running first, stopped only with showAll, then the filter. */
export function visibleContainers(containers: readonly Container[], showAll: boolean, filterText: string): readonly Container[] {
	return listRows(containerList, containers, {stats: {}, pending: {}}, {text: filterText, showAll});
}

/** The Containers table's rows in screen order (the one list selector, memoised). */
export function selectRows(state: AppState): readonly Container[] {
	return selectList(state, 'containers').rows as readonly Container[];
}

/** The keys of the focused pane's rows, in screen order: what selection and scrolling work on. */
export function selectPaneKeys(state: AppState): readonly string[] {
	return selectList(state, state.ui.pane).keys;
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

/** Images, Networks and Volumes show `docker system df` above their table. */
export function hasDiskLine(pane: AppState['ui']['pane']): boolean {
	return pane === 'images' || pane === 'networks' || pane === 'volumes';
}

/** Lines around the table: header, column titles, status bar, footer, and the filter line when shown. */
export function tableHeight(state: AppState): number {
	// The replica count typed after = (Services pane) takes the filter line's place; the Containers
	// list narrowed to a project says so on that line too.
	const filterLine = state.ui.filter.open || state.ui.filter.text || state.swarm?.scale || (state.ui.pane === 'containers' && state.ui.project) ? 1 : 0;
	// The resource panes show a line of `docker system df` figures above their table.
	const diskLine = isResourcePane(state.ui.pane) ? 1 : 0;
	// One line fewer than the terminal: at full height Ink clears the whole screen on every frame.
	return Math.max(1, state.ui.viewport.rows - 1 - 4 - filterLine - diskLine - pullPanelHeight(state.pulls));
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
	const {pane} = state.ui;
	const {rows, keys} = selectList(state, pane);
	const {descriptor} = listPaneOf(pane);
	const needle = text.trim().toLowerCase();
	const exact = needle ? rows.findIndex(item => descriptor.label(item).toLowerCase() === needle) : -1;
	return keys[exact === -1 ? 0 : exact];
}

/**
 * "3 marked" for the footer, with how many of them the filter or `a` hides (those are kept, and not
 * acted on until they are in view again); '' with no marks. A string, so subscribers compare it cheaply.
 */
export function selectMarkSummary(state: AppState): string {
	const {marks, pane} = state.ui;
	if (marks.size === 0) {
		return '';
	}

	const {keys} = selectList(state, pane);
	const {descriptor, items: itemsOf} = listPaneOf(pane);
	const items = itemsOf(state);
	// Asked on every change to the state (the footer subscribes): counted again only when its inputs change.
	if (summaryMemo?.marks === marks && summaryMemo.keys === keys && summaryMemo.items === items) {
		return summaryMemo.text;
	}

	const shown = keys.filter(key => marks.has(key)).length;
	// Marks of objects gone from the Engine are not counted (a removed image's mark may linger).
	const existing = (items ?? []).filter(item => marks.has(descriptor.key(item))).length;
	const hidden = existing - shown;
	const text = existing === 0 ? '' : `${existing} marked${hidden > 0 ? ` (${hidden} hidden by the filter)` : ''}`;
	summaryMemo = {marks, keys, items, text};
	return text;
}

let summaryMemo: {marks: ReadonlySet<string>; keys: readonly string[]; items?: readonly unknown[]; text: string} | undefined;

/** The first output line on screen: the last page while following, else where the person scrolled to. */
export function outputTop(output: CommandOutput, height: number): number {
	const bottom = Math.max(0, output.lines.length - height);
	return output.follow ? bottom : Math.min(output.scrollTop, bottom);
}
