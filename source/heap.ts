import {setFlagsFromString} from 'node:v8';

/**
 * Keeps the heap near what tsdtop really holds. Under a log firehose V8's defaults let the young
 * generation grow to 2 x 16 MB and the old one to a few times the live data, so RSS climbed by 55-70
 * MB in 20 s though the live heap stayed under 30 MB (issue 3). A young generation that never grows
 * and an old one allowed 40 % headroom held it to +8-11 MB, keys answering as fast (bench:logs, the
 * two alternated in one run: median 62-74 ms against 67-97 ms). Idle RSS drops from about 120 MB to
 * 80 MB with 1,000 containers; the price is more frequent young collections, about 1.5 % of a core
 * while idle with stats streaming (npm run bench, same run). The bin cannot pass V8 flags on its
 * command line (`env -S` is not everywhere), so they are set here, before the heap grows; V8 reads
 * both each time it resizes a space.
 */
export function tuneHeap(): void {
	// TSDTOP_HEAP_DEFAULTS=1 keeps V8's own sizing, for comparing the two in the benchmark.
	if (process.env['TSDTOP_HEAP_DEFAULTS']) {
		return;
	}

	setFlagsFromString('--semi-space-growth-factor=1');
	setFlagsFromString('--heap-growing-percent=40');
}
