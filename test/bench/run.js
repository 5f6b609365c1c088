#!/usr/bin/env node
// Benchmarks tsdtop (or, with --peer, another TUI) in a real terminal against the private Engine.
//
//   node scripts/build.js && node test/bench/run.js [--sizes 100,500] [--runs 5] [--idle-seconds 20]
//        [--presses 40] [--peer 'lazydocker' | --tsdtop release/tsdtop-linux-x64] [--go-peer] [--cleanup] [--quick]
//        [--soak [--soak-size 1000] [--soak-seconds 300]]
//
// For each size N it keeps N running containers labelled tsdtop.bench=1 (bench-0001...), reused
// between runs, and measures in a 120x40 node-pty terminal (TERM=xterm-256color, CI unset):
// - first frame: ms from spawn to the output showing `bench-0001` and (tsdtop only) a header count
//   of at least N running (tsdtop's static paint, drawn before Ink loads: the real list).
// - first key answered: `j` sent as soon as the first frame shows; ms from spawn to the finished
//   frame that draws bench-0002 selected (keys wait in stdin until Ink has loaded).
//   Both: run 1 of the size (cold: for the first size, the binary's first start in this run)
//   apart, and the median of runs 2..--runs.
// - key to finished frame: ms from writing a key to the finished frame that answers it: the end
//   of its synchronized update (`ESC[?2026l`), or of its write burst if it has none; for tsdtop
//   only a frame that draws the expected row selected counts. Median and p95 for --presses keys
//   that move the selection (j/k between rows 1 and 2) and as many that scroll the list (j past
//   the window's bottom edge, reached first; sizes larger than one screenful). The JSON also has
//   the first byte after each key (Ink may write the synchronized-update opener on its own).
// - idle (idle.js): CPU % of one core and RSS of the program's process tree (children such as
//   ssh, or what a --peer's wrapper runs, included), over --idle-windows quiet windows of
//   --idle-seconds, each with the stats floor (stats-floor.js: a bare Node process holding as many
//   stats streams as the program had Engine connections, less its events stream) running beside
//   it in the same window: medians and min-max. Then the Engine's CPU (dockerd, containerd,
//   shims) over a window with the program alone, next to the same measured with no client before
//   it started. Then a realistic window: --busy containers burn CPU and allocate memory in turns,
//   over a window that spans tsdtop's backstop list.
// - tmux key: the select keys again with the program in a 120x40 tmux pane (tmux.js), then the same
//   for the floor program (floor.c: the list and a selection, one write a key, nothing else).
// - with --go-peer (go-peer.js): the Go peers in test/bench/peer/ after the floor (before tsdtop's
//   tmux keys with --peers-first), in the same tmux: keys (their selected row is read as tsdtop's),
//   then idle CPU and RSS in the pty.
// - bytes/key: median output bytes of a selection key, and of a scroll key, until 30 ms of quiet.
// With --soak, the churn soak (soak.js) runs instead of all of the above.
// Results: a markdown table on stdout and bench-results/latest.json. Exits 1 only when the harness
// fails (engine, containers, a program that never shows the containers within 30 s...).
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs, usage} from './args.js';
import {connect, ensureBenchContainers, removeBenchContainers} from './containers.js';
import {measureEngineAlone, measureIdle} from './idle.js';
import {describeMachine, machineLine, markdownTable, peerTable, writeJson} from './report.js';
import {fmt, measureKeys, measureStartup, showsContainers} from './scenario.js';
import {HarnessError, killAll} from './session.js';
import {measureSoak, soakTable} from './soak.js';
import {median} from './stats.js';
import {treeSockets} from './proc.js';
import {floorCommand, measureTmuxKeys} from './tmux.js';
import {buildGoPeers, measureGoPeer} from './go-peer.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = join(root, 'dist/tsdtop.js');
// engine.sh's own default; its pid files name the Engine's processes.
const engineDir = (process.env.TSDTOP_ENGINE_DIR ?? '/tmp/tsdtop-engine').replace(/\/$/, '');
const log = message => console.error(`bench: ${message}`);

/** The tsdtop build measured: a bundle runs with this Node, an executable (a release) on its own. */
function tsdtopCommand(options) {
	const file = options.tsdtop === undefined ? binary : resolve(options.tsdtop);
	return file.endsWith('.js') ? {file: process.execPath, args: [file]} : {file, args: []};
}

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
	// CPU and memory are of the pty child's whole process tree, so a wrapper that does not exec is
	// measured with the peer it runs; `exec` only saves the wrapper's own few kB.
	return options.peer === undefined
		? {...base, ...tsdtopCommand(options)}
		: {...base, file: '/bin/sh', args: ['-c', `exec ${options.peer}`]};
}

/** The same program in tmux (tmux.js): the command line and what its environment adds. */
function tmuxSpec(options, dockerHost) {
	const quote = text => `'${text.replaceAll('\'', '\'\\\'\'')}'`;
	const {file, args} = tsdtopCommand(options);
	const command = options.peer ?? [file, ...args].map(quote).join(' ');
	return {command, env: {DOCKER_HOST: dockerHost, TERM: 'xterm-256color'}};
}

/** The Go peers (go-peer.js) at one size, one after the other: tmux keys, idle CPU and RSS each. */
async function measurePeers(size, goPeers, {options, dockerHost}) {
	const peers = [];
	// A peer has no header count to wait for: its first row on screen is its list.
	const ready = showsContainers(size, {requireCount: false});
	for (const peer of goPeers) {
		// eslint-disable-next-line no-await-in-loop
		const measured = await measureGoPeer(peer, dockerHost, ready, {presses: options.presses, seconds: options.idleSeconds, windows: options.idleWindows, root});
		log(`  tmux keys, ${peer.name}: ${measured.tmuxKey.count}/${measured.tmuxKey.presses} seen, median ${fmt(measured.tmuxKey.median)} ms; idle ${measured.idle.cpuPercent.median.toFixed(2)} % CPU, RSS ${measured.idle.rssMb.toFixed(0)} MB`);
		peers.push({name: peer.name, ...measured});
	}

	return peers;
}

