import {sanitizeLine} from './sanitize.js';
import {shortImageId} from './update-confirm-text.js';

/** A recreate step as the status bar names it (docker/recreate.ts's RecreateStep has this shape). */
export type StepReport = {readonly step: string; readonly ok: boolean; readonly detail?: string};

/** The outcome of one recreate (docker/recreate.ts's RecreateResult has this shape). */
export type RecreateReport =
	| {readonly ok: true; readonly name: string; readonly warning?: string}
	| {readonly ok: false; readonly name: string; readonly error: string; readonly rolledBack: boolean};

const stepWords: Readonly<Record<string, string>> = {
	create: 'created the new container',
	connect: 'connected a network',
	'stop-old': 'stopped the old one',
	'rename-old': 'renamed the old one aside',
	'rename-new': 'gave the new one its name',
	'start-new': 'started the new one',
	'remove-old': 'removed the old one',
	'rollback-remove-new': 'rolling back: removed the new one',
	'rollback-rename-old': 'rolling back: gave the old one its name back',
	'rollback-start-old': 'rolling back: started the old one again',
};

/** "updating web (1 of 2): stopped the old one" while a recreate goes, step by step. */
export function stepStatusText(name: string, step: StepReport, position?: {readonly index: number; readonly of: number}): string {
	const which = position && position.of > 1 ? ` (${position.index + 1} of ${position.of})` : '';
	const words = stepWords[step.step] ?? step.step;
	return `updating ${sanitizeLine(name)}${which}: ${step.ok ? words : `${step.step} failed: ${sanitizeLine(step.detail ?? '')}`}`;
}

/** The final line of one container: updated (old -> new), or rolled back with the error. */
export function recreateOutcomeText(result: RecreateReport, ids?: {readonly oldImageId: string; readonly newImageId: string}): string {
	if (result.ok) {
		const change = ids && ids.oldImageId !== ids.newImageId ? ` (${shortImageId(ids.oldImageId)} -> ${shortImageId(ids.newImageId)})` : ' (same image, recreated)';
		return `updated ${sanitizeLine(result.name)}${change}${result.warning ? `; ${sanitizeLine(result.warning)}` : ''}`;
	}

	const back = result.rolledBack ? 'rolled back, the old one is back' : 'rollback incomplete, check it';
	return `${sanitizeLine(result.name)} not updated (${back}): ${sanitizeLine(result.error)}`;
}

/** The one line a finished P leaves: "up to date", "pulled NAME (old -> new)", or the error. */
export function pullOutcomeText(result: {readonly kind: 'up-to-date'; readonly reference: string; readonly imageId: string} | {readonly kind: 'pulled'; readonly reference: string; readonly oldId?: string; readonly newId: string} | {readonly kind: 'error'; readonly reference: string; readonly message: string}): string {
	const name = sanitizeLine(result.reference);
	switch (result.kind) {
		case 'up-to-date': return `${name} is up to date (${shortImageId(result.imageId)})`;
		case 'pulled': return `pulled ${name} (${result.oldId ? shortImageId(result.oldId) : 'new'} -> ${shortImageId(result.newId)})`;
		// The Engine layer's line already names the reference and what went wrong.
		case 'error': return sanitizeLine(result.message);
	}
}
