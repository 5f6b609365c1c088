import type {DiskUsage, Image, Network, Volume} from '../core/types.js';

/** The parts of GET /images/json, /networks, /volumes and /system/df that tsdtop reads. */
export type ApiImage = {Id: string; RepoTags?: string[] | null; Size?: number; Created?: number};
export type ApiNetwork = {Id: string; Name: string; Driver?: string; Scope?: string; IPAM?: {Config?: Array<{Subnet?: string}> | null}};
export type ApiVolume = {Name: string; Driver?: string; Mountpoint?: string; CreatedAt?: string; UsageData?: {Size?: number; RefCount?: number} | null};
export type ApiDiskUsage = {
	LayersSize?: number;
	Images?: Array<{Size?: number; SharedSize?: number; Containers?: number}> | null;
	Containers?: Array<{SizeRw?: number; State?: string}> | null;
	Volumes?: ApiVolume[] | null;
	BuildCache?: Array<{Size?: number; InUse?: boolean}> | null;
};

const untagged = '<none>:<none>';

/** One row per tag, as `docker images` shows them; an image with no tag is one dangling row. */
export function mapImages(raw: readonly ApiImage[]): Image[] {
	return raw.flatMap(image => {
		const tags = (image.RepoTags ?? []).filter(tag => tag !== untagged);
		const base = {id: image.Id, tags, size: image.Size ?? 0, created: image.Created ?? 0, dangling: tags.length === 0};
		return tags.length === 0
			? [{...base, rowId: image.Id, tag: untagged}]
			: tags.map(tag => ({...base, rowId: `${image.Id}|${tag}`, tag}));
	});
}

const builtinNetworks = new Set(['bridge', 'host', 'none']);

export function mapNetwork(raw: ApiNetwork): Network {
	return {
		id: raw.Id,
		name: raw.Name,
		driver: raw.Driver ?? '',
		scope: raw.Scope ?? '',
		subnet: (raw.IPAM?.Config ?? []).map(c => c.Subnet).filter(Boolean).join(', '),
		builtin: builtinNetworks.has(raw.Name),
	};
}

export function mapVolume(raw: ApiVolume, sizes?: ReadonlyMap<string, number>): Volume {
	const size = sizes?.get(raw.Name) ?? (raw.UsageData?.Size !== undefined && raw.UsageData.Size >= 0 ? raw.UsageData.Size : undefined);
	return {
		name: raw.Name,
		driver: raw.Driver ?? '',
		mountpoint: raw.Mountpoint ?? '',
		...(raw.CreatedAt ? {created: raw.CreatedAt} : {}),
		...(size === undefined ? {} : {size}),
	};
}

/** Totals and what could be reclaimed, computed the way `docker system df` does. */
export function mapDiskUsage(raw: ApiDiskUsage): DiskUsage {
	const images = raw.Images ?? [];
	const unusedImages = images.filter(i => (i.Containers ?? 0) === 0).reduce((sum, i) => sum + ((i.Size ?? 0) - (i.SharedSize ?? 0)), 0);
	const containers = raw.Containers ?? [];
	const volumes = raw.Volumes ?? [];
	const cache = raw.BuildCache ?? [];
	const volumeSize = (v: ApiVolume) => Math.max(0, v.UsageData?.Size ?? 0);
	// Podman (4.3) answers LayersSize 0 with images of real size: then their sum is the best figure
	// (it shares no layers between them: SharedSize is 0 too).
	const imagesSize = raw.LayersSize || images.reduce((sum, i) => sum + Math.max(0, i.Size ?? 0), 0);
	return {
		images: {count: images.length, size: imagesSize, reclaimable: Math.max(0, unusedImages)},
		containers: {
			count: containers.length,
			size: containers.reduce((sum, c) => sum + (c.SizeRw ?? 0), 0),
			// As docker system df and container prune: running, paused and restarting ones are in use.
			reclaimable: containers.filter(c => c.State !== 'running' && c.State !== 'paused' && c.State !== 'restarting').reduce((sum, c) => sum + (c.SizeRw ?? 0), 0),
		},
		volumes: {
			count: volumes.length,
			size: volumes.reduce((sum, v) => sum + volumeSize(v), 0),
			reclaimable: volumes.filter(v => (v.UsageData?.RefCount ?? 0) === 0).reduce((sum, v) => sum + volumeSize(v), 0),
		},
		buildCache: {
			count: cache.length,
			size: cache.reduce((sum, c) => sum + (c.Size ?? 0), 0),
			reclaimable: cache.filter(c => !c.InUse).reduce((sum, c) => sum + (c.Size ?? 0), 0),
		},
	};
}
