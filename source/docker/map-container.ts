import type {Container, ContainerState, Health, Port} from '../core/types.js';
import {naturalCompare} from '../core/natural-order.js';

/** The part of GET /containers/json that tsdtop reads. */
export type ApiContainer = {
	Id: string;
	Names?: string[];
	Image?: string;
	Command?: string;
	Created?: number;
	State?: string;
	Status?: string;
	Ports?: Array<{IP?: string; PrivatePort: number; PublicPort?: number; Type?: string}>;
	Labels?: Record<string, string> | null;
	ImageID?: string;
	NetworkSettings?: {Networks?: Record<string, {NetworkID?: string}> | null};
	Mounts?: Array<{Type?: string; Name?: string}> | null;
};

const knownStates = new Set<ContainerState>(['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing']);

export function mapContainer(raw: ApiContainer): Container {
	const status = raw.Status ?? '';
	const state = (knownStates.has(raw.State as ContainerState) ? raw.State : 'created') as ContainerState;
	const labels = raw.Labels ?? {};
	const project = labels['com.docker.compose.project'];
	return {
		id: raw.Id,
		name: (raw.Names?.[0] ?? raw.Id.slice(0, 12)).replace(/^\//, ''),
		image: raw.Image ?? '',
		command: raw.Command ?? '',
		state,
		status,
		health: parseHealth(status),
		exitCode: parseExitCode(status),
		created: raw.Created ?? 0,
		ports: mapPorts(raw.Ports ?? []),
		...(project ? {project} : {}),
		labels,
		...(raw.ImageID ? {imageId: raw.ImageID} : {}),
		networkIds: Object.values(raw.NetworkSettings?.Networks ?? {}).map(n => n.NetworkID ?? '').filter(Boolean),
		networkNames: Object.keys(raw.NetworkSettings?.Networks ?? {}).sort(),
		volumeNames: (raw.Mounts ?? []).filter(m => m.Type === 'volume' && m.Name).map(m => m.Name!),
	};
}

function parseHealth(status: string): Health | undefined {
	const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
	if (!match) {
		return undefined;
	}

	return match[1] === 'health: starting' ? 'starting' : (match[1] as Health);
}

function parseExitCode(status: string): number | undefined {
	const match = /^Exited \((-?\d+)\)/.exec(status);
	return match ? Number(match[1]) : undefined;
}

function mapPorts(raw: NonNullable<ApiContainer['Ports']>): Port[] {
	const seen = new Set<string>();
	const ports: Port[] = [];
	for (const p of raw) {
		// The Engine lists a published port once for 0.0.0.0 and once for ::; one is enough on screen.
		const key = `${p.PrivatePort}/${p.Type}/${p.PublicPort ?? ''}`;
		if (seen.has(key)) {
			continue;
		}

		seen.add(key);
		ports.push({
			privatePort: p.PrivatePort,
			protocol: p.Type ?? 'tcp',
			...(p.PublicPort ? {publicPort: p.PublicPort} : {}),
			...(p.IP ? {ip: p.IP} : {}),
		});
	}

	return ports.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0) || naturalCompare(a.protocol, b.protocol));
}

const mappedLists = new WeakMap<readonly ApiContainer[], readonly Container[]>();

/**
 * A list mapped once per answer: the first frame and run() both start from the same prefetched
 * list, and the same container objects let run() reuse what the first frame worked out (the sorted
 * rows, the column widths), 1,000 of them at start on a big host.
 */
export function mapContainers(list: readonly ApiContainer[]): readonly Container[] {
	let mapped = mappedLists.get(list);
	if (mapped === undefined) {
		mapped = list.map(raw => mapContainer(raw));
		mappedLists.set(list, mapped);
	}

	return mapped;
}
