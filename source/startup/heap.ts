import {PerformanceObserver} from 'node:perf_hooks';
import {getHeapSpaceStatistics, setFlagsFromString} from 'node:v8';
import {heapTick} from './heap-reducer.js';

/**
 * Keeps the heap near what tsdtop really holds. Under a log firehose V8's defaults let the young
 * generation grow to 2 x 16 MB and the old one to a few times the live data, so RSS climbed by 55-70
 * MB in 20 s though the live heap stayed under 30 MB (issue 3). A young generation that does not grow
 * and an old one allowed 40 % headroom held it to +8-11 MB, keys answering as fast (bench:logs, the
 * two alternated in one run: median 62-74 ms against 67-97 ms).
 *
 * Idle, the young generation grows too: with 1,000 containers to 32 MB within 5 s of start (the
 * list is 0.8 MB of JSON), a third of RSS. Capped at 8 MB, RSS is 78-90 MB instead of 91-117, for
 * 0.3-0.5 % of a core more in young collections (bench, alternated with the uncapped build). Held at
 * its first 1 MB it cost about as much, but a list of 1,000 parsed into 1 MB spills into the old
 * generation; 8 MB takes it whole. V8 reads no size limit after start, only its growth factor, which
 * it reads each time it grows the space: so after each collection the factor is 2 while the space is
 * under 8 MB and 1 from there (V8 may shrink it while idle, and it may grow back).
 *
 * The bin cannot pass V8 flags on its command line (`env -S` is not everywhere), so they are set
 * here.
 */
const disabled = Boolean(process.env['TSDTOP_HEAP_DEFAULTS']);
const youngGenerationCap = 8 * 1024 * 1024;

let logFollowed = false;
let atCap = false;
let factor = 2;

function applyGrowthFactor(): void {
	const wanted = logFollowed || atCap ? 1 : 2;
	if (wanted !== factor) {
		factor = wanted;
		setFlagsFromString(`--semi-space-growth-factor=${wanted}`);
	}
}

/** At start. TSDTOP_HEAP_DEFAULTS=1 keeps V8's own sizing, for comparing the two in the benchmark. */
export function tuneHeap(): void {
	if (disabled) {
		return;
	}

	setFlagsFromString('--heap-growing-percent=40');
	// Called after collections, not on a timer: nothing wakes tsdtop up for this.
	new PerformanceObserver(() => {
		const young = getHeapSpaceStatistics().find(space => space.space_name === 'new_space');
		atCap = (young?.space_size ?? 0) >= youngGenerationCap;
		applyGrowthFactor();
		// After a collection the heap's numbers are fresh: a tick of the memory reducer, no wake-up of its own.
		heapTick();
	}).observe({entryTypes: ['gc']});
}

/** While a log is followed, the young generation keeps the size it has, whatever it is. */
export function holdYoungGeneration(hold: boolean): void {
	if (disabled) {
		return;
	}

	logFollowed = hold;
	applyGrowthFactor();
}
