import {setFlagsFromString} from 'node:v8';

/**
 * Keeps the heap near what tsdtop really holds. Under a log firehose V8's defaults let the young
 * generation grow to 2 x 16 MB and the old one to a few times the live data, so RSS climbed by 55-70
 * MB in 20 s though the live heap stayed under 30 MB (issue 3). A young generation that does not grow
 * and an old one allowed 40 % headroom held it to +8-11 MB, keys answering as fast (bench:logs, the
 * two alternated in one run: median 62-74 ms against 67-97 ms). A young generation that never grows
 * costs idle CPU, though (about 1.5 % of a core more with stats streaming: frequent young
 * collections), so it is held only while a log is followed; the old generation's headroom always.
 * The bin cannot pass V8 flags on its command line (`env -S` is not everywhere), so they are set
 * here; V8 reads both each time it resizes a space.
 */
const disabled = Boolean(process.env['TSDTOP_HEAP_DEFAULTS']);

/** At start. TSDTOP_HEAP_DEFAULTS=1 keeps V8's own sizing, for comparing the two in the benchmark. */
export function tuneHeap(): void {
	if (!disabled) {
		setFlagsFromString('--heap-growing-percent=40');
	}
}

let held = false;

/** While a log is followed, the young generation keeps the size it has (V8's growth factor is 2). */
export function holdYoungGeneration(hold: boolean): void {
	if (disabled || hold === held) {
		return;
	}

	held = hold;
	setFlagsFromString(hold ? '--semi-space-growth-factor=1' : '--semi-space-growth-factor=2');
}
