import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {engineDir} from '../helpers/engine-paths.js';

type Spread = {median: number; min: number; max: number};
type Keys = {frameMs: {median: number; p95: number; count: number}; firstByteMs: {median: number}; presses: number};
type Result = {
	size: number;
	startup: Array<{firstFrameMs: number; firstKeyMs: number}>;
	cold: {firstFrameMs: number; firstKeyMs: number};
	firstFrameMedianMs: number;
	firstKeyMedianMs: number;
	windowRows: number;
	selectKey: Keys;
	scrollKey: Keys;
	idle: {windows: unknown[]; cpuPercent: Spread; rssMb: number; bytesPerSecond: number};
	statsFloor: {streams: number; cpuPercent: Spread};
	engine: {cpuPercent: number; aloneCpuPercent: number; pids: number};
	realistic: {busy: number; seconds: number; cpuPercent: number; rssMb: number};
	tmuxKey: {count: number; presses: number; median: number};
	tmuxFloor: {count: number; presses: number; median: number};
};

type Soak = {
	size: number;
	checks: number;
	mismatches: number;
	mismatchDetails: unknown[];
	screenModelError?: string;
	changes: number;
	latencyMs: {median: number; worst: number; samples: number};
	rssMb: {start: number; warm: number; end: number; growth: number};
	cpuPercent: {start: number; end: number};
};

const n = String.raw`[\d.]+`;
const pair = `${n} / ${n}`;
const spread = String.raw`${n} \(${n}-${n}\)`;

// Issue 7: CI runs the benchmark at a small size. It must run and measure, not meet a time: these
// machines are shared, and a time asserted here would fail for reasons that are not tsdtop's.
// Issue 18: every column is there and is a number (the first key answered, keys to the finished
// frame for selection and scroll keys, idle spreads beside the stats floor, the Engine's CPU, the
// realistic idle). Issue 15: keys in tmux.
describe('npm run bench, as a smoke test', () => {
	it('measures tsdtop against the private Engine and prints the table', async () => {
		const json = path.join(mkdtempSync(path.join(tmpdir(), 'tsdtop-bench-')), 'smoke.json');
		const {stdout} = await promisify(execFile)(process.execPath, ['test/bench/run.js', '--quick', '--cleanup', '--json', json], {
			// The stats floor is about streams: on this host tsdtop reads the cgroup files and opens none
			// (issue 15), so the smoke run asks for the streams, which the floor is measured against.
			env: {...process.env, TSDTOP_ENGINE_DIR: engineDir, TSDTOP_STATS: 'api'},
			timeout: 280_000,
			maxBuffer: 10 * 1024 * 1024,
		});
		// | size | first frame | first key answered | select key | scroll key | tmux key | tmux floor | idle CPU | stats floor; streams
		// | Engine CPU | realistic CPU (busy) | RSS | bytes/s | bytes/key | bytes/scroll key |
		const row = [
			'40', pair, pair, pair, pair, pair, pair, spread, `${spread}; \\d+`, pair, String.raw`${n} \(5\)`, pair, pair, '\\d+', '\\d+',
		].join(' \\| ');
		expect(stdout).toMatch(new RegExp(`\\| ${row} \\|`));
		const result = (JSON.parse(readFileSync(json, 'utf8')) as {results: Result[]}).results[0]!;
		expect(result.size).toBe(40);
		expect(result.startup.length).toBe(2);
		expect(result.cold).toEqual(result.startup[0]);
		// The first key is answered after the first frame is drawn.
		expect(result.cold.firstKeyMs).toBeGreaterThan(result.cold.firstFrameMs);
		// Every key got its frame (the selected row drawn where it should be).
		expect(result.selectKey.frameMs.count).toBe(10);
		// 40 rows do not fit a 120x40 screen: the keys past its bottom edge scroll, one each.
		expect(result.windowRows).toBeLessThan(40);
		expect(result.scrollKey.presses).toBe(40 - result.windowRows);
		expect(result.scrollKey.frameMs.count).toBe(result.scrollKey.presses);
		// In tmux too, every key's selection was seen on screen.
		expect(result.tmuxKey.count).toBe(10);
		// And the floor program's (test/bench/floor.c), measured the same way right after.
		expect(result.tmuxFloor.count).toBe(10);
		expect(result.idle.windows.length).toBe(3);
		expect(result.idle.cpuPercent.min).toBeLessThanOrEqual(result.idle.cpuPercent.max);
		expect(result.statsFloor.streams).toBeGreaterThan(0);
		expect(result.engine.pids).toBeGreaterThan(40);
		expect(result.realistic.busy).toBe(5);
		expect(result.realistic.seconds).toBeGreaterThan(10);
	}, 300_000);

	// Issue 15 item 4: the churn soak, short. Changes made through the Engine API must all reach the
	// screen: after each quiet second the window drawn equals the Engine's list (no mismatch).
	it('runs the churn soak and finds the screen equal to the Engine after each quiet second', async () => {
		const json = path.join(mkdtempSync(path.join(tmpdir(), 'tsdtop-bench-')), 'soak.json');
		const {stdout} = await promisify(execFile)(process.execPath, ['test/bench/run.js', '--soak', '--soak-size', '20', '--soak-seconds', '10', '--cleanup', '--json', json], {
			env: {...process.env, TSDTOP_ENGINE_DIR: engineDir},
			timeout: 120_000,
			maxBuffer: 10 * 1024 * 1024,
		});
		// | soak size | seconds | changes (per s) | checks | mismatches | ms median / p95 / worst; samples | not shown | RSS start / warm (s) / half / end; growth from warm | CPU |
		const row = ['20', '\\d+', String.raw`\d+ \(${n}\)`, '\\d+', '0', String.raw`${n} / ${n} / ${n}; \d+`, '\\d+', String.raw`${n} / ${n} \(${n} s\) / ${pair}; [+-]?${n}`, String.raw`${pair}; ${n}`].join(' \\| ');
		expect(stdout).toMatch(new RegExp(`\\| ${row} \\|`));
		const result = (JSON.parse(readFileSync(json, 'utf8')) as {results: Soak[]}).results[0]!;
		expect(result.size).toBe(20);
		expect(result.checks).toBeGreaterThanOrEqual(1);
		expect(result.mismatchDetails, JSON.stringify(result.mismatchDetails, null, 2)).toEqual([]);
		expect(result.mismatches).toBe(0);
		// The harness read every frame (no escape sequence its screen model does not know).
		expect(result.screenModelError).toBeUndefined();
		expect(result.changes).toBeGreaterThan(0);
		expect(result.latencyMs.samples).toBeGreaterThan(0);
		expect(result.latencyMs.worst).toBeGreaterThanOrEqual(result.latencyMs.median);
		expect(result.rssMb.start).toBeGreaterThan(0);
		expect(result.rssMb.end).toBeGreaterThan(0);
		// A soak shorter than the warm-up judges its growth from the first check.
		expect(result.rssMb.growth).toBeCloseTo(result.rssMb.end - result.rssMb.warm, 5);
		expect(typeof result.cpuPercent.start).toBe('number');
		expect(typeof result.cpuPercent.end).toBe('number');
	}, 150_000);
});
