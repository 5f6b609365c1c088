import {imageList, type ListDescriptor, networkList, type Usage, usageOf, volumeList} from '../render/resource-lists.js';
import type {Container, Image, Network, PaneId, Volume} from '../types.js';
import type {AppState, Sort} from './state.js';

const collator = new Intl.Collator('en', {numeric: true});

/** Sorts by a column (numbers numerically, text naturally), ties broken by the key, so rows never jitter. */
export function sortItems<T>(items: readonly T[], value: (item: T, column: string) => string | number, key: (item: T) => string, sort: Sort): T[] {
	const direction = sort.descending ? -1 : 1;
	return [...items].sort((a, b) => {
		const va = value(a, sort.column);
		const vb = value(b, sort.column);
		const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
		return (order * direction) || collator.compare(key(a), key(b));
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
	const rows = sortItems(matching, (item, column) => descriptor.sortValue(item, column, usage), item => descriptor.key(item), sort);
	memos.set(pane, {items, usage, text, sort, rows});
	return rows;
}

/** The column a sort key cycles through next: o walks the pane's columns in screen order. */
export function nextSortColumn(columns: ReadonlyArray<{readonly id: string}>, current: Sort | undefined): Sort {
	const index = current ? columns.findIndex(c => c.id === current.column) : -1;
	const column = columns[(index + 1) % columns.length]!.id;
	return {column, descending: false};
}