/** Every measure for one container count, in order: start-up runs, the Engine alone, keys, idle, tmux. */
async function measureSize(size, {options, docker, dockerHost, spec, goPeers}) {
	log(`size ${size}: preparing containers`);
	const setup = await ensureBenchContainers(docker, size, log);
	log(`size ${size}: containers ready in ${(setup.ms / 1000).toFixed(1)} s`);
	const engineRunning = (await docker.listContainers({filters: {status: ['running']}})).length;
	const ready = showsContainers(size, {requireCount: options.peer === undefined});
	// The harness reads tsdtop's selected row (reverse video) to know a key was answered.
	const checkSelection = options.peer === undefined;
	const startup = await measureStartup(spec, ready, options.runs, {checkSelection}, log);
	const engineAloneCpuPercent = await measureEngineAlone(engineDir, options.idleSeconds);
	log(`  Engine alone: ${engineAloneCpuPercent.toFixed(2)} % CPU`);
	const {session, result: keys} = await measureKeys(spec, ready, {presses: options.presses, size, checkSelection}, log);
	let idle;
	try {
		// Its Engine connections but the events stream: the stats streams it holds while idle.
		const floorStreams = Math.max(1, Math.min(engineRunning, treeSockets(session.pid) - 1));
		idle = await measureIdle(session, {docker, socketPath: dockerHost.slice('unix://'.length), engineDir, size, seconds: options.idleSeconds, windows: options.idleWindows, floorStreams, busy: options.busy, checkSelection}, log);
	} finally {
		await session.stop();
	}

	// --peers-first swaps the order of the tmux measures (tsdtop, then the floor, then the peers), so
	// that alternating runs show whether the order, not the program, made a difference.
	let peers = options.peersFirst ? await measurePeers(size, goPeers, {options, dockerHost}) : undefined;
	const tmuxKey = await measureTmuxKeys(tmuxSpec(options, dockerHost), ready, {presses: options.presses, checkSelection});
	log(`  tmux keys: ${tmuxKey.count}/${tmuxKey.presses} seen, median ${fmt(tmuxKey.median)} ms (a capture takes ${fmt(tmuxKey.captureMs)} ms)`);
	// The floor right after, in the same tmux and the same load: what any program's key costs here.
	const floor = floorCommand(size);
	const tmuxFloor = floor === undefined ? undefined : await measureTmuxKeys({command: floor, env: {TERM: 'xterm-256color'}}, ready, {presses: options.presses, checkSelection: true});
	log(`  tmux keys, floor: ${tmuxFloor === undefined ? 'no gcc' : `median ${fmt(tmuxFloor.median)} ms`}`);
	peers ??= await measurePeers(size, goPeers, {options, dockerHost});
	const rest = startup.slice(1);
	const result = {
		size,
		engineRunning,
		containerSetup: setup,
		startup,
		cold: startup[0],
		firstFrameMedianMs: median(rest.map(s => s.firstFrameMs)),
		firstKeyMedianMs: median(rest.map(s => s.firstKeyMs)),
		...keys,
		...idle,
		tmuxKey,
		tmuxFloor,
		peers,
		engine: {...idle.engine, aloneCpuPercent: engineAloneCpuPercent},
	};
	log(`  first frame ${fmt(result.firstFrameMedianMs)} ms, first key answered ${fmt(result.firstKeyMedianMs)} ms (median of runs 2..${options.runs})`);
	return result;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		console.log(usage);
		return;
	}

	if (options.soak && options.peer !== undefined) {
		throw Object.assign(new Error('--soak reads tsdtop\'s screen: it cannot run with --peer'), {expected: true});
	}

	if (options.goPeer && options.soak) {
		throw Object.assign(new Error('--go-peer measures keys and idle: it cannot run with --soak'), {expected: true});
	}

	const started = Date.now();
	const goPeers = options.goPeer ? buildGoPeers(log) : [];
	const program = tsdtopCommand(options);
	const tsdtopFile = program.args[0] ?? program.file;
	if (options.peer === undefined && !existsSync(tsdtopFile)) {
		throw new Error(`${tsdtopFile} is missing: run \`node scripts/build.js\` first (npm run bench does), or \`npm run release\` for an executable`);
	}

	const dockerHost = startEngine();
	const docker = connect(dockerHost.slice('unix://'.length));
	const machine = await describeMachine(docker);
	const command = options.peer ?? `tsdtop (${relative(root, tsdtopFile)})`;
	const spec = spawnSpec(options, dockerHost);
	log(options.soak
		? `${command} against ${dockerHost}; soak at ${options.soakSizes.join(',')} containers, ${options.soakSeconds} s`
		: `${command} against ${dockerHost}; sizes ${options.sizes.join(',')}, ${options.runs} runs, idle ${options.idleSeconds} s`);

	const results = [];
	for (const size of options.soak ? options.soakSizes : options.sizes) {
		// eslint-disable-next-line no-await-in-loop
		results.push(options.soak ? await measureSoak(spec, docker, {size, seconds: options.soakSeconds}, log) : await measureSize(size, {options, docker, dockerHost, spec, goPeers}));
	}

	if (options.cleanup) {
		log(`removed ${await removeBenchContainers(docker)} bench containers`);
	}

	const elapsedSeconds = (Date.now() - started) / 1000;
	const table = options.soak ? soakTable(results) : markdownTable(results) + (options.goPeer ? `\n\n${peerTable(results, command)}` : '');
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
