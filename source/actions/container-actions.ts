import type {Engine} from '../docker/engine.js';
import {describeError, isNotFound} from '../docker/errors.js';
import type {Store} from '../store/create-store.js';
import type {Target} from '../store/state.js';
import type {ContainerVerb} from '../core/types.js';

const progressive: Record<ContainerVerb, string> = {
	start: 'starting', stop: 'stopping', restart: 'restarting', pause: 'pausing', unpause: 'unpausing', kill: 'killing', remove: 'removing',
};
const past: Record<ContainerVerb, string> = {
	start: 'started', stop: 'stopped', restart: 'restarted', pause: 'paused', unpause: 'unpaused', kill: 'killed', remove: 'removed',
};

export type Job = {readonly target: Target; readonly verb: ContainerVerb};

export type JobOptions = {
	readonly force?: boolean;
	/** remove: the container's anonymous volumes go too (the Engine's `v=true`). */
	readonly volumes?: boolean;
	/** Said with the progress and the result, e.g. what was skipped and why. */
	readonly note?: string;
};

/** Runs several at once: stopping ten containers should take one stop timeout, not ten. */
const concurrency = 8;

/**
 * Applies verbs to containers through the Engine, showing progress and then one line of result in
 * the status bar. Never throws: every failure becomes a message. The list keeps refreshing meanwhile.
 */
export async function runJobs(engine: Engine, store: Store, jobs: readonly Job[], options: JobOptions = {}): Promise<void> {
	if (jobs.length === 0) {
		return;
	}

	const ids = jobs.map(j => j.target.id);
	const describeJob = (job: Job) => `${progressive[job.verb]} ${job.target.name}`;
	const note = options.note ? `; ${options.note}` : '';
	store.dispatch({type: 'status', status: {kind: 'progress', text: `${jobs.slice(0, 3).map(j => describeJob(j)).join(', ')}${jobs.length > 3 ? ` and ${jobs.length - 3} more` : ''}...${note}`}});
	for (const job of jobs) {
		store.dispatch({type: 'pending/set', ids: [job.target.id], label: progressive[job.verb]});
	}

	const failures: string[] = [];
	const done: Job[] = [];
	const queue = [...jobs];
	const worker = async () => {
		for (let job = queue.shift(); job; job = queue.shift()) {
			try {
				// eslint-disable-next-line no-await-in-loop
				await engine.act(job.target.id, job.verb, {force: options.force, ...(options.volumes ? {volumes: true} : {})});
				done.push(job);
				// The row says the result now, whether or not the Engine's event has arrived yet (issue 12).
				store.dispatch({type: 'containers/acted', id: job.target.id, verb: job.verb, at: Date.now()});
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 304) {
					// Already in the state asked for: nothing went wrong.
					done.push(job);
					store.dispatch({type: 'containers/acted', id: job.target.id, verb: job.verb, at: Date.now()});
				} else if (isNotFound(error)) {
					failures.push(`${job.target.name} is gone (removed elsewhere)`);
				} else {
					failures.push(`${job.target.name}: ${describeError(error, engine.host)}`);
				}
			} finally {
				store.dispatch({type: 'pending/clear', ids: [job.target.id]});
			}
		}
	};

	await Promise.all(Array.from({length: Math.min(concurrency, jobs.length)}, async () => worker()));
	store.dispatch({type: 'pending/clear', ids});
	const summary = summarize(done, failures, jobs.length);
	store.dispatch({type: 'status', status: {...summary, text: summary.text + note}});
}

function summarize(done: readonly Job[], failures: readonly string[], total: number) {
	const verbs = [...new Set(done.map(j => past[j.verb]))].join('/');
	const names = done.slice(0, 3).map(j => j.target.name).join(', ') + (done.length > 3 ? ` and ${done.length - 3} more` : '');
	if (failures.length === 0) {
		return {kind: 'success' as const, text: `${verbs} ${names}`};
	}

	const failed = `${failures.length} of ${total} failed: ${failures[0]}${failures.length > 1 ? ` (+${failures.length - 1} more)` : ''}`;
	return {kind: 'error' as const, text: done.length > 0 ? `${verbs} ${names}; ${failed}` : failed};
}
