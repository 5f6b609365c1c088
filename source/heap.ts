import {setFlagsFromString} from 'node:v8';

/**
 * Keeps the heap near what tsdtop really holds. Under a log firehose V8's defaults let the young
 * generation grow to 2 x 16 MB and the old one to a few times the live data, so RSS climbed from
 * about 80 MB to 140-160 MB though the live heap stayed under 30 MB (issue 3). A young generation
 * that never grows and an old one allowed 20 % headroom held RSS within about 12 MB of its start,
 * with more lines taken in and quicker keys (bench:logs, same run). The bin has no way to pass V8
 * flags on its command line (`env -S` is not everywhere), so they are set here, before the heap grows;
 * both are read by V8 each time it resizes a space.
 */
export function tuneHeap(): void {
	// TSDTOP_HEAP_DEFAULTS=1 keeps V8's own sizing, for comparing the two in the benchmark.
	if (process.env['TSDTOP_HEAP_DEFAULTS']) {
		return;
	}

	setFlagsFromString('--semi-space-growth-factor=1');
	setFlagsFromString('--heap-growing-percent=20');
}
