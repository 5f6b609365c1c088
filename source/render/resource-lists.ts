import type {Container, Image, Network, Volume} from '../core/types.js';
import type {ListDescriptor} from './list-descriptor.js';
import {formatAge, formatBytes} from './format.js';
import {sanitizeLine} from './sanitize.js';

/** How many containers use each image, network and volume: from the live container list. */
export type Usage = {
	readonly byImage: ReadonlyMap<string, number>;
	readonly byNetwork: ReadonlyMap<string, number>;
	readonly byVolume: ReadonlyMap<string, number>;
};

/**
 * Whether a container, in any state, is set to use a network: by the network's id, or by its name
 * for a created container (whose entry has no id yet). The Networks list's CONTAINERS column, the
 * inspect page and the refusal to remove all count this way (issue 12 item 5: the Engine's network
 * inspect names only running containers, the list counted stopped ones, neither created ones).
 */
export function usesNetwork(container: Container, network: Pick<Network, 'id' | 'name'>): boolean {
	return (container.networkIds?.includes(network.id) ?? false) || (container.networkNames?.includes(network.name) ?? false);
}

/** `networks` resolves the names of created containers' networks to ids; without it they count by id only. */
export function usageOf(containers: readonly Container[], networks: readonly Network[] = []): Usage {
	const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
	const byImage = new Map<string, number>();
	const byNetwork = new Map<string, number>();
	const byVolume = new Map<string, number>();
	const idOfName = new Map(networks.map(n => [n.name, n.id]));
	for (const container of containers) {
		if (container.imageId) {
			count(byImage, container.imageId);
		}

		const ids = new Set(container.networkIds);
		for (const name of container.networkNames ?? []) {
			const id = idOfName.get(name);
			if (id) {
				ids.add(id);
			}
		}

		for (const id of ids) {
			count(byNetwork, id);
		}

		for (const name of container.volumeNames ?? []) {
			count(byVolume, name);
		}
	}

	return {byImage, byNetwork, byVolume};
}

export type {CellText, ListDescriptor} from './list-descriptor.js';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export const imageList: ListDescriptor<Image, Usage> = {
	title: 'Images',
	noun: 'image',
	defaultSort: {column: 'tag', descending: false},
	columns: [
		{id: 'tag', title: 'REPOSITORY:TAG', minWidth: 16, maxWidth: 60, grow: 3, priority: 0},
		{id: 'state', title: 'STATE', minWidth: 8, grow: 0, priority: 0},
		{id: 'size', title: 'SIZE', minWidth: 6, grow: 0, priority: 0, align: 'right'},
		{id: 'used', title: 'USED BY', minWidth: 7, grow: 0, priority: 1, align: 'right'},
		{id: 'created', title: 'CREATED', minWidth: 7, grow: 0, priority: 2, align: 'right'},
		{id: 'id', title: 'ID', minWidth: 12, grow: 0, priority: 3},
	],
	key: image => image.rowId,
	label: image => (image.dangling ? shortId(image.id) : sanitizeLine(image.tag)),
	cells(image, usage) {
		const used = usage.byImage.get(image.id) ?? 0;
		return {
			tag: {text: sanitizeLine(image.tag), ...(image.dangling ? {tone: 'warn' as const} : {})},
			state: image.dangling ? {text: 'dangling', tone: 'warn'} : (used > 0 ? {text: 'in use', tone: 'good'} : {text: 'unused', tone: 'dim'}),
			size: {text: formatBytes(image.size)},
			used: {text: used > 0 ? String(used) : '-'},
			created: {text: formatAge(image.created)},
			id: {text: shortId(image.id), tone: 'dim'},
		};
	},
	sortValue(image, column, usage) {
		switch (column) {
			case 'size': return image.size;
			case 'used': return usage.byImage.get(image.id) ?? 0;
			case 'created': return image.created;
			case 'state': return image.dangling ? 0 : ((usage.byImage.get(image.id) ?? 0) > 0 ? 2 : 1);
			case 'id': return image.id;
			default: return image.tag;
		}
	},
	search: image => `${image.tag} ${image.id}`.toLowerCase(),
};

