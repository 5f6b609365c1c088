// When tsdtop's own memory reducer (heap-reducer.ts) runs a full, memory-reducing collection. Pure,
// so that when it collects is unit-tested; the glue reads the clock and the heap.

/** What the policy reads. Times in ms; `committed` and `used` are the heap's, in bytes. */
export type ReducerInput = {
	readonly now: number;
	readonly startedAt: number;
	/** The last change a person or the Engine made (a key, an event, a list): not a stats sample. */
	readonly lastActivityAt: number;
	readonly lastCollectAt: number | undefined;
	/** Whether there was activity since the last collection (or since start). */
	readonly activitySinceCollect: boolean;
	readonly committed: number;
	readonly used: number;
};

export type ReducerReason = 'settled' | 'quiet' | 'churn';

export type ReducerPolicy = {
	/** The first collection, this long after start: what starting up left behind. */
	readonly settleMs: number;
	/** Quiet: no activity for this long after some. */
	readonly quietMs: number;
	/** Committed beyond used that makes a collection worth it once quiet. */
	readonly quietSlack: number;
	/** While activity goes on without a quiet spell: at most one collection this often... */
	readonly churnEveryMs: number;
	/** ...and only with this much committed beyond used. */
	readonly churnSlack: number;
	/** Never two collections closer than this (each takes tens of ms). */
	readonly minGapMs: number;
};

const mb = 1024 * 1024;

/**
 * A collection takes 25-35 ms of the main thread on this project's machine (issue 15), so it runs
 * when nobody waits: once settled, once quiet after a burst, and during sustained churn only when
 * the heap holds much more than it uses, at most once a minute. At least a minute apart, with 6 MB
 * to gain once quiet: containers younger than a minute change their STATUS at every backstop list
 * (10 s), which counts as activity, and with 10 s and 3 MB the bench's realistic window cost 0.8-1.1 %
 * of a core against main's 0.4-0.5 (0.5 against 0.3 with these values).
 */
export const reducerPolicy: ReducerPolicy = {
	settleMs: 10_000,
	quietMs: 3000,
	quietSlack: 6 * mb,
	churnEveryMs: 60_000,
	churnSlack: 8 * mb,
	minGapMs: 60_000,
};

/** Why to collect now, or undefined to leave the heap as it is. */
export function shouldCollect(input: ReducerInput, policy: ReducerPolicy = reducerPolicy): ReducerReason | undefined {
	const {now, startedAt, lastActivityAt, lastCollectAt, activitySinceCollect} = input;
	const slack = input.committed - input.used;
	if (lastCollectAt === undefined) {
		return now - startedAt >= policy.settleMs ? 'settled' : undefined;
	}

	const sinceCollect = now - lastCollectAt;
	if (sinceCollect < policy.minGapMs || !activitySinceCollect) {
		return undefined;
	}

	if (now - lastActivityAt >= policy.quietMs) {
		return slack >= policy.quietSlack ? 'quiet' : undefined;
	}

	return sinceCollect >= policy.churnEveryMs && slack >= policy.churnSlack ? 'churn' : undefined;
}
