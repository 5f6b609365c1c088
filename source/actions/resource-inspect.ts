import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import {formatAge, formatBytes} from '../render/format.js';
import {usesNetwork} from '../render/resource-lists.js';
import {sanitizeLine} from '../render/sanitize.js';
import type {Store} from '../store/create-store.js';
import {descriptors, type ResourcePane, selectResourceRows} from '../store/resource-selectors.js';
import type {Image, Network, Volume} from '../core/types.js';
import {naturalCompare} from '../core/natural-order.js';

/** i on a resource pane: a page of facts about the selected object, from the Engine. */
export async function inspectResource(engine: Engine, store: Store, pane: ResourcePane): Promise<void> {
	const state = store.getState();
	const item = selectResourceRows(state, pane).find(row => descriptors[pane].key(row) === state.ui.selectedId);
	if (!item) {
		return;
	}

	const users = (test: (c: NonNullable<typeof state.containers>[number]) => boolean) =>
		(state.containers ?? []).filter(c => test(c)).map(c => `  ${sanitizeLine(c.name)} (${c.state})`);
	try {
		let title: string;
		let lines: string[];
		if (pane === 'images') {
			const image = item as Image;
			title = `Image ${image.dangling ? image.id : image.tag}`;
			const history = await engine.imageHistory(image.id);
			const used = users(c => c.imageId === image.id);
			lines = [
				`id       ${image.id}`, `tags     ${image.tags.join(', ') || '<none>'}`, `size     ${formatBytes(image.size)}`, `created  ${formatAge(image.created)} ago`,
				`used by  ${used.length === 0 ? 'no container' : ''}`, ...used, '', 'Layers (newest first):', ...history.map(h => `  ${sanitizeLine(h)}`),
			];
		} else if (pane === 'networks') {
			const network = item as Network;
			title = `Network ${network.name}`;
			// The Engine's network inspect names running containers only; the list counts every container
			// set to use the network, whatever its state. One count for both: the containers', with the
			// addresses of those the Engine has attached (issue 12 item 5).
			const addresses = new Map((await engine.networkContainers(network.id)).map(c => [c.name, c.address]));
			const members = (state.containers ?? []).filter(c => usesNetwork(c, network)).sort((a, b) => naturalCompare(a.name, b.name));
			const running = members.filter(c => c.state === 'running').length;
			lines = [
				`id       ${network.id}`, `driver   ${network.driver}`, `scope    ${network.scope}`, `subnet   ${network.subnet || '-'}`, '',
				`Containers (${members.length}, ${running} running):`,
				...members.map(c => `  ${sanitizeLine(c.name)} (${c.state})  ${addresses.get(c.name) || (c.state === 'running' ? '(no address)' : '(not attached while stopped)')}`),
			];
		} else {
			const volume = item as Volume;
			title = `Volume ${volume.name}`;
			const used = users(c => c.volumeNames?.includes(volume.name) ?? false);
			lines = [
				`driver      ${volume.driver}`, `mountpoint  ${volume.mountpoint}`, `created     ${volume.created ?? '-'}`,
				`size        ${volume.size === undefined ? 'unknown' : formatBytes(volume.size)}`, '', `Used by (${used.length}):`, ...used,
			];
		}

		store.dispatch({type: 'overlay/page', page: {title: sanitizeLine(title), lines: lines.map(l => sanitizeLine(l)), scroll: 0}});
	} catch (error) {
		store.dispatch({type: 'status', status: {kind: 'error', text: `cannot inspect: ${describeError(error, engine.host)}`}});
	}
}
