#!/usr/bin/env node
// The log firehose: a container writing as fast as it can while tsdtop follows its log.
//
//   node scripts/build.js && node test/bench/logs.js [--seconds 20] [--keys 30]
//
// One container on the private Engine (labelled tsdtop.bench, removed at the end) runs
// `i=0; while :; do echo line $i; i=$((i+1)); done`. tsdtop runs in a 120x40 node-pty terminal,
// filters the list to it and opens its log (side by side with the list). Then, for --seconds:
// - lines/s taken in: how fast the newest line number drawn on screen grows (what tsdtop read,
//   sanitised, buffered and drew), next to what the container wrote (its own counter at the end).
// - frames/s drawn: Ink frames (synchronized-update openings, else cursor-home writes) per second.
// - key->screen: ms from writing `?` to the help overlay showing, and from `?` again to the log
//   pane showing again; median and p95 over --keys presses spread over the flood.
// - RSS MB of the tsdtop process when the flood starts and when it ends (and the highest seen).
// Results: a markdown table on stdout and bench-results/logs.json.
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {dirname, join, resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import {sandboxEnv} from './sandbox-env.js';
import {benchImage, benchLabel, connect} from './containers.js';
import {rssMb} from './proc.js';
import {writeJson} from './report.js';
import {stripAnsi} from './session.js';
import {median, p95, sleep} from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const log = message => console.error(`bench logs: ${message}`);

function option(name, fallback) {
	const index = process.argv.indexOf(name);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const seconds = option('--seconds', 20);
const keys = option('--keys', 30);

const socket = execFileSync('bash', [join(root, 'test/engine/engine.sh'), 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000}).trim().split('\n').pop();
const docker = connect(socket.slice('unix://'.length));
const name = `bench-logs-${randomBytes(3).toString('hex')}`;
const container = await docker.createContainer({
	name, Image: benchImage, Labels: {[benchLabel]: '1'}, HostConfig: {NetworkMode: 'none'},
	Cmd: ['sh', '-c', 'i=0; while :; do echo line $i; i=$((i+1)); done'],
});

const env = {...process.env, DOCKER_HOST: socket, TERM: 'xterm-256color'};
// BENCH_NODE_OPTIONS: V8 flags for tsdtop only (to study memory), not for this harness.
if (process.env.BENCH_NODE_OPTIONS) {
	env.NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS;
}

for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'COLUMNS', 'LINES', 'NO_COLOR']) {
	delete env[key];
}

const term = pty.spawn(process.execPath, [join(root, 'dist/tsdtop.js')], {name: 'xterm-256color', cols: 120, rows: 40, cwd: root, env: sandboxEnv(env)});
let output = '';
let frames = 0;
let counting = false;
const waiters = new Set();
term.onData(data => {
	const at = performance.now();
	if (counting) {
		// Ink 6.8 opens every frame with a synchronized update, or homes the cursor to redraw.
		frames += (data.match(/\u001B\[\?2026h/g) ?? []).length;
	}

	output = (output + data).slice(-400_000);
	for (const waiter of waiters) {
		waiter(at, data);
	}
});

/** Resolves with the time of the first output after now that contains `marker`. */
function nextOutput(marker, timeoutMs = 10_000) {
	return new Promise((resolvePromise, reject) => {
		let seen = '';
		const timer = setTimeout(() => {
			waiters.delete(waiter);
			reject(new Error(`no ${marker} within ${timeoutMs} ms`));
		}, timeoutMs);
		const waiter = (at, data) => {
			seen = (seen + stripAnsi(data)).slice(-20_000);
			if (marker.test(seen)) {
				clearTimeout(timer);
				waiters.delete(waiter);
				resolvePromise(at);
			}
		};

		waiters.add(waiter);
	});
}

/** The highest `line N` in the last frames drawn. */
function newestLine() {
	let best = -1;
	for (const match of stripAnsi(output.slice(-60_000)).matchAll(/line (\d+)/g)) {
		best = Math.max(best, Number(match[1]));
	}

	return best;
}

try {
	await nextOutput(/\d+ running, \d+ stopped/, 30_000);
	term.write('/');
	await sleep(100);
	term.write(name);
	await sleep(100);
	term.write('\r');
	await nextOutput(new RegExp(`${name}\\s+(created|exited)`), 10_000).catch(() => undefined);
	await container.start();
	await nextOutput(new RegExp(`${name}\\s+running`), 15_000);
	await sleep(300);
	term.write('l');
	await nextOutput(/line \d+/, 15_000);
	log(`following ${name} for ${seconds} s`);

	const rssStart = rssMb(term.pid);
	let rssPeak = rssStart;
	const rssSeries = [];
	const firstLine = newestLine();
	const started = performance.now();
	counting = true;
	const latencies = [];
	const gap = (seconds * 1000) / (keys + 1);
	while (performance.now() - started < seconds * 1000) {
		await sleep(gap / 2);
		rssPeak = Math.max(rssPeak, rssMb(term.pid) ?? 0);
		rssSeries.push(Math.round(rssMb(term.pid) ?? 0));
		const open = performance.now();
		term.write('?');
		latencies.push((await nextOutput(/\? or Esc closes/)) - open);
		await sleep(gap / 4);
		const close = performance.now();
		term.write('?');
		latencies.push((await nextOutput(/Logs: bench-logs/)) - close);
		await sleep(gap / 4);
	}

	counting = false;
	const elapsed = (performance.now() - started) / 1000;
	const lastLine = newestLine();
	const rssEnd = rssMb(term.pid);
	await container.kill().catch(() => undefined);
	const tailText = (await container.logs({stdout: true, tail: 1})).toString('latin1');
	const written = Number(/line (\d+)/.exec(tailText)?.[1] ?? 0);
	const results = {
		seconds: Number(elapsed.toFixed(1)),
		containerLinesPerSecond: Math.round(written / (elapsed + 3)),
		linesInPerSecond: Math.round((lastLine - firstLine) / elapsed),
		framesPerSecond: Number((frames / elapsed).toFixed(1)),
		keyMedianMs: Math.round(median(latencies)),
		keyP95Ms: Math.round(p95(latencies)),
		keyPresses: latencies.length,
		rssStartMb: Math.round(rssStart), rssEndMb: Math.round(rssEnd), rssPeakMb: Math.round(rssPeak),
	};
	const table = ['| lines/s written (container) | lines/s taken in (tsdtop) | frames/s | key->screen median | p95 | RSS start | RSS end | RSS peak |', '|---|---|---|---|---|---|---|---|',
		`| ~${results.containerLinesPerSecond} | ${results.linesInPerSecond} | ${results.framesPerSecond} | ${results.keyMedianMs} ms | ${results.keyP95Ms} ms | ${results.rssStartMb} MB | ${results.rssEndMb} MB | ${results.rssPeakMb} MB |`].join('\n');
	console.log(`\nlog firehose, ${results.seconds} s, ${results.keyPresses} key presses\n\n${table}\n`);
	log(`RSS MB over the flood: ${rssSeries.join(' ')}`);
	writeJson(join(root, 'bench-results/logs.json'), {date: new Date().toISOString(), name, results, rssSeries, table});
} finally {
	term.kill();
	await container.remove({force: true}).catch(() => undefined);
	setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
}
