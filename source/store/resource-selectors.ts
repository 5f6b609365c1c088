import type {Image, Network, Volume} from '../core/types.js';
import type {Sort} from '../core/sort.js';
import type {ListDescriptor} from '../render/list-descriptor.js';
import {listPanes} from './list-panes.js';
import {selectList} from './list-selectors.js';
import type {AppState} from './state.js';

// The resource panes' names for the one pipeline (store/list-selectors.ts), kept for their callers.
export {nextSortColumn, sortItems} from './list-selectors.js';
export {selectUsage} from './list-panes.js';

export {isResourcePane, type ResourcePane} from './pane-kinds.js';
import type {ResourcePane} from './pane-kinds.js';
type Resource = Image | Network | Volume;

export const descriptors: Readonly<Record<ResourcePane, ListDescriptor<any, any>>> = {
	images: listPanes.images.descriptor,
	networks: listPanes.networks.descriptor,
	volumes: listPanes.volumes.descriptor,
};

export const defaultSort = Object.fromEntries(Object.entries(descriptors).map(([pane, descriptor]) => [pane, descriptor.defaultSort])) as Readonly<Record<ResourcePane, Sort>>;

export function itemsOf(state: AppState, pane: ResourcePane): readonly Resource[] | undefined {
	return listPanes[pane].items(state);
}

/** The rows of a resource pane in screen order, through its list's filter and sort. */
export function selectResourceRows(state: AppState, pane: ResourcePane): readonly Resource[] {
	return selectList(state, pane).rows as readonly Resource[];
}
