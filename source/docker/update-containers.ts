import type Docker from 'dockerode';
import type {PullOptions} from './pull.js';
import {type RecreateResult, type RecreateStep, recreateContainer} from './recreate.js';
import {checkForUpdate, type UpdateCheck} from './update-check.js';

/** What happens to the containers of an update, one event at a time, as plain data. */
export type UpdateEvent =
	| {readonly kind: 'checked'; readonly check: UpdateCheck}
	| {readonly kind: 'step'; readonly containerId: string; readonly step: RecreateStep}
	| {readonly kind: 'skipped'; readonly containerId: string; readonly reason: string}
	| {readonly kind: 'recreated'; readonly containerId: string; readonly result: RecreateResult};

export type UpdateOutcome = {readonly check: UpdateCheck; readonly result?: RecreateResult; readonly skipped?: string};

export type UpdateOptions = {
	/** Recreate even when the image did not change (the person said "recreate anyway"). */
	readonly recreateUnchanged?: boolean;
	readonly pull?: Omit<PullOptions, 'signal'>;
	readonly onEvent?: (event: UpdateEvent) => void;
	/** Stops before the next container; the one being recreated finishes (or rolls back). */
	readonly signal?: AbortSignal;
};

/**
 * Updates containers one after another (the marked ones, in the order given): pull and check, then
 * recreate when the image changed (or always, with recreateUnchanged). A container whose pull fails
 * is skipped with the pull's line; the others go on.
 */
export async function updateContainers(docker: Docker, ids: readonly string[], options: UpdateOptions = {}): Promise<UpdateOutcome[]> {
	const outcomes: UpdateOutcome[] = [];
	for (const id of ids) {
		if (options.signal?.aborted) {
			break;
		}

		// eslint-disable-next-line no-await-in-loop
		const check = await checkForUpdate(docker, id, options.pull);
		options.onEvent?.({kind: 'checked', check});
		const skipped = check.pull.kind === 'error' ? check.pull.message : (!check.changed && !options.recreateUnchanged ? `${check.name} already runs the newest ${check.reference}` : undefined);
		if (skipped) {
			options.onEvent?.({kind: 'skipped', containerId: check.containerId, reason: skipped});
			outcomes.push({check, skipped});
			continue;
		}

		// eslint-disable-next-line no-await-in-loop
		const result = await recreateContainer(docker, check.containerId, {
			image: check.reference,
			onStep: step => options.onEvent?.({kind: 'step', containerId: check.containerId, step}),
		});
		options.onEvent?.({kind: 'recreated', containerId: check.containerId, result});
		outcomes.push({check, result});
	}

	return outcomes;
}
