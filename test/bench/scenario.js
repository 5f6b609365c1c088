// The measurements for one container count: start-up runs, then one longer session with
// navigation keys (the idle windows that follow are in idle.js).
import {HarnessError, PtySession, stripAnsi} from './session.js';
import {benchName} from './containers.js';
import {selects, windowRows} from './screen.js';
import {median, p95, sleep} from './stats.js';

const firstFrameTimeoutMs = 30_000;

/** The output shows the containers: `bench-0001`, and for tsdtop a header count of at least N running. */
export function showsContainers(n, {requireCount}) {
	return raw => {
		const text = stripAnsi(raw);
		if (!text.includes('bench-0001')) {
			return false;
		}

		if (!requireCount) {
			return true;
		}

		// At least N, not exactly N: the Engine may also run other helpers' (unlabelled) containers.
		for (const match of text.matchAll(/(?<!\d)(\d+) running/g)) {
			if (Number(match[1]) >= n) {
				return true;
			}
		}

		return false;
	};
}

/** Spawns the program; resolves once `ready` holds, with the session and ms from spawn to then. */
export async function startSession(spawnSpec, ready) {
	const session = new PtySession(spawnSpec);
	try {
		const at = await session.waitForOutput(ready, firstFrameTimeoutMs, 'the containers on screen');
		return {session, firstFrameMs: at - session.spawnedAt};
	} catch (error) {
		const screen = session.lastScreen();
		await session.stop().catch(() => {});
		if (error instanceof HarnessError) {
			error.message += `\n--- last screen output (escapes stripped) ---\n${screen}\n--- end ---`;
		}

		throw error;
	}
}

/**
 * Spawns the program `runs` times. Each run: ms from spawn to the containers on screen (the first
 * frame), then `j` at once and ms from spawn to the finished frame that answers it (the first key
 * answered; with `checkSelection`, the frame that draws bench-0002 selected). Run 1 is the cold
 * run (nothing warmed up by an earlier run of this size): callers report it apart.
 */
export async function measureStartup(spawnSpec, ready, runs, {checkSelection}, log) {
	const samples = [];
	for (let run = 1; run <= runs; run++) {
		// eslint-disable-next-line no-await-in-loop
		const {session, firstFrameMs} = await startSession(spawnSpec, ready);
		// Long timeouts: Ink may still be loading; the key waits in stdin until it is.
		// eslint-disable-next-line no-await-in-loop
		const key = await session.measureKey('j', {firstTimeoutMs: 15_000, settleTimeoutMs: 15_000, answered: checkSelection ? selects(benchName(2)) : undefined});
		const firstKeyMs = key.frameMs === undefined ? undefined : key.keyAt + key.frameMs - session.spawnedAt;
		// eslint-disable-next-line no-await-in-loop
		await session.stop();
		samples.push({firstFrameMs, firstKeyMs});
		log(`  start-up run ${run}/${runs}: first frame ${firstFrameMs.toFixed(0)} ms, first key answered ${fmt(firstKeyMs)} ms`);
		// eslint-disable-next-line no-await-in-loop
		await sleep(300);
	}

	return samples;
}

/** Median and p95 of a field over the keys that have it. */
function spread(keys, field) {
	const values = keys.map(k => k[field]).filter(v => v !== undefined);
	return {median: median(values), p95: p95(values), count: values.length};
}

/** Presses `key` and waits for its answer (quiet output, or with `expect` the row drawn selected). */
async function press(session, key, expect) {
	await session.waitQuiet(30, 1000);
	return session.measureKey(key, {answered: expect === undefined ? undefined : selects(expect)});
}

/**
 * Keys that scroll the list. With `checkSelection` (tsdtop): `j` down to the window's bottom edge
 * (row `windowRows`, each move seen on screen), then up to `count` measured `j`s, each selecting a
 * row past the first screenful, so each moves the window (the selected row is always on screen).
 * Without it (a peer, whose selection this harness cannot read): 45 unchecked `j`s, then `count`
 * (at most to the end of the list).
 */
