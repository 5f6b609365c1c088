// The churn soak (issue 15, item 4): tsdtop -a in the 120x40 pty, filtered to the watched window
// (`/soakw`), while ~20 changes a second (starts, stops, kills, pauses, unpauses, renames, removes,
// creates) are made to N containers through the Engine API. Every few seconds the churn stops for a
// quiet second; then the window tsdtop draws (name and state of each row, in order) and its header
// counts must equal what `/containers/json?all=1` says. Also: ms from a change's API return to the
// finished frame that shows it (every change to a watched container is sampled), and tsdtop's RSS
// (at the start, a minute in, half time and the end) and CPU at the start and the end. The changes are soak-churn.js's, the screen and the Engine's
// view soak-screen.js's, the change-to-screen times soak-latency.js's.
import {performance} from 'node:perf_hooks';
import {treeCpu, cpuDelta, treeRssMb} from './proc.js';
import {HarnessError, PtySession} from './session.js';
import {Churn, watchedPrefix} from './soak-churn.js';
import {LatencySampler} from './soak-latency.js';
import {differences, engineView, SoakScreen} from './soak-screen.js';
import {median, p95, sleep} from './stats.js';

const churnMs = 4000;
const quietMs = 1000;
const ratePerSecond = 20;
// Changes in flight at once: a start or stop took 0.5-1.5 s (median) on a busy 2-core machine.
const concurrency = 12;
// After a mismatch, how long the harness keeps reading the screen to tell a late frame from a stuck one.
const convergeMs = 5000;

/** The history entries of every container a diff names, following renames both ways. */
function changesOf(history, diff) {
	const names = new Set(diff.join(' ').match(/soakw?-\d+/g) ?? []);
	for (let grew = true; grew;) {
		grew = false;
		for (const h of history) {
			if (h.newName && names.has(h.name) !== names.has(h.newName)) {
				names.add(h.name);
				names.add(h.newName);
				grew = true;
			}
		}
	}

	return history.filter(h => names.has(h.name) || names.has(h.newName));
}

