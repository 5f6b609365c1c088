import {getHeapStatistics, setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import type {AppState} from '../store/state.js';
import {count, tracing} from '../core/trace.js';
import {shouldCollect} from './reducer-policy.js';

/**
 * tsdtop's own memory reducer (issue 15). V8's never runs for tsdtop: it reads the periodic stats
 * work as the process being busy, so the heap keeps what starting up and past bursts committed (new
 * space 8 MB committed for 0.5 used, old space a few MB above live). A memory-reducing full
 * collection gives it back: RSS 94-96 MB instead of 98-101 at 20 s with 100 containers.
 *
 * Nothing here runs on a timer of its own: `heapTick` is called by what already wakes tsdtop (a
 * change of the store, a garbage collection), at most one heap reading a second, and
 * reducer-policy.ts decides.
 */
type Gc = (options: {type: 'major'; execution: 'sync'; flavor: 'last-resort'}) => void;

const disabled = Boolean(process.env['TSDTOP_HEAP_DEFAULTS']);
const checkEveryMs = 1000;
const startedAt = Date.now();
let lastActivityAt = startedAt;
let lastCollectAt: number | undefined;
let activitySinceCollect = true;
let lastCheckAt = 0;
let gc: Gc | undefined;

// V8 exposes gc() to contexts made after the flag is set; a bin cannot pass `--expose-gc` itself.
function obtainGc(): Gc {
	if (!gc) {
		setFlagsFromString('--expose-gc');
		gc = runInNewContext('gc') as Gc;
	}

	return gc;
}

/** A change a person or the Engine made: a key, an event, a list; not a stats sample. */
export function noteActivity(now = Date.now()): void {
	lastActivityAt = now;
	activitySinceCollect = true;
}

/** Called on what already wakes tsdtop: collects when reducer-policy.ts says it pays. */
export function heapTick(now = Date.now()): void {
	if (disabled || now - lastCheckAt < checkEveryMs) {
		return;
	}

	lastCheckAt = now;
	const heap = getHeapStatistics();
	const reason = shouldCollect({now, startedAt, lastActivityAt, lastCollectAt, activitySinceCollect, committed: heap.total_heap_size, used: heap.used_heap_size});
	if (!reason) {
		return;
	}

	obtainGc()({type: 'major', execution: 'sync', flavor: 'last-resort'});
	lastCollectAt = Date.now();
	activitySinceCollect = false;
	if (tracing) {
		count(`heap reduced (${reason})`);
	}
}

/** Whether a store change is activity: anything but a new stats sample alone. */
export function isActivity(previous: AppState, next: AppState): boolean {
	for (const key of Object.keys(next) as Array<keyof AppState>) {
		if (key !== 'stats' && next[key] !== previous[key]) {
			return true;
		}
	}

	return false;
}
