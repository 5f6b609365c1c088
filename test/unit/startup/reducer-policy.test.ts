import {describe, expect, test} from 'vitest';
import {type ReducerInput, reducerPolicy, shouldCollect} from '../../../source/startup/reducer-policy.js';
import {isActivity} from '../../../source/startup/heap-reducer.js';
import type {AppState} from '../../../source/store/state.js';

const mb = 1024 * 1024;
const started = 1_000_000;
const at = (seconds: number) => started + (seconds * 1000);

// Settled 10 s after start, then no activity: the base the cases change.
const base: ReducerInput = {now: at(10), startedAt: started, lastActivityAt: at(2), lastCollectAt: undefined, activitySinceCollect: true, committed: 30 * mb, used: 20 * mb};

// Issue 15: tsdtop's own memory reducer collects when it pays, and never on a timer of its own.
describe('shouldCollect', () => {
	test('not before tsdtop has settled, then once', () => {
		expect(shouldCollect({...base, now: at(9.9)})).toBeUndefined();
		expect(shouldCollect(base)).toBe('settled');
		expect(shouldCollect({...base, lastCollectAt: at(10), activitySinceCollect: false, now: at(60)})).toBeUndefined();
	});

	test('once quiet after a burst, when the heap holds a few MB more than it uses', () => {
		const burst = {...base, lastCollectAt: at(10), activitySinceCollect: true, lastActivityAt: at(80), committed: 27 * mb};
		expect(shouldCollect({...burst, now: at(81)})).toBeUndefined();
		expect(shouldCollect({...burst, now: at(83)})).toBe('quiet');
		expect(shouldCollect({...burst, now: at(83), committed: 25 * mb})).toBeUndefined();
	});

	test('idle (stats samples are not activity): no collection, however much the heap holds', () => {
		expect(shouldCollect({...base, lastCollectAt: at(10), activitySinceCollect: false, now: at(3600), committed: 80 * mb})).toBeUndefined();
	});

	test('sustained churn: at most once a minute, and only with much more committed than used', () => {
		const churn = {...base, lastCollectAt: at(10), activitySinceCollect: true};
		expect(shouldCollect({...churn, now: at(69), lastActivityAt: at(69)})).toBeUndefined();
		expect(shouldCollect({...churn, now: at(70), lastActivityAt: at(70)})).toBe('churn');
		expect(shouldCollect({...churn, now: at(70), lastActivityAt: at(70), committed: 27 * mb})).toBeUndefined();
		expect(shouldCollect({...churn, now: at(130), lastActivityAt: at(130), lastCollectAt: at(70)})).toBe('churn');
	});

	test('never two collections within the minimum gap, even once quiet', () => {
		const justCollected = {...base, lastCollectAt: at(10), activitySinceCollect: true, lastActivityAt: at(11)};
		expect(shouldCollect({...justCollected, now: at(10) + reducerPolicy.minGapMs - 1})).toBeUndefined();
		expect(shouldCollect({...justCollected, now: at(10) + reducerPolicy.minGapMs})).toBe('quiet');
	});
});

describe('isActivity', () => {
	const state = {stats: {}, containers: [], ui: {pane: 'containers'}} as unknown as AppState;
	test('a stats sample alone is not activity; a list, a key (ui) or a log is', () => {
		expect(isActivity(state, {...state, stats: {a: {cpu: 1}}} as unknown as AppState)).toBe(false);
		expect(isActivity(state, {...state, containers: []})).toBe(true);
		expect(isActivity(state, {...state, ui: {...state.ui}})).toBe(true);
		expect(isActivity(state, {...state, logs: {}} as unknown as AppState)).toBe(true);
	});
});