export const networkList: ListDescriptor<Network, Usage> = {
	title: 'Networks',
	noun: 'network',
	defaultSort: {column: 'name', descending: false},
	columns: [
		{id: 'name', title: 'NAME', minWidth: 14, maxWidth: 40, grow: 3, priority: 0},
		{id: 'driver', title: 'DRIVER', minWidth: 7, grow: 0, priority: 0},
		{id: 'used', title: 'CONTAINERS', minWidth: 10, grow: 0, priority: 0, align: 'right'},
		{id: 'scope', title: 'SCOPE', minWidth: 6, grow: 0, priority: 2},
		{id: 'subnet', title: 'SUBNET', minWidth: 14, maxWidth: 40, grow: 1, priority: 1},
		{id: 'id', title: 'ID', minWidth: 12, grow: 0, priority: 3},
	],
	key: network => network.id,
	label: network => sanitizeLine(network.name),
	cells(network, usage) {
		const used = usage.byNetwork.get(network.id) ?? 0;
		return {
			name: {text: sanitizeLine(network.name), ...(network.builtin ? {tone: 'dim' as const} : {})},
			driver: {text: sanitizeLine(network.driver)},
			used: {text: used > 0 ? String(used) : '-', ...(used > 0 ? {tone: 'good' as const} : {})},
			scope: {text: sanitizeLine(network.scope)},
			subnet: {text: sanitizeLine(network.subnet)},
			id: {text: shortId(network.id), tone: 'dim'},
		};
	},
	sortValue(network, column, usage) {
		switch (column) {
			case 'used': return usage.byNetwork.get(network.id) ?? 0;
			case 'driver': return network.driver;
			case 'scope': return network.scope;
			case 'subnet': return network.subnet;
			case 'id': return network.id;
			default: return network.name;
		}
	},
	search: network => `${network.name} ${network.driver} ${network.subnet} ${network.id}`.toLowerCase(),
};

export const volumeList: ListDescriptor<Volume, Usage> = {
	title: 'Volumes',
	noun: 'volume',
	defaultSort: {column: 'name', descending: false},
	columns: [
		{id: 'name', title: 'NAME', minWidth: 16, maxWidth: 64, grow: 3, priority: 0},
		{id: 'driver', title: 'DRIVER', minWidth: 6, grow: 0, priority: 2},
		{id: 'size', title: 'SIZE', minWidth: 6, grow: 0, priority: 0, align: 'right'},
		{id: 'used', title: 'CONTAINERS', minWidth: 10, grow: 0, priority: 0, align: 'right'},
		{id: 'mountpoint', title: 'MOUNTPOINT', minWidth: 12, grow: 1, priority: 1},
	],
	key: volume => volume.name,
	label: volume => sanitizeLine(volume.name),
	cells(volume, usage) {
		const used = usage.byVolume.get(volume.name) ?? 0;
		return {
			name: {text: sanitizeLine(volume.name)},
			driver: {text: sanitizeLine(volume.driver)},
			size: {text: volume.size === undefined ? '-' : formatBytes(volume.size)},
			used: {text: used > 0 ? String(used) : '-', ...(used > 0 ? {tone: 'good' as const} : {})},
			mountpoint: {text: sanitizeLine(volume.mountpoint), tone: 'dim'},
		};
	},
	sortValue(volume, column, usage) {
		switch (column) {
			case 'size': return volume.size ?? -1;
			case 'used': return usage.byVolume.get(volume.name) ?? 0;
			case 'driver': return volume.driver;
			case 'mountpoint': return volume.mountpoint;
			default: return volume.name;
		}
	},
	search: volume => `${volume.name} ${volume.driver}`.toLowerCase(),
};
