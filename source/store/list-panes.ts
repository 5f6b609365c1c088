import type {Container, PaneId} from '../core/types.js';
import type {Column} from '../render/columns.js';
import {type ContainerContext, containerList} from '../render/container-list.js';
import {pickColumns} from '../render/container-row.js';
import type {PaneTab} from '../render/header-line.js';
import type {ListDescriptor} from '../render/list-descriptor.js';
import {imageList, networkList, type Usage, usageOf, volumeList} from '../render/resource-lists.js';
import type {AppState} from './state.js';
import {projectList} from '../render/project-list.js';
import {selectContainerItems, selectProjects} from './project-selectors.js';
import {nodeList, serviceList} from '../render/swarm-lists.js';
import {isManager, swarmPanes} from './swarm-panes.js';

/**
 * Where a list pane's data is in the state: its items (undefined until loaded), the context its
 * cells and sort read (one memoised object: a new one re-sorts and redraws), and the columns shown
 * when the config file chooses them. With its descriptor, this is all a new list pane needs here.
 */
export type ListPane<T, C> = {
	readonly descriptor: ListDescriptor<T, C>;
	items(state: AppState): readonly T[] | undefined;
	context(state: AppState): C;
	/** The columns shown, in screen order; default every column of the descriptor. Memoised. */
	columns?(state: AppState): readonly Column[];
};

let usageMemo: {containers?: readonly Container[]; networks?: AppState['networks']; usage: Usage} | undefined;

/** How many containers use each image, network and volume; the same object until those lists change. */
export function selectUsage(state: AppState): Usage {
	if (!usageMemo || usageMemo.containers !== state.containers || usageMemo.networks !== state.networks) {
		usageMemo = {containers: state.containers, networks: state.networks, usage: usageOf(state.containers ?? [], state.networks)};
	}

	return usageMemo.usage;
}

let contextMemo: ContainerContext | undefined;

function containerContext(state: AppState): ContainerContext {
	if (contextMemo?.stats !== state.stats || contextMemo.pending !== state.pending) {
		contextMemo = {stats: state.stats, pending: state.pending};
	}

	return contextMemo;
}

let columnsMemo: {ids: AppState['config']['containerColumns']; columns: readonly Column[]} | undefined;

function containerColumnsOf(state: AppState): readonly Column[] {
	const ids = state.config.containerColumns;
	if (columnsMemo?.ids !== ids) {
		columnsMemo = {ids, columns: pickColumns(ids)};
	}

	return columnsMemo.columns;
}

/** Infers T and C of one entry, so the table below stays typed per pane. */
function listPane<T, C>(pane: ListPane<T, C>): ListPane<T, C> {
	return pane;
}

/** Every list pane (k9s's registry): the one selector and the one renderer serve them all. */
export const listPanes = {
	containers: listPane({descriptor: containerList, items: selectContainerItems, context: containerContext, columns: containerColumnsOf}),
	images: listPane({descriptor: imageList, items: state => state.images, context: selectUsage}),
	networks: listPane({descriptor: networkList, items: state => state.networks, context: selectUsage}),
	volumes: listPane({descriptor: volumeList, items: state => state.volumes, context: selectUsage}),
	// Issue 16 item 1: compose projects, from the containers' labels and the stats already read.
	projects: listPane({descriptor: projectList, items: selectProjects, context: () => undefined}),
	// Swarm (issue 17): keys 6 and 7, offered only while the Engine is a manager (store/swarm-panes.ts).
	services: listPane({descriptor: serviceList, items: state => state.swarm?.services, context: () => undefined}),
	nodes: listPane({descriptor: nodeList, items: state => state.swarm?.nodes, context: () => undefined}),
} satisfies Record<PaneId, ListPane<any, any>>;

/** The panes' tabs in the header, in the registry's order (the order of their number keys); the Swarm ones come with swarmTabs. */
export const paneTabs: readonly PaneTab[] = Object.entries(listPanes).filter(([id]) => !swarmPanes.has(id as PaneId)).map(([id, entry]) => ({id: id as PaneId, title: entry.descriptor.title}));

/** Swarm (issue 17): the tabs of keys 6 and 7, shown only while the Engine is a swarm manager. */
const swarmTabs: readonly PaneTab[] = [...paneTabs, {id: 'services', title: 'Services', key: '6'}, {id: 'nodes', title: 'Nodes', key: '7'}];

/** The tabs the header shows now: the same array while the role stays. */
export function selectPaneTabs(state: AppState): readonly PaneTab[] {
	return isManager(state) ? swarmTabs : paneTabs;
}

/** A pane's entry with its types forgotten: what code serving every pane works with. */
export function listPaneOf(pane: PaneId): ListPane<object, unknown> {
	return listPanes[pane] as unknown as ListPane<object, unknown>;
}
