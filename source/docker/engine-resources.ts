import type Docker from 'dockerode';
import type {Engine} from './engine-types.js';
import {type ApiDiskUsage, type ApiImage, type ApiNetwork, type ApiVolume, mapDiskUsage, mapImages, mapNetwork, mapVolume} from './map-resources.js';
import {naturalCompare} from '../core/natural-order.js';

type ResourceCall = 'listImages' | 'listNetworks' | 'listVolumes' | 'diskUsage' | 'removeImage' | 'removeNetwork' | 'removeVolume' | 'imageHistory' | 'networkContainers';

/** The Engine's calls on images, networks and volumes. */
export function resourceCalls(docker: Docker): Pick<Engine, ResourceCall> {
	return {
		async listImages() {
			return mapImages(await docker.listImages() as unknown as ApiImage[]);
		},

		async listNetworks() {
			return (await docker.listNetworks() as unknown as ApiNetwork[]).map(raw => mapNetwork(raw));
		},

		async listVolumes() {
			const answer = await docker.listVolumes() as unknown as {Volumes?: ApiVolume[] | null};
			return (answer.Volumes ?? []).map(raw => mapVolume(raw));
		},

		async diskUsage() {
			const raw = await docker.df() as ApiDiskUsage;
			const volumeSizes = new Map((raw.Volumes ?? []).filter(v => (v.UsageData?.Size ?? -1) >= 0).map(v => [v.Name, v.UsageData!.Size!]));
			return {usage: mapDiskUsage(raw), volumeSizes};
		},

		async removeImage(reference, options = {}) {
			await docker.getImage(reference).remove({force: Boolean(options.force)});
		},

		async removeNetwork(id) {
			await docker.getNetwork(id).remove();
		},

		async removeVolume(name) {
			await docker.getVolume(name).remove();
		},

		async imageHistory(id) {
			const layers = await docker.getImage(id).history() as Array<{Created?: number; CreatedBy?: string; Size?: number}>;
			return layers.map(layer => `${new Date((layer.Created ?? 0) * 1000).toISOString().slice(0, 19).replace('T', ' ')}  ${String(layer.Size ?? 0).padStart(10)} B  ${layer.CreatedBy ?? ''}`);
		},

		async networkContainers(id) {
			const info = await docker.getNetwork(id).inspect() as {Containers?: Record<string, {Name?: string; IPv4Address?: string; IPv6Address?: string}>};
			return Object.values(info.Containers ?? {})
				.map(c => ({name: c.Name ?? '', address: [c.IPv4Address, c.IPv6Address].filter(Boolean).join(' ')}))
				.sort((a, b) => naturalCompare(a.name, b.name));
		},
	};
}