/** Runs the soak at `size` for `seconds`; resolves with its figures (see soakTable). */
export async function measureSoak(spec, docker, {size, seconds}, log) {
	const churn = new Churn(docker, {size, watched: Math.min(25, Math.floor(size / 2))});
	const prepareStarted = Date.now();
	await churn.prepare(log);
	log(`soak ${size}: containers ready in ${((Date.now() - prepareStarted) / 1000).toFixed(1)} s, ${churn.watchedCount()} watched`);

	const session = new PtySession({...spec, args: [...spec.args, '-a']});
	const screen = new SoakScreen(session);
	const latency = new LatencySampler();
	screen.onFrame = at => latency.frame(at, screen.rows());

	const check = async () => {
		const expected = engineView(await docker.listContainers({all: true}));
		const shown = {rows: screen.rows(), counts: screen.counts()};
		return {expected, shown, shownText: screen.model.text(), diff: differences(expected, shown)};
	};

	try {
		await session.waitForOutput(() => screen.counts() !== undefined, 30_000, 'the header counts');
		for (const key of `/${watchedPrefix}\r`) {
			session.write(key);
			// eslint-disable-next-line no-await-in-loop
			await sleep(20);
		}

		// The first list, filtered: the start is a check too, waited for rather than timed.
		const startDeadline = performance.now() + 30_000;
		let first = await check();
		while (first.diff.length > 0 && performance.now() < startDeadline) {
			// eslint-disable-next-line no-await-in-loop
			await sleep(200);
			// eslint-disable-next-line no-await-in-loop
			first = await check();
		}

		if (first.diff.length > 0) {
			throw new HarnessError(`soak: the start screen never matched the Engine:\n${first.diff.join('\n')}\n${screen.model.text().join('\n')}`);
		}

		await session.waitQuiet(300, 3000);
		const rssStartMb = treeRssMb(session.pid);
		const checks = [];
		const cycles = [];
		const errors = [];
		const history = [];
		let changes = 0;
		const started = performance.now();
		const seconds3 = at => Math.round(at - started) / 1000;
		while (performance.now() - started < seconds * 1000) {
			const cpuBefore = treeCpu(session.pid);
			const cycleStarted = performance.now();
			const cycleChanges = changes;
			const inFlight = new Set();
			let nextAt = cycleStarted;
			while (performance.now() - cycleStarted < churnMs) {
				const op = inFlight.size < concurrency ? churn.pick() : undefined;
				if (op !== undefined) {
					const run = (async () => {
						latency.supersede(op.name);
						const result = await churn.apply(op);
						history.push({at: seconds3(result.startedAt ?? performance.now()), returned: seconds3(result.returnedAt ?? performance.now()), kind: result.kind, name: result.name, newName: result.newName, state: result.state, error: result.error});
						if (result.error) {
							errors.push(`${result.kind} ${result.name ?? ''}: ${result.error}`);
							return;
						}

						changes++;
						latency.add(result, screen.rows());
					})();
					inFlight.add(run);
					run.finally(() => inFlight.delete(run));
				}

				nextAt += 1000 / ratePerSecond;
				// eslint-disable-next-line no-await-in-loop
				await sleep(Math.max(0, nextAt - performance.now()));
			}

			// eslint-disable-next-line no-await-in-loop
			await Promise.all(inFlight);
			const churnEnded = performance.now();
			// eslint-disable-next-line no-await-in-loop
			await sleep(quietMs);
			const cpuSeconds = cpuDelta(cpuBefore, treeCpu(session.pid));
			// eslint-disable-next-line no-await-in-loop
			const result = await check();
			const entry = {atSeconds: Math.round((performance.now() - started) / 100) / 10, rows: result.expected.rows.length, total: result.expected.counts.total, rssMb: Math.round(treeRssMb(session.pid) * 10) / 10};
			if (result.diff.length > 0) {
				// Late or stuck? Keep reading until it agrees, at most convergeMs.
				const seen = performance.now();
				let later = result;
				while (later.diff.length > 0 && performance.now() - seen < convergeMs) {
					// eslint-disable-next-line no-await-in-loop
					await sleep(100);
					// eslint-disable-next-line no-await-in-loop
					later = await check();
				}

				entry.mismatch = {
					diff: result.diff,
					agreedAfterMs: later.diff.length === 0 ? Math.round(performance.now() - churnEnded) : null,
					screen: result.shown.rows.map(r => `${r.name} ${r.state}`),
					engine: result.expected.rows.map(r => `${r.name} ${r.state}`),
					screenText: result.shownText,
					// The repro: every change this soak made to the containers named (through renames), seconds from the start.
					changes: changesOf(history, result.diff),
				};
				log(`  soak check ${checks.length + 1}: MISMATCH after ${quietMs} ms quiet: ${result.diff.join('; ')}${later.diff.length === 0 ? ` (agreed ${entry.mismatch.agreedAfterMs} ms after the churn stopped)` : ' (still differs)'}`);
			}

			checks.push(entry);
			cycles.push({changes: changes - cycleChanges, cpuPercent: (100 * cpuSeconds) / ((performance.now() - cycleStarted) / 1000)});
		}

		const elapsedSeconds = (performance.now() - started) / 1000;
		const latencyMs = latency.summary(performance.now());
		const rssEndMb = treeRssMb(session.pid);
		const result = {
			size,
			seconds: Math.round(elapsedSeconds),
			watched: churn.watchedTarget,
			filter: watchedPrefix,
			changes,
			changesPerSecond: changes / (cycles.length * churnMs / 1000),
			kinds: churn.counts,
			changeMs: {median: median(churn.durations), p95: p95(churn.durations)},
			changeErrors: errors,
			checks: checks.length,
			mismatches: checks.filter(c => c.mismatch).length,
			mismatchDetails: checks.filter(c => c.mismatch),
			checkLog: checks,
			latencyMs,
			rssMb: rssFigures(rssStartMb, checks, rssEndMb),
			cpuPercent: {start: cycles[0]?.cpuPercent, end: cycles.at(-1)?.cpuPercent, median: median(cycles.map(c => c.cpuPercent))},
			screenModelError: screen.unknown,
		};
		if (screen.unknown !== undefined) {
			log(`soak ${size}: the screen model failed (${screen.unknown}): the screen checks are not to be trusted`);
		}

		log(`soak ${size}: ${result.checks} checks, ${result.mismatches} mismatches, ${changes} changes (${result.changesPerSecond.toFixed(1)}/s while churning), worst change to screen ${latencyMs.worst?.toFixed(0) ?? '-'} ms (${latencyMs.worstKind ?? '-'}), RSS ${rssStartMb.toFixed(0)} -> ${rssEndMb.toFixed(0)} MB (${n1(result.rssMb.growth)} from ${n0(result.rssMb.warmAtSeconds)} s)`);
		return result;
	} finally {
		await session.stop();
	}
}

