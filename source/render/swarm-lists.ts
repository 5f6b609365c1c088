import type {SwarmNode, SwarmService, ServicePort} from '../core/swarm.js';
import {formatAge} from './format.js';
import type {CellText, ListDescriptor} from './list-descriptor.js';
import {sanitizeLine} from './sanitize.js';

// The Services and Nodes panes' descriptors (issue 17). Here, not in render/: they read the Engine
// layer's Swarm types, which render/ may not import.

/** "8080:80/tcp", host-mode ports marked: sorted by the Engine layer, so rows do not jitter. */
export function servicePorts(ports: readonly ServicePort[]): string {
	return ports.map(p => `${p.published ?? ''}${p.published === undefined ? '' : ':'}${p.target}/${p.protocol}${p.mode === 'host' ? ' (host)' : ''}`).join(', ');
}

/** `2/3`, with a word after it when short: the colour says it too, but NO_COLOR has none. */
export function replicasText(service: Pick<SwarmService, 'running' | 'desired'>): CellText {
	const {text, short} = replicasCell(service);
	return short ? {text: `${text} short`, tone: 'warn'} : {text, tone: service.running > service.desired ? 'warn' : 'good'};
}

function updateText(service: SwarmService): CellText {
	const state = service.update?.state;
	if (!state || state === 'completed') {
		return {text: '-', tone: 'dim'};
	}

	return {text: state, tone: state === 'updating' ? 'warn' : (state === 'rolled back' || state.includes('paused') ? 'bad' : 'warn')};
}

export const serviceList: ListDescriptor<SwarmService, undefined> = {
	title: 'Services',
	noun: 'service',
	defaultSort: {column: 'name', descending: false},
	columns: [
		{id: 'name', title: 'NAME', minWidth: 12, maxWidth: 40, grow: 3, priority: 0},
		{id: 'mode', title: 'MODE', minWidth: 10, grow: 0, priority: 1},
		{id: 'replicas', title: 'REPLICAS', minWidth: 9, grow: 0, priority: 0, align: 'right'},
		{id: 'image', title: 'IMAGE', minWidth: 12, maxWidth: 50, grow: 2, priority: 0},
		{id: 'ports', title: 'PORTS', minWidth: 10, maxWidth: 40, grow: 1, priority: 2},
		{id: 'update', title: 'UPDATE', minWidth: 8, grow: 0, priority: 1},
		{id: 'age', title: 'AGE', minWidth: 4, grow: 0, priority: 1, align: 'right'},
	],
	key: service => service.id,
	label: service => sanitizeLine(service.name),
	cells: service => ({
		name: {text: sanitizeLine(service.name)},
		mode: {text: service.mode},
		replicas: replicasText(service),
		image: {text: sanitizeLine(service.image)},
		ports: {text: sanitizeLine(servicePorts(service.ports)) || '-'},
		update: updateText(service),
		age: {text: formatAge(service.created)},
	}),
	sortValue(service, column) {
		switch (column) {
			case 'mode': return service.mode;
			case 'replicas': return service.desired - service.running;
			case 'image': return service.image;
			case 'ports': return servicePorts(service.ports);
			case 'update': return service.update?.state ?? '';
			case 'age': return -service.created;
			default: return service.name;
		}
	},
	widthsReadContext: false,
	search: service => `${service.name} ${service.image} ${service.mode}`.toLowerCase(),
};

export const nodeList: ListDescriptor<SwarmNode, undefined> = {
	title: 'Nodes',
	noun: 'node',
	defaultSort: {column: 'hostname', descending: false},
	columns: [
		{id: 'hostname', title: 'HOSTNAME', minWidth: 12, maxWidth: 40, grow: 3, priority: 0},
		{id: 'role', title: 'ROLE', minWidth: 7, grow: 0, priority: 0},
		{id: 'availability', title: 'AVAILABILITY', minWidth: 12, grow: 0, priority: 0},
		{id: 'status', title: 'STATUS', minWidth: 7, grow: 0, priority: 0},
		{id: 'manager', title: 'MANAGER', minWidth: 11, grow: 0, priority: 1},
		{id: 'engine', title: 'ENGINE', minWidth: 8, maxWidth: 20, grow: 1, priority: 2},
		{id: 'tasks', title: 'TASKS', minWidth: 5, grow: 0, priority: 1, align: 'right'},
	],
	key: node => node.id,
	label: node => sanitizeLine(node.hostname),
	cells: node => ({
		hostname: {text: sanitizeLine(node.hostname)},
		role: {text: node.role},
		availability: {text: node.availability, tone: node.availability === 'active' ? 'good' : 'warn'},
		status: {text: node.status, tone: node.status === 'ready' ? 'good' : 'bad'},
		manager: {text: node.managerStatus ?? '-', ...(node.managerStatus === 'Leader' ? {tone: 'good' as const} : (node.managerStatus && node.managerStatus !== 'Reachable' ? {tone: 'bad' as const} : {}))},
		engine: {text: sanitizeLine(node.engineVersion) || '-'},
		tasks: {text: String(node.runningTasks)},
	}),
	sortValue(node, column) {
		switch (column) {
			case 'role': return node.role;
			case 'availability': return node.availability;
			case 'status': return node.status;
			case 'manager': return node.managerStatus ?? '';
			case 'engine': return node.engineVersion;
			case 'tasks': return node.runningTasks;
			default: return node.hostname;
		}
	},
	widthsReadContext: false,
	search: node => `${node.hostname} ${node.role} ${node.availability} ${node.status}`.toLowerCase(),
};

/** `running/desired`, e.g. "2/3", and whether it is short (the pane colours it). */
export function replicasCell(service: Pick<SwarmService, 'running' | 'desired'>): {readonly text: string; readonly short: boolean} {
	return {text: `${service.running}/${service.desired}`, short: service.running < service.desired};
}
