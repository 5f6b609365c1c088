import type {Container, ContainerStats} from '../core/types.js';
import type {Column} from './columns.js';
import {compactStatus, formatBytes, formatPercent, formatPorts} from './format.js';
import {sanitizeLine} from './sanitize.js';

export type ContainerColumnId = 'name' | 'image' | 'state' | 'status' | 'cpu' | 'memory' | 'ports' | 'project';

/** Containers table columns, in screen order; priority says which drop first at 80 columns and less. */
export const containerColumns: ReadonlyArray<Column<ContainerColumnId>> = [
	{id: 'name', title: 'NAME', minWidth: 16, maxWidth: 40, grow: 3, priority: 0},
	// Cut to 7 only when narrow: its large share of spare width makes it whole ("restarting") before
	// the others grow (issue 12: it was 7 at any width, "restar~"). Not sized to the rows' states, so a
	// "stopping" that comes and goes does not move the columns.
	{id: 'state', title: 'STATE', minWidth: 7, maxWidth: 10, grow: 20, priority: 0, fixed: true},
	{id: 'status', title: 'STATUS', minWidth: 14, maxWidth: 26, grow: 2, priority: 1},
	{id: 'cpu', title: 'CPU', minWidth: 6, grow: 0, priority: 1, align: 'right', fixed: true},
	{id: 'memory', title: 'MEM', minWidth: 6, grow: 0, priority: 1, align: 'right', fixed: true},
	{id: 'image', title: 'IMAGE', minWidth: 10, maxWidth: 40, grow: 2, priority: 2},
	{id: 'ports', title: 'PORTS', minWidth: 10, grow: 1, priority: 3},
	{id: 'project', title: 'PROJECT', minWidth: 8, maxWidth: 20, grow: 1, priority: 4},
];

/** The columns named, in the order named (the config file's "columns"). */
export function pickColumns(ids: readonly ContainerColumnId[]): ReadonlyArray<Column<ContainerColumnId>> {
	return ids.map(id => containerColumns.find(c => c.id === id)!);
}

export type ContainerCells = Readonly<Record<ContainerColumnId, string>>;

/** The text of each cell of one row; everything from the Engine is sanitised here, once. */
export function containerCells(container: Container, stats: ContainerStats | undefined, pending: string | undefined): ContainerCells {
	const live = container.state === 'running' && stats;
	return {
		name: sanitizeLine(container.name),
		image: sanitizeLine(container.image),
		state: pending ?? container.state,
		status: sanitizeLine(compactStatus(container.status)),
		cpu: live ? formatPercent(stats.cpuPercent) : '',
		memory: live ? formatBytes(stats.memoryBytes) : '',
		ports: sanitizeLine(formatPorts(container.ports)),
		project: sanitizeLine(container.project ?? ''),
	};
}

/** States in the order a person reads them: what runs first, what is gone last (issue 12 item 10). */
const stateRank: Readonly<Record<Container['state'], number>> = {running: 0, restarting: 1, paused: 2, removing: 3, created: 4, exited: 5, dead: 6};

/** Bytes rounded as formatBytes shows them, so two rows that read the same sort as tied. */
export function shownBytes(bytes: number): number {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < 4) {
		value /= 1024;
		unit++;
	}

	const step = unit > 0 && value < 10 ? 0.1 : 1;
	return Math.round(value / step) * step * (1024 ** unit);
}

/**
 * What the Containers table sorts by, per column, when the person picks one with o. CPU and memory
 * sort by the value as shown: 0.01 % and 0.04 % both read 0.0 %, and sorting by the raw numbers made
 * such rows swap on every refresh.
 */
export function containerSortValue(container: Container, column: string, stats: ContainerStats | undefined): string | number {
	switch (column) {
		case 'state': return stateRank[container.state] ?? 7;
		case 'status': return container.status;
		case 'cpu': return container.state === 'running' ? Math.round((stats?.cpuPercent ?? 0) * 10) / 10 : -1;
		case 'memory': return container.state === 'running' ? shownBytes(stats?.memoryBytes ?? 0) : -1;
		case 'image': return container.image;
		case 'ports': return formatPorts(container.ports);
		case 'project': return container.project ?? '';
		default: return container.name;
	}
}
