import type {ConfirmRequest, Target} from '../core/confirm.js';
import type {ConfirmChoice, ConfirmText} from './confirm-types.js';
import {sanitizeLine} from './sanitize.js';

/** An image id as people compare them: the first 12 hex digits, without "sha256:". */
export function shortImageId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** One container of the dialog: its name, the reference, and old -> new (or "unchanged"). */
export function updateLine(target: Target): string {
	const plan = target.update;
	if (!plan) {
		return sanitizeLine(target.name);
	}

	const ids = plan.changed ? `${shortImageId(plan.oldImageId)} -> ${shortImageId(plan.newImageId)}` : `${shortImageId(plan.oldImageId)}, unchanged`;
	return `${sanitizeLine(target.name)}  ${sanitizeLine(plan.reference)}  (${ids})`;
}

/**
 * The words of U's confirmation, after the pull: every container with its old and new image id.
 * When no image changed it asks "recreate anyway?"; when some did, y updates those and f also
 * recreates the unchanged ones. No is the default (confirm.no takes Enter and Esc).
 */
export function describeUpdateConfirm(request: ConfirmRequest): ConfirmText {
	const {targets} = request;
	const changed = targets.filter(t => t.update?.changed);
	const unchanged = targets.filter(t => !t.update?.changed);
	const lines = [...targets.map(t => updateLine(t)), ...(request.skipped ?? []).map(line => `not updated: ${sanitizeLine(line)}`)];
	const recreate = 'Same settings, volumes kept; a failed step puts the old one back.';
	if (changed.length === 0) {
		// The question first: a long name or reference is cut at the dialog's edge, the question is not.
		return {
			title: targets.length === 1 ? 'The image did not change: recreate anyway?' : `None of the ${targets.length} images changed: recreate anyway?`,
			lines,
			choices: [{key: 'y', label: 'recreate anyway', targets, force: false}],
			note: recreate,
		};
	}

	const choices: ConfirmChoice[] = [{key: 'y', label: unchanged.length > 0 ? `update the ${count(changed.length, 'changed one')}` : 'update', targets: changed, force: false}];
	if (unchanged.length > 0) {
		choices.push({key: 'f', label: `recreate all ${targets.length}, the unchanged too`, targets, force: true});
	}

	return {
		title: `Update ${count(changed.length, 'container')} to ${changed.length === 1 ? 'its newer image' : 'their newer images'}?${unchanged.length > 0 ? ` (${unchanged.length} unchanged)` : ''}`,
		lines,
		choices,
		note: recreate,
	};
}
