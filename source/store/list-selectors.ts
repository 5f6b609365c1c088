import type {PaneId} from '../core/types.js';
import type {Sort} from '../core/sort.js';
import type {Column} from '../render/columns.js';
import type {ListDescriptor} from '../render/list-descriptor.js';
import {contentWidths} from '../render/list-table.js';
import {listPaneOf} from './list-panes.js';
import {type AppState, emptyList, type ListUi} from './state.js';
import {naturalCompare} from '../core/natural-order.js';

// The one selector of every list pane: filter, sort, keys, widths and the window, from its descriptor.

/**
 * Sorts by a column (numbers numerically, text naturally). Ties are broken by the name a person reads,
 * then by the key, both ascending whatever the direction, so tied rows never swap between refreshes
 * (issue 12 item 10).
 */
export function sortItems<T>(items: readonly T[], value: (item: T, column: string) => string | number, key: (item: T) => string, sort: Sort, label: (item: T) => string = key): T[] {
	const direction = sort.descending ? -1 : 1;
	return [...items].sort((a, b) => {
		const va = value(a, sort.column);
		const vb = value(b, sort.column);
		const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : naturalCompare(String(va), String(vb));
		return (order * direction) || naturalCompare(label(a), label(b)) || (key(a) < key(b) ? -1 : (key(a) > key(b) ? 1 : 0));
	});
}

export type ListQuery = {readonly text: string; readonly sort?: Sort; readonly showAll: boolean};

/** A list's rows in screen order: those `a` hides left out, then the filter, then the sort (or the natural order). */
export function listRows<T, C>(descriptor: ListDescriptor<T, C>, items: readonly T[], context: C, {text, sort, showAll}: ListQuery): T[] {
	const needle = text.trim().toLowerCase();
	const hidden = showAll ? undefined : descriptor.showAll?.shown;
	const rows = items.filter(item => (!hidden || hidden(item)) && (!needle || descriptor.search(item).includes(needle)));
	if (sort) {
		return sortItems(rows, (item, column) => descriptor.sortValue(item, column, context), item => descriptor.key(item), sort, item => descriptor.label(item));
	}

	return descriptor.naturalOrder ? rows.sort(descriptor.naturalOrder) : rows;
}

/** The list of `pane` as it stands: in ui when focused, else parked (a pane never shown has none yet). */
export function listUiOf(state: AppState, pane: PaneId): ListUi {
	return state.ui.pane === pane ? state.ui : (state.ui.parked[pane] ?? emptyList);
}

/** The order the pane is in: the person's choice, else the descriptor's default; undefined is the natural order. */
export function sortOf(state: AppState, pane: PaneId): Sort | undefined {
	return listUiOf(state, pane).sort ?? listPaneOf(pane).descriptor.defaultSort;
}

/** The columns a pane shows, in screen order (Containers: the config file's choice): what o cycles through. */
export function shownColumns(state: AppState, pane: PaneId): readonly Column[] {
	const {descriptor, columns} = listPaneOf(pane);
	return columns?.(state) ?? descriptor.columns;
}

/** Whether the pane has an order that is no column (Containers: running first), which o comes back to. */
export function hasNaturalOrder(pane: PaneId): boolean {
	return listPaneOf(pane).descriptor.naturalOrder !== undefined;
}

export type ListView = {readonly rows: readonly object[]; readonly keys: readonly string[]};

type ViewMemo = {items?: readonly object[]; text: string; sort?: Sort; showAll: boolean; context: unknown; view: ListView};
const views = new Map<PaneId, ViewMemo>();
const noItems: readonly object[] = [];

/**
 * The rows and keys of a pane in screen order. Memoised on what it reads: every key press asks for it,
 * and the list changes only on a refresh, the filter, the sort or (sorted by CPU) a stats sample.
 */
export function selectList(state: AppState, pane: PaneId): ListView {
	const {descriptor, items, context} = listPaneOf(pane);
	const list = items(state);
	const {text} = listUiOf(state, pane).filter;
	const sort = sortOf(state, pane);
	const showAll = descriptor.showAll ? state.ui.showAll : true;
	const sortContext = sort && (descriptor.sortReadsContext?.(sort.column) ?? true) ? context(state) : undefined;
	const memo = views.get(pane);
	if (memo && memo.items === list && memo.text === text && memo.sort === sort && memo.showAll === showAll && memo.context === sortContext) {
		return memo.view;
	}

	const rows = listRows(descriptor, list ?? noItems, context(state), {text, sort, showAll});
	const view = {rows, keys: rows.map(item => descriptor.key(item))};
	views.set(pane, {items: list, text, sort, showAll, context: sortContext, view});
	return view;
}

const widthMemos = new Map<PaneId, {rows: readonly object[]; context: unknown; widths: Readonly<Record<string, number>>}>();

/** The widest text per column over the pane's rows; the same object until the rows (or what their text reads) change. */
export function selectWidths(state: AppState, pane: PaneId): Readonly<Record<string, number>> {
	const {descriptor, context} = listPaneOf(pane);
	const {rows} = selectList(state, pane);
	const read = descriptor.widthsReadContext === false ? undefined : context(state);
	const memo = widthMemos.get(pane);
	if (memo && memo.rows === rows && memo.context === read) {
		return memo.widths;
	}

	const widths = contentWidths(descriptor, rows, context(state));
	widthMemos.set(pane, {rows, context: read, widths});
	return widths;
}

/**
 * The sort o picks next: the pane's columns in screen order. With `natural` (the Containers pane's
 * running-first order, which is no column) the cycle goes back to it after the last column, so o
 * can always return to the default (issue 12 item 10); undefined means that order.
 */
export function nextSortColumn(columns: ReadonlyArray<{readonly id: string}>, current: Sort | undefined, natural = false): Sort | undefined {
	const index = current ? columns.findIndex(c => c.id === current.column) : -1;
	if (natural && current && index === columns.length - 1) {
		return undefined;
	}

	const column = columns[(index + 1) % columns.length]!.id;
	return {column, descending: false};
}

type Place = Pick<ListUi, 'cursor' | 'selectedId' | 'scrollTop'>;

/**
 * Keeps the selection on the same row (by key) whatever moved, falls back to the row where it was when
 * that one is gone or filtered out, and scrolls just enough to keep it among `height` rows.
 */
export function placeSelection(keys: readonly string[], place: Place, height: number): Place {
	let {cursor, selectedId} = place;
	// The row under the cursor is checked first: most changes leave the selection where it was.
	const found = selectedId === undefined ? -1 : (keys[cursor] === selectedId ? cursor : keys.indexOf(selectedId));
	if (found === -1) {
		cursor = Math.min(Math.max(0, cursor), Math.max(0, keys.length - 1));
		selectedId = keys[cursor];
	} else {
		cursor = found;
	}

	const scrollTop = windowTop(Math.min(place.scrollTop, Math.max(0, keys.length - height)), cursor, height);
	return {cursor, selectedId, scrollTop};
}

/** The first row on screen: `scrollTop`, moved just enough to show the cursor's row among `height` (a shorter window under a dialog). */
export function windowTop(scrollTop: number, cursor: number, height: number): number {
	return Math.max(0, Math.min(Math.max(scrollTop, cursor - height + 1), cursor));
}
