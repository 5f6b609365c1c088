// The measurements for one container count: start-up runs, then one longer session with
// navigation keys and an idle window.
import {performance} from 'node:perf_hooks';
import {cpuSeconds, openSockets, rssMb} from './proc.js';
import {HarnessError, PtySession, stripAnsi} from './session.js';
import {mean, median, p95, sleep} from './stats.js';

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

async function startSession(spawnSpec, ready) {
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

/** Spawns the program `runs` times and returns the ms from spawn to the containers on screen, per run. */
export async function measureStartup(spawnSpec, ready, runs, log) {
	const samples = [];
	for (let run = 1; run <= runs; run++) {
		// eslint-disable-next-line no-await-in-loop
		const {session, firstFrameMs} = await startSession(spawnSpec, ready);
		// eslint-disable-next-line no-await-in-loop
		await session.stop();
		samples.push(firstFrameMs);
		log(`  start-up run ${run}/${runs}: ${firstFrameMs.toFixed(0)} ms`);
		// eslint-disable-next-line no-await-in-loop
		await sleep(300);
	}

	return samples;
}

/**
 * Keys that scroll the list: `j` past the last row on screen (45 unmeasured presses on a 40-row
 * terminal), then `count` measured `j`s, each moving the window by one row. Empty when `count` is 0.
 */
async function measureScrollKeys(session, count) {
	if (count === 0) {
		return [];
	}

	for (let i = 0; i < 45; i++) {
		session.write('j');
		// eslint-disable-next-line no-await-in-loop
		await sleep(15);
	}

	const keys = [];
	for (let i = 0; i < count; i++) {
		// eslint-disable-next-line no-await-in-loop
		await session.waitQuiet(30, 1000);
		// eslint-disable-next-line no-await-in-loop
		keys.push(await session.measureKey('j'));
		// eslint-disable-next-line no-await-in-loop
		await sleep(100);
	}

	return keys.filter(k => k.firstMs !== undefined);
}

/**
 * One session: `presses` navigation keys (j, k, j, ...) at least 150 ms apart, each sent after the
 * output has been quiet for 30 ms (at most 1 s of waiting), then `scrollKeys` keys that scroll the
 * list, then `idleSeconds` without input.
 */
export async function measureSession(spawnSpec, ready, {presses, idleSeconds, scrollKeys = 0}, log) {
	const {session} = await startSession(spawnSpec, ready);
	try {
		// Let the first burst of refreshes (stats, events) settle before timing keys.
		await session.waitQuiet(500, 5000);
		await sleep(1000);

		const keys = [];
		for (let i = 0; i < presses; i++) {
			// eslint-disable-next-line no-await-in-loop
			await session.waitQuiet(30, 1000);
			const pressedAt = performance.now();
			// eslint-disable-next-line no-await-in-loop
			keys.push(await session.measureKey(i % 2 === 0 ? 'j' : 'k'));
			const wait = 150 - (performance.now() - pressedAt);
			if (wait > 0) {
				// eslint-disable-next-line no-await-in-loop
				await sleep(wait);
			}
		}

		const answered = keys.filter(k => k.firstMs !== undefined);
		log(`  keys: ${answered.length}/${keys.length} answered, first byte median ${fmt(median(answered.map(k => k.firstMs)))} ms`);
		const scrolling = await measureScrollKeys(session, scrollKeys);
		if (scrolling.length > 0) {
			log(`  scrolling keys: ${median(scrolling.map(k => k.bytes)).toFixed(0)} bytes each (median)`);
		}

		await session.waitQuiet(500, 3000);
		await sleep(1000);
		const cpuBefore = cpuSeconds(session.pid);
		const bytesBefore = session.totalBytes;
		const idleStart = performance.now();
		await sleep(idleSeconds * 1000);
		const idleMs = performance.now() - idleStart;
		const cpuAfter = cpuSeconds(session.pid);
		const bytesAfter = session.totalBytes;
		const rss = rssMb(session.pid);
		const sockets = openSockets(session.pid);
		if (session.exited) {
			throw new HarnessError(`the program exited during the idle window (code ${session.exited.exitCode})`);
		}

		const idleBytes = bytesAfter - bytesBefore;
		log(`  idle ${(idleMs / 1000).toFixed(1)} s: ${(cpuAfter - cpuBefore).toFixed(2)} CPU s, ${idleBytes} bytes written, RSS ${fmt(rss)} MB`);
		return {
			keyFirstByteMs: {median: median(answered.map(k => k.firstMs)), p95: p95(answered.map(k => k.firstMs))},
			keySettledMs: {median: median(answered.map(k => k.settledMs)), p95: p95(answered.map(k => k.settledMs))},
			keyPresses: keys.length,
			keyUnanswered: keys.length - answered.length,
			keyUnsettled: answered.filter(k => !k.settled).length,
			// Medians, as the targets are: a refresh landing just after a key (a minute ticking over in
			// every row's uptime) counts as that key's answer and would swing a mean by kilobytes.
			bytesPerKey: median(answered.map(k => k.bytes)),
			bytesPerKeyMean: mean(answered.map(k => k.bytes)),
			bytesPerScrollKey: scrolling.length > 0 ? median(scrolling.map(k => k.bytes)) : undefined,
			scrollKeyFirstByteMs: scrolling.length > 0 ? median(scrolling.filter(k => k.firstMs !== undefined).map(k => k.firstMs)) : undefined,
			keySamples: keys.map(k => ({firstMs: round(k.firstMs), settledMs: round(k.settledMs), bytes: k.bytes})),
			idleSeconds: idleMs / 1000,
			idleCpuPercent: ((cpuAfter - cpuBefore) / (idleMs / 1000)) * 100,
			idleBytes,
			idleBytesPerSecond: idleBytes / (idleMs / 1000),
			rssMb: rss,
			sockets,
		};
	} finally {
		await session.stop();
	}
}

function round(value) {
	return value === undefined ? null : Math.round(value * 10) / 10;
}

function fmt(value) {
	return value === undefined ? '-' : value.toFixed(1);
}
