import type {Target, UpdatePlan} from '../core/confirm.js';
import type {PullProgress} from '../docker/pull-progress.js';
import {checkStatusText} from '../render/pull-panel.js';
import {recreateOutcomeText, stepStatusText} from '../render/update-status.js';
import {selectTargets} from '../store/selectors.js';
import {toTarget} from './containers.js';
import {say, type CommandServices, type Handlers} from './services.js';
import {throttle} from './throttle.js';

// One update at a time: a second U while containers are checked or recreated would race the first.
let busy = false;

/** What a failed check says: the container, then the Engine layer's line (it names the reference). */
function failedCheck(name: string, message: string): string {
	return message.startsWith(name) ? message : `${name}: ${message}`;
}

/**
 * Phase one of U: pulls each container's image reference, one after another, with the bytes in the
 * status bar, then asks: the dialog names every container with its old and new image id (or says the
 * image did not change). Containers whose pull failed are named there and left alone.
 */
export async function checkUpdates(services: CommandServices, targets: readonly Target[], images: ReadonlyMap<string, string>): Promise<void> {
	const {engine, store} = services;
	const plans: Target[] = [];
	const skipped: string[] = [];
	for (const [index, target] of targets.entries()) {
		const position = {index, of: targets.length};
		const reference = images.get(target.id) ?? '';
		const show = (progress?: PullProgress) => store.dispatch({type: 'status', status: {kind: 'progress', text: checkStatusText(target.name, reference, progress, position)}});
		const progress = throttle((value: PullProgress) => show(value));
		show();
		store.dispatch({type: 'pending/set', ids: [target.id], label: 'checking'});
		try {
			// eslint-disable-next-line no-await-in-loop
			const check = await engine.updates.check(target.id, {onProgress: progress});
			if (check.pull.kind === 'error' || check.newImageId === undefined) {
				skipped.push(failedCheck(target.name, check.pull.kind === 'error' ? check.pull.message : 'the pull found no image'));
			} else {
				const update: UpdatePlan = {reference: check.reference, oldImageId: check.oldImageId, newImageId: check.newImageId, changed: check.changed};
				plans.push({...target, update});
			}
		} finally {
			progress.cancel();
			store.dispatch({type: 'pending/clear', ids: [target.id]});
		}
	}

	if (plans.length === 0) {
		return say(services, skipped.length === 1 ? skipped[0]! : `${skipped.length} checks failed: ${skipped[0]} (+${skipped.length - 1} more: ! lists them)`, 'error');
	}

	for (const line of skipped) {
		// Each into the error history (!); the dialog names them too.
		say(services, line, 'error');
	}

	store.dispatch({type: 'status'});
	store.dispatch({type: 'overlay/confirm', request: {action: 'update', targets: plans, ...(skipped.length > 0 ? {skipped} : {})}});
}

/**
 * Phase two, after yes: recreates each container on its reference's image, one after another, each
 * step in the status bar, then a line per container (updated, or rolled back with the error). The
 * list follows from the Engine's events (create, rename, start, destroy), as for any change.
 */
export async function runUpdates(services: CommandServices, targets: readonly Target[]): Promise<void> {
	const {engine, store} = services;
	const lines: Array<{readonly ok: boolean; readonly text: string}> = [];
	busy = true;
	try {
		for (const [index, target] of targets.entries()) {
			const position = {index, of: targets.length};
			store.dispatch({type: 'pending/set', ids: [target.id], label: 'updating'});
			store.dispatch({type: 'status', status: {kind: 'progress', text: `updating ${target.name}${targets.length > 1 ? ` (${index + 1} of ${targets.length})` : ''}...`}});
			try {
				// eslint-disable-next-line no-await-in-loop
				const result = await engine.updates.recreate(target.id, {
					...(target.update ? {image: target.update.reference} : {}),
					onStep: step => store.dispatch({type: 'status', status: {kind: 'progress', text: stepStatusText(target.name, step, position)}}),
				});
				const text = recreateOutcomeText(result, target.update);
				lines.push({ok: result.ok, text});
				store.dispatch({type: 'status', status: {kind: result.ok ? 'success' : 'error', text}});
			} finally {
				store.dispatch({type: 'pending/clear', ids: [target.id]});
			}
		}
	} finally {
		busy = false;
	}

	if (lines.length > 1) {
		const failed = lines.filter(l => !l.ok);
		const summary = `updated ${lines.length - failed.length} of ${lines.length}${failed.length > 0 ? `; ${failed[0]!.text}${failed.length > 1 ? ` (+${failed.length - 1} more: ! lists them)` : ''}` : ''}`;
		store.dispatch({type: 'status', status: {kind: failed.length > 0 ? 'error' : 'success', text: summary}});
	}
}

/** U on the Containers pane. */
export const updateHandlers = {
	'container.update'(services, state) {
		if (busy) {
			return say(services, 'an update is under way: one at a time', 'error');
		}

		const chosen = selectTargets(state);
		if (chosen.length === 0) {
			return say(services, 'nothing to update: no container selected', 'error');
		}

		busy = true;
		const images = new Map(chosen.map(c => [c.id, c.image]));
		void checkUpdates(services, chosen.map(c => toTarget(c)), images).finally(() => {
			busy = false;
		});
	},
} satisfies Handlers;
