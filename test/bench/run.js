#!/usr/bin/env node
// Benchmarks tsdtop (or, with --peer, another TUI) in a real terminal against the private Engine.
//
//   node scripts/build.js && node test/bench/run.js [--sizes 100,500] [--runs 5] [--idle-seconds 20]
//        [--presses 40] [--peer 'lazydocker'] [--cleanup] [--quick]
//
// For each size N it keeps N running containers labelled tsdtop.bench=1 (bench-0001...), reused
// between runs, and measures in a 120x40 node-pty terminal (TERM=xterm-256color, CI unset):
// - first frame: ms from spawn to the output showing `bench-0001` and (tsdtop only) a header count
//   of at least N running; median of --runs fresh starts.
// - key→screen: ms from writing `j`/`k` (alternating) to the pty to the first output byte after
//   it; median and p95 of --presses keys at least 150 ms apart, each sent after 30 ms of quiet.
//   The JSON also has the time to the last byte before 30 ms of quiet (keySettledMs). A refresh
//   that happens to land just after a key counts as its answer: compare with idle bytes/s.
// - idle CPU %: utime+stime of the pty child (the node process; a --peer is exec'd by sh, so it is
//   the peer itself) over --idle-seconds without input, as % of one core.
// - RSS MB: VmRSS at the end of the idle window. idle bytes/s: pty output during that window.
// - bytes/key: median output bytes between a key and 30 ms of quiet (the mean is in the JSON).
//   bytes/scroll key: the same for 10 `j`s that each scroll the list by a row (sizes of 60 and more).
// - stats floor: idle CPU % of a bare Node process holding as many stats streams as the program
//   had Engine connections open (less its events stream), over as long a window: what no client
//   that streams stats for those rows can go below (stats-floor.js).
// Results: a markdown table on stdout and bench-results/latest.json. Exits 1 only when the harness
// fails (engine, containers, a program that never shows the containers within 30 s...).
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs, usage} from './args.js';
import {connect, ensureBenchContainers, removeBenchContainers} from './containers.js';
import {measureStatsFloor} from './floor.js';
import {describeMachine, machineLine, markdownTable, writeJson} from './report.js';
import {measureSession, measureStartup, showsContainers} from './scenario.js';
import {HarnessError, killAll} from './session.js';
import {median} from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = join(root, 'dist/tsdtop.js');
const log = message => console.error(`bench: ${message}`);

function startEngine() {
	const out = execFileSync('bash', [join(root, 'test/engine/engine.sh'), 'start'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 180_000,
	});
	const url = out.trim().split('\n').pop();
	if (!url?.startsWith('unix://')) {
		throw new Error(`engine.sh start printed no socket URL (got "${out.trim()}")`);
	}

	return url;
}

function spawnSpec(options, dockerHost) {
	const env = {...process.env, DOCKER_HOST: dockerHost, TERM: 'xterm-256color'};
	// Ink writes nothing while CI is set; COLUMNS/LINES would override the pty's size.
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'COLUMNS', 'LINES']) {
		delete env[name];
	}

	const base = {cols: 120, rows: 40, cwd: root, env};
	// `exec` so that the pty child, whose CPU and memory are measured, is the peer itself.
	return options.peer === undefined
		? {...base, file: process.execPath, args: [binary]}
		: {...base, file: '/bin/sh', args: ['-c', `exec ${options.peer}`]};
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		console.log(usage);
		return;
	}

	const started = Date.now();
	if (options.peer === undefined && !existsSync(binary)) {
		throw new Error(`${binary} is missing: run \`node scripts/build.js\` first (npm run bench does)`);
	}

	const dockerHost = startEngine();
	const docker = connect(dockerHost.slice('unix://'.length));
	const machine = await describeMachine(docker);
	const command = options.peer ?? 'tsdtop (dist/tsdtop.js)';
	const spec = spawnSpec(options, dockerHost);
	log(`${command} against ${dockerHost}; sizes ${options.sizes.join(',')}, ${options.runs} runs, idle ${options.idleSeconds} s`);

	const results = [];
	for (const size of options.sizes) {
		log(`size ${size}: preparing containers`);
		// eslint-disable-next-line no-await-in-loop
		const setup = await ensureBenchContainers(docker, size, log);
		log(`size ${size}: containers ready in ${(setup.ms / 1000).toFixed(1)} s`);
		// eslint-disable-next-line no-await-in-loop
		const engineRunning = (await docker.listContainers({filters: {status: ['running']}})).length;
		const ready = showsContainers(size, {requireCount: options.peer === undefined});
		// eslint-disable-next-line no-await-in-loop
		const startupMs = await measureStartup(spec, ready, options.runs, log);
		// eslint-disable-next-line no-await-in-loop
		// Scrolling needs more containers than a 40-row screen shows.
		const scrollKeys = size >= 60 ? 10 : 0;
		// eslint-disable-next-line no-await-in-loop
		const session = await measureSession(spec, ready, {...options, scrollKeys}, log);
		// Its Engine connections but the events stream: the stats streams it held while idle.
		const floorStreams = Math.max(1, Math.min(engineRunning, (session.sockets ?? 2) - 1));
		// eslint-disable-next-line no-await-in-loop
		const statsFloorCpuPercent = await measureStatsFloor(dockerHost.slice('unix://'.length), floorStreams, options.idleSeconds);
		log(`  stats floor: ${floorStreams} bare streams, ${statsFloorCpuPercent.toFixed(2)} % CPU`);
		results.push({size, engineRunning, containerSetup: setup, startupMs, firstFrameMedianMs: median(startupMs), ...session, floorStreams, statsFloorCpuPercent});
	}

	if (options.cleanup) {
		log(`removed ${await removeBenchContainers(docker)} bench containers`);
	}

	const elapsedSeconds = (Date.now() - started) / 1000;
	const table = markdownTable(results);
	console.log(`\n${command}\n\n${table}\n\n${machineLine(machine)}\n`);
	log(`total ${elapsedSeconds.toFixed(0)} s`);
	const jsonPath = options.json ? resolve(options.json) : join(root, 'bench-results/latest.json');
	writeJson(jsonPath, {date: new Date().toISOString(), command, dockerHost, options, machine, elapsedSeconds, table, results});
	log(`wrote ${jsonPath}`);
}

try {
	await main();
	// node-pty and dockerode may keep handles open; every session has exited by now.
	process.exit(0);
} catch (error) {
	killAll();
	console.error(`bench: FAILED: ${error instanceof HarnessError || error.expected ? error.message : error.stack ?? error}`);
	process.exit(1);
}