// The start is a few seconds after tsdtop's: its heap and code are still growing into what a
// changing list needs (a 200-container soak: +14 MB in its first 60 s, +1 MB in the next 60). So
// the growth judged is from the first check a minute in (or the first, in a shorter soak) to the
// end; the start stays in the table.
const warmUpSeconds = 60;

function rssFigures(start, checks, end) {
	const warm = checks.find(c => c.atSeconds >= warmUpSeconds) ?? checks[0];
	const from = warm?.rssMb ?? start;
	return {start, firstCheck: checks[0]?.rssMb, warm: warm?.rssMb, warmAtSeconds: warm?.atSeconds, half: checks[Math.floor(checks.length / 2)]?.rssMb, end, growthFromStart: end - start, growth: end - from, flat: end - from < 10};
}

const n0 = value => (value === undefined || value === null ? '-' : value.toFixed(0));
const n1 = value => (value === undefined || value === null ? '-' : value.toFixed(1));

/** One row a soak run: the figures the issue asks for. */
export function soakTable(results) {
	const lines = [
		'| soak size | seconds | changes (per s churning) | checks | mismatches | change to screen ms (median / p95 / worst; samples) | not shown in 10 s | RSS MB (start / warm / half / end; growth from warm) | CPU % (first / last cycle; median) |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const r of results) {
		const l = r.latencyMs;
		lines.push(`| ${[
			r.size,
			r.seconds,
			`${r.changes} (${n1(r.changesPerSecond)})`,
			r.checks,
			r.mismatches,
			`${n0(l.median)} / ${n0(l.p95)} / ${n0(l.worst)}; ${l.samples}`,
			l.notShown,
			`${n0(r.rssMb.start)} / ${n0(r.rssMb.warm)} (${n0(r.rssMb.warmAtSeconds)} s) / ${n0(r.rssMb.half)} / ${n0(r.rssMb.end)}; ${r.rssMb.growth >= 0 ? '+' : ''}${n1(r.rssMb.growth)}`,
			`${n1(r.cpuPercent.start)} / ${n1(r.cpuPercent.end)}; ${n1(r.cpuPercent.median)}`,
		].join(' | ')} |`);
	}

	// Each mismatch under the table: what differed, and whether the screen caught up.
	for (const r of results) {
		if (r.screenModelError !== undefined) {
			lines.push(`\nsoak ${r.size}: the harness's screen model failed (${r.screenModelError}): its checks are not to be trusted`);
		}

		for (const c of r.mismatchDetails) {
			const after = c.mismatch.agreedAfterMs === null ? `still differed ${convergeMs} ms later` : `agreed ${c.mismatch.agreedAfterMs} ms after the churn stopped`;
			lines.push(`\nsoak ${r.size}, mismatch at ${c.atSeconds} s (${after}): ${c.mismatch.diff.join('; ')}`);
		}
	}

	return lines.join('\n');
}
