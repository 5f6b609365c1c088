import type {Engine} from '../docker/engine.js';
import {describeError, isNotFound} from '../docker/errors.js';
import {formatBytes} from '../render/format.js';
import type {Store} from '../store/create-store.js';
import type {ResourceAction, Target} from '../store/state.js';
import type {ResourceWatcher} from '../store/resource-watcher.js';

const nouns: Readonly<Record<string, string>> = {image: 'image', network: 'network', volume: 'volume'};

/**
 * Removes exactly the targets the dialog listed, one by one (a prune call could take more than was
 * shown), then reports what went, what did not and why, and the space freed: the Engine's own
 * `system df` figures before and after, so shared layers are not counted twice.
 */
export async function removeResources(engine: Engine, store: Store, action: ResourceAction, targets: readonly Target[], options: {readonly force: boolean; readonly watcher?: ResourceWatcher}): Promise<void> {
	const kind = action.split('-')[0]!;
	const noun = nouns[kind]!;
	const plural = `${noun}${targets.length === 1 ? '' : 's'}`;
	store.dispatch({type: 'status', status: {kind: 'progress', text: `removing ${targets.length} ${plural}...`}});
	const before = await engine.diskUsage().catch(() => undefined);
	const removed: string[] = [];
	const failures: string[] = [];
	for (const target of targets) {
		try {
			if (kind === 'image') {
				// eslint-disable-next-line no-await-in-loop
				await engine.removeImage(target.reference ?? target.id, {force: options.force});
			} else if (kind === 'network') {
				// eslint-disable-next-line no-await-in-loop
				await engine.removeNetwork(target.id);
			} else {
				// eslint-disable-next-line no-await-in-loop
				await engine.removeVolume(target.id);
			}

			removed.push(target.name);
		} catch (error) {
			failures.push(isNotFound(error) ? `${target.name} is gone (removed elsewhere)` : `${target.name}: ${describeError(error, engine.host)}`);
		}
	}

	const after = await engine.diskUsage().catch(() => undefined);
	const section = kind === 'image' ? 'images' : 'volumes';
	const freed = before && after && kind !== 'network' ? Math.max(0, before.usage[section].size - after.usage[section].size) : undefined;
	if (after) {
		store.dispatch({type: 'diskUsage/loaded', usage: after.usage, volumeSizes: after.volumeSizes});
	}

	const pane = kind === 'image' ? 'images' : (kind === 'network' ? 'networks' : 'volumes');
	options.watcher?.refresh(pane);
	const names = removed.slice(0, 3).join(', ') + (removed.length > 3 ? ` and ${removed.length - 3} more` : '');
	const space = freed === undefined ? '' : `, freed ${formatBytes(freed)}`;
	const done = removed.length > 0 ? `removed ${removed.length} ${noun}${removed.length === 1 ? '' : 's'} (${names})${space}` : '';
	const failed = failures.length > 0 ? `${failures.length} of ${targets.length} failed: ${failures[0]}${failures.length > 1 ? ` (+${failures.length - 1} more)` : ''}` : '';
	store.dispatch({type: 'status', status: {kind: failures.length > 0 ? 'error' : 'success', text: [done, failed].filter(Boolean).join('; ')}});
}
