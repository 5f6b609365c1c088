import type {Container, ContainerStats} from '../core/types.js';
import {containerCells, containerColumns, containerSortValue} from './container-row.js';
import type {CellText, ListDescriptor} from './list-descriptor.js';
import {sanitizeLine} from './sanitize.js';
import {stateColor} from './state-color.js';
import {naturalCompare} from '../core/natural-order.js';

/** What container cells read besides the container: live stats and actions under way ({id: 'stopping'}). */
export type ContainerContext = {
	readonly stats: Readonly<Record<string, ContainerStats>>;
	readonly pending: Readonly<Record<string, string>>;
};

const runningStates = new Set<Container['state']>(['running', 'restarting', 'paused', 'removing']);

/** Exited, created or dead: hidden until `a` shows all, and what cleanup removes. */
export function isStopped(container: Container): boolean {
	return !runningStates.has(container.state);
}

function rank(container: Container): number {
	if (container.state === 'running' || container.state === 'restarting') {
		return 0;
	}

	return container.state === 'paused' || container.state === 'removing' ? 1 : 2;
}

const searchText = new WeakMap<Container, string>();
const cellsCache = new WeakMap<Container, {sample: ContainerStats | undefined; label: string | undefined; cells: Readonly<Record<string, CellText>>}>();

/** The Containers pane: the resource panes' pipeline plus stats columns, state colours and a running-first order. */
export const containerList: ListDescriptor<Container, ContainerContext> = {
	title: 'Containers',
	noun: 'container',
	columns: containerColumns,
	naturalOrder: (a, b) => rank(a) - rank(b) || naturalCompare(a.name, b.name),
	showAll: {shown: container => !isStopped(container), emptyText: 'no running containers (a shows stopped ones)'},
	key: container => container.id,
	label: container => sanitizeLine(container.name),
	cells(container, {stats, pending}) {
		const label = pending[container.id];
		const sample = stats[container.id];
		// Every frame draws the rows on screen again, most of them as the frame before: their cells
		// are kept with what they were made from (state is replaced, never changed in place).
		const cached = cellsCache.get(container);
		if (cached !== undefined && cached.sample === sample && cached.label === label) {
			return cached.cells;
		}

		const text = containerCells(container, sample, label);
		const cells: Record<string, CellText> = {};
		for (const [id, value] of Object.entries(text)) {
			cells[id] = {text: value};
		}

		const hue = stateColor(container, label);
		cells.state = {text: text.state, ...(hue ? {hue} : {})};
		cells.status = {text: text.status, tone: 'dim'};
		cellsCache.set(container, {sample, label, cells});
		return cells;
	},
	sortValue: (container, column, {stats}) => containerSortValue(container, column, stats[container.id]),
	// Only CPU and MEM read the stats: sorted by another column, a stats sample does not sort again.
	sortReadsContext: column => column === 'cpu' || column === 'memory',
	// NAME, IMAGE, STATUS, PORTS and PROJECT read the container alone (STATE, CPU and MEM are fixed).
	widthsReadContext: false,
	search(container) {
		let text = searchText.get(container);
		if (text === undefined) {
			// One field a line: a needle never matches across two fields.
			text = [container.name, container.image, container.status, container.state, container.project ?? ''].join('\n').toLowerCase();
			searchText.set(container, text);
		}

		return text;
	},
};