async function measureScrollKeys(session, {count, size, window, row, checkSelection}) {
	if (checkSelection) {
		for (; row < window; row++) {
			// eslint-disable-next-line no-await-in-loop
			const key = await press(session, 'j', benchName(row + 1));
			if (key.frameMs === undefined) {
				throw new HarnessError(`j never selected ${benchName(row + 1)} on the way to the window's bottom edge`);
			}
		}

		const keys = [];
		for (let i = 0; i < Math.min(count, size - window); i++, row++) {
			// eslint-disable-next-line no-await-in-loop
			keys.push(await press(session, 'j', benchName(row + 1)));
			// eslint-disable-next-line no-await-in-loop
			await sleep(100);
		}

		return keys;
	}

	for (let i = 0; i < 45; i++) {
		session.write('j');
		// eslint-disable-next-line no-await-in-loop
		await sleep(15);
	}

	const keys = [];
	for (let i = 0; i < Math.min(count, size - 46); i++) {
		// eslint-disable-next-line no-await-in-loop
		keys.push(await press(session, 'j'));
		// eslint-disable-next-line no-await-in-loop
		await sleep(100);
	}

	return keys;
}

/**
 * Starts the session for one size and times keys: `presses` keys that move the selection (j, k,
 * j, ... between the first two rows: never a scroll) at least 150 ms apart, each after 30 ms of
 * quiet, then keys that scroll the list (as many, if the list is long enough). Returns the
 * results and the live session, for the idle windows; the caller stops it.
 */
export async function measureKeys(spawnSpec, ready, {presses, size, checkSelection}, log) {
	const {session} = await startSession(spawnSpec, ready);
	try {
		// Let the first burst of refreshes (stats, events) settle before timing keys.
		await session.waitQuiet(500, 5000);
		await sleep(1000);
		// Every row drawn so far, before any key has moved the list: the window (the first frame may
		// have come in several chunks, the first of which was enough to call it shown).
		const window = windowRows(session);
		const select = [];
		for (let i = 0; i < presses; i++) {
			const started = performance.now();
			const [key, row] = i % 2 === 0 ? ['j', 2] : ['k', 1];
			// eslint-disable-next-line no-await-in-loop
			select.push(await press(session, key, checkSelection ? benchName(row) : undefined));
			const wait = 150 - (performance.now() - started);
			if (wait > 0) {
				// eslint-disable-next-line no-await-in-loop
				await sleep(wait);
			}
		}

		const scroll = size > window
			? await measureScrollKeys(session, {count: presses, size, window, row: presses % 2 === 0 ? 1 : 2, checkSelection})
			: [];
		const result = {
			keyAnswerCheck: checkSelection ? 'selected row drawn' : 'first frame after the key',
			windowRows: window,
			selectKey: {frameMs: spread(select, 'frameMs'), firstByteMs: spread(select, 'firstMs'), presses: select.length},
			scrollKey: {frameMs: spread(scroll, 'frameMs'), firstByteMs: spread(scroll, 'firstMs'), presses: scroll.length},
			// Medians: a refresh landing just after a key (a minute ticking over in every row's uptime)
			// counts in that key's bytes and would swing a mean by kilobytes.
			bytesPerKey: median(select.map(k => k.bytes)),
			bytesPerScrollKey: scroll.length > 0 ? median(scroll.map(k => k.bytes)) : undefined,
			keySamples: select.map(sample),
			scrollKeySamples: scroll.map(sample),
		};
		log(`  select keys: ${result.selectKey.frameMs.count}/${select.length} answered, finished frame median ${fmt(result.selectKey.frameMs.median)} ms (first byte ${fmt(result.selectKey.firstByteMs.median)})`);
		log(`  scroll keys (window ${window} rows): ${result.scrollKey.frameMs.count}/${scroll.length} answered, finished frame median ${fmt(result.scrollKey.frameMs.median)} ms`);
		return {session, result};
	} catch (error) {
		await session.stop().catch(() => {});
		throw error;
	}
}

function sample(k) {
	return {firstMs: round(k.firstMs), frameMs: round(k.frameMs), settledMs: round(k.settledMs), bytes: k.bytes};
}

function round(value) {
	return value === undefined ? null : Math.round(value * 10) / 10;
}

export function fmt(value) {
	return value === undefined ? '-' : value.toFixed(1);
}
