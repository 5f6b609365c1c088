import {formatBytes} from '../render/format.js';
import {usesNetwork} from '../render/resource-lists.js';
import {descriptors, type ResourcePane, selectResourceRows, selectUsage} from '../store/resource-selectors.js';
import type {AppState, ConfirmRequest, Target} from '../store/state.js';
import type {Image, Network, Volume} from '../core/types.js';

/** What D or C on a resource pane asks: a confirmation to show, or one line saying why not. */
export type Request = {readonly request: ConfirmRequest} | {readonly refusal: string};

function targets(state: AppState, pane: ResourcePane): unknown[] {
	const rows = selectResourceRows(state, pane);
	const key = descriptors[pane].key;
	const marked = rows.filter(item => state.ui.marks.has(key(item)));
	if (marked.length > 0) {
		return marked;
	}

	const selected = rows.find(item => key(item) === state.ui.selectedId);
	return selected ? [selected] : [];
}

const containerTargets = (state: AppState, test: (c: NonNullable<AppState['containers']>[number]) => boolean): Target[] =>
	(state.containers ?? []).filter(c => test(c)).map(c => ({id: c.id, name: c.name, state: c.state}));

const imageTarget = (image: Image): Target => ({id: image.id, name: image.dangling ? image.id.replace(/^sha256:/, '').slice(0, 12) : image.tag, detail: formatBytes(image.size), bytes: image.size});
const volumeTarget = (volume: Volume): Target => ({id: volume.name, name: volume.name, detail: volume.size === undefined ? 'size unknown' : formatBytes(volume.size)});
const networkTarget = (network: Network): Target => ({id: network.id, name: network.name, detail: network.driver});

/**
 * D on a resource pane: the selected object with what uses it, or every marked one (those in use,
 * and the Engine's own networks, are refused by name rather than silently left out).
 */
export function removeRequest(state: AppState, pane: ResourcePane): Request {
	const chosen = targets(state, pane);
	const [item] = chosen;
	if (!item) {
		return {refusal: `nothing to remove: no ${descriptors[pane].noun} selected`};
	}

	const usage = selectUsage(state);
	if (chosen.length > 1) {
		return removeMarked(state, pane, chosen);
	}

	if (pane === 'images') {
		const image = item as Image;
		const users = containerTargets(state, c => c.imageId === image.id);
		const target = {...imageTarget(image), ...(image.tags.length > 1 ? {reference: image.tag} : {})};
		return {request: {action: 'image-remove', targets: [target], users}};
	}

	if (pane === 'networks') {
		const network = item as Network;
		if (network.builtin) {
			return {refusal: `${network.name} is one of the Engine's own networks (bridge, host, none): it cannot be removed`};
		}

		const users = usage.byNetwork.get(network.id) ?? 0;
		if (users > 0) {
			// Stopped ones count too: removing the network would leave them unable to start.
			const running = (state.containers ?? []).filter(c => c.state === 'running' && usesNetwork(c, network)).length;
			return {refusal: `network ${network.name} is in use by ${users} container${users === 1 ? '' : 's'} (${running} running): disconnect or remove them first`};
		}

		return {request: {action: 'network-remove', targets: [networkTarget(network)]}};
	}

	const volume = item as Volume;
	const users = containerTargets(state, c => c.volumeNames?.includes(volume.name) ?? false);
	if (users.length > 0) {
		return {refusal: `volume ${volume.name} is in use by ${users.map(u => u.name).join(', ')}: remove those containers first`};
	}

	return {request: {action: 'volume-remove', targets: [volumeTarget(volume)], typeToConfirm: volume.name}};
}

/** C on a resource pane: everything unused (matching the filter, if one is set), listed. */
export function cleanupRequest(state: AppState, pane: ResourcePane, allUnusedImages = false): Request {
	const usage = selectUsage(state);
	const rows = selectResourceRows(state, pane);
	const filter = state.ui.filter.text.trim();
	const scope = filter ? {filter} : {};
	const none = (what: string) => ({refusal: `nothing to clean up: no ${what}${filter ? ` match "${filter}"` : ''}`});
	if (pane === 'images') {
		const seen = new Set<string>();
		const unusedImages = (rows as Image[]).filter(image => (usage.byImage.get(image.id) ?? 0) === 0).filter(image => !seen.has(image.id) && seen.add(image.id));
		const dangling = unusedImages.filter(image => image.dangling);
		// Dangling ones first, as `docker image prune` does; with none of those, straight to all unused.
		const all = allUnusedImages || dangling.length === 0;
		const chosen = all ? unusedImages : dangling;
		return chosen.length === 0
			? none('unused images')
			: {request: {action: all ? 'image-prune-all' : 'image-prune', targets: chosen.map(image => imageTarget(image)), ...scope}};
	}

	if (pane === 'networks') {
		const unused = (rows as Network[]).filter(n => !n.builtin && (usage.byNetwork.get(n.id) ?? 0) === 0);
		return unused.length === 0 ? none('unused networks') : {request: {action: 'network-prune', targets: unused.map(n => networkTarget(n)), ...scope}};
	}

	const unused = (rows as Volume[]).filter(v => (usage.byVolume.get(v.name) ?? 0) === 0);
	return unused.length === 0 ? none('unused volumes') : {request: {action: 'volume-prune', targets: unused.map(v => volumeTarget(v)), typeToConfirm: 'prune', ...scope}};
}

function removeMarked(state: AppState, pane: ResourcePane, chosen: readonly unknown[]): Request {
	const usage = selectUsage(state);
	const noun = descriptors[pane].noun;
	const label = (item: unknown) => descriptors[pane].label(item);
	const inUse = chosen.filter(item => {
		if (pane === 'images') {
			return (usage.byImage.get((item as Image).id) ?? 0) > 0;
		}

		return pane === 'networks'
			? (item as Network).builtin || (usage.byNetwork.get((item as Network).id) ?? 0) > 0
			: (usage.byVolume.get((item as Volume).name) ?? 0) > 0;
	});
	if (inUse.length > 0) {
		return {refusal: `cannot remove the marked ${noun}s: ${inUse.map(item => label(item)).join(', ')} ${inUse.length === 1 ? 'is' : 'are'} in use or the Engine's own (unmark ${inUse.length === 1 ? 'it' : 'them'})`};
	}

	if (pane === 'images') {
		const seen = new Set<string>();
		const images = (chosen as Image[]).filter(image => !seen.has(image.id) && seen.add(image.id));
		return {request: {action: 'image-prune-all', targets: images.map(image => imageTarget(image)), marked: true}};
	}

	return pane === 'networks'
		? {request: {action: 'network-prune', targets: (chosen as Network[]).map(n => networkTarget(n)), marked: true}}
		: {request: {action: 'volume-prune', targets: (chosen as Volume[]).map(v => volumeTarget(v)), typeToConfirm: 'remove', marked: true}};
}
