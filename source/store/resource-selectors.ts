import {imageList, type ListDescriptor, networkList, type Usage, usageOf, volumeList} from '../render/resource-lists.js';
import type {Container, Image, Network, PaneId, Volume} from '../core/types.js';
import type {AppState, Sort} from './state.js';

const collator = new Intl.Collator('en', {numeric: true});

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
		const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
		return (order * direction) || collator.compare(label(a), label(b)) || (key(a) < key(b) ? -1 : (key(a) > key(b) ? 1 : 0));
	});
}

let usageMemo: {containers?: readonly Container[]; networks?: readonly Network[]; usage: Usage} | undefined;

export function selectUsage(state: AppState): Usage {
	if (!usageMemo || usageMemo.containers !== state.containers || usageMemo.networks !== state.networks) {
		usageMemo = {containers: state.containers, networks: state.networks, usage: usageOf(state.containers ?? [], state.networks)};
	}

	return usageMemo.usage;
}

export type ResourcePane = Exclude<PaneId, 'containers'>;
type Resource = Image | Network | Volume;

export const descriptors: Readonly<Record<ResourcePane, ListDescriptor<any>>> = {images: imageList, networks: networkList, volumes: volumeList};

export const defaultSort: Readonly<Record<ResourcePane, Sort>> = {
	images: {column: 'tag', descending: false},
	networks: {column: 'name', descending: false},
	volumes: {column: 'name', descending: false},
};

export function itemsOf(state: AppState, pane: ResourcePane): readonly Resource[] | undefined {
	return pane === 'images' ? state.images : (pane === 'networks' ? state.networks : state.volumes);
}

const memos = new Map<ResourcePane, {items?: readonly Resource[]; usage: Usage; text: string; sort: Sort; rows: readonly Resource[]}>();

/** The rows of a resource pane in screen order, through the focused list's filter and sort. */
export function selectResourceRows(state: AppState, pane: ResourcePane): readonly Resource[] {
	const items = itemsOf(state, pane);
	const usage = selectUsage(state);
	const focused = state.ui.pane === pane;
	const list = focused ? state.ui : (state.ui.parked[pane] ?? {filter: {text: ''}, sort: undefined});
	const sort = list.sort ?? defaultSort[pane];
	const text = list.filter.text.trim().toLowerCase();
	const memo = memos.get(pane);
	if (memo && memo.items === items && memo.usage === usage && memo.text === text && memo.sort === sort) {
		return memo.rows;
	}

	const descriptor = descriptors[pane] as ListDescriptor<Resource>;
	const matching = (items ?? []).filter(item => !text || descriptor.search(item).includes(text));
	const rows = sortItems(matching, (item, column) => descriptor.sortValue(item, column, usage), item => descriptor.key(item), sort, item => descriptor.label(item));
	memos.set(pane, {items, usage, text, sort, rows});
	return rows;
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
