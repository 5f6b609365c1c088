// Idle windows: what the program costs while nobody types, measured from /proc over a window.
// CPU and RSS are of the program's whole process tree (tsdtop and its children, e.g. ssh; a peer
// and whatever its wrapper runs). The Engine's CPU (dockerd, containerd, shims) is measured over
// the same windows, and alone, with no client, just before the program starts.
import {spawn} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startBusy} from './busy.js';
import {benchName} from './containers.js';
import {cpuDelta, cpuSeconds, enginePids, pidsCpu, treeCpu, treeRssMb, treeSockets} from './proc.js';
import {selects} from './screen.js';
import {HarnessError} from './session.js';
import {median, sleep} from './stats.js';

const floorScript = join(dirname(fileURLToPath(import.meta.url)), 'stats-floor.js');

/** tsdtop's backstop list: every 10 s, or 30 ms a container for longer lists (source/store/watcher.ts). */
export const backstopSeconds = size => Math.max(10, size * 0.03);

/**
 * One window of `seconds`: CPU % of one core of the tree under `root` (if given), of the floor
 * process and of the Engine's pids (if given), and the bytes/s the session wrote.
 */
async function measureWindow(seconds, {root, floor, engine, session}) {
	const before = {tree: root && treeCpu(root), floor: floor && cpuSeconds(floor.pid), engine: engine && pidsCpu(engine), bytes: session?.totalBytes};
	const started = performance.now();
	await sleep(seconds * 1000);
	const elapsed = (performance.now() - started) / 1000;
	const percent = cpu => (cpu / elapsed) * 100;
	if (session?.exited) {
		throw new HarnessError(`the program exited during an idle window (code ${session.exited.exitCode})`);
	}

	return {
		seconds: elapsed,
		cpuPercent: root && percent(cpuDelta(before.tree, treeCpu(root))),
		floorCpuPercent: floor && percent(cpuSeconds(floor.pid) - before.floor),
		engineCpuPercent: engine && percent(cpuDelta(before.engine, pidsCpu(engine))),
		bytesPerSecond: session && (session.totalBytes - before.bytes) / elapsed,
	};
}

/** The Engine's CPU % with no client at all, over `seconds` (before the program starts). */
export async function measureEngineAlone(engineDir, seconds) {
	const window = await measureWindow(seconds, {engine: enginePids(engineDir)});
	return window.engineCpuPercent;
}

/**
 * The stats floor: a bare Node process holding `streams` stats streams (stats-floor.js). Resolves
 * once they are all open and past their first samples.
 */
async function startFloor(socketPath, streams) {
	const child = spawn(process.execPath, [floorScript, socketPath, String(streams)], {stdio: ['ignore', 'pipe', 'inherit']});
	await new Promise((resolve, reject) => {
		child.stdout.on('data', data => {
			if (String(data).includes('streaming')) {
				resolve();
			}
		});
		child.once('exit', code => reject(new Error(`stats-floor.js exited (code ${code})`)));
	});
	await sleep(2000);
	return child;
}

const range = values => ({min: Math.min(...values), max: Math.max(...values)});

/**
 * The idle windows of one session, in this order:
 * 1. quiet: `windows` windows of `seconds`, the containers unchanged, each with the stats floor
 *    running beside the program over the same window (both feel the same machine);
 * 2. the Engine: one window of `seconds` with the program alone (the floor's streams would be
 *    Engine work too), for the Engine's CPU next to its own idle before the program started;
 * 3. realistic: `busy` containers at the top of the list burn CPU and allocate memory in turns,
 *    over a window that spans the backstop list (at least `seconds`).
 */
export async function measureIdle(session, {docker, socketPath, engineDir, size, seconds, windows, floorStreams, busy, checkSelection}, log) {
	const root = session.pid;
	const engine = enginePids(engineDir);
	await session.waitQuiet(500, 3000);
	await sleep(1000);

	const floor = await startFloor(socketPath, floorStreams);
	const quiet = [];
	try {
		for (let i = 0; i < windows; i++) {
			// eslint-disable-next-line no-await-in-loop
			const window = await measureWindow(seconds, {root, floor, session});
			quiet.push(window);
			log(`  quiet window ${i + 1}/${windows}: ${window.cpuPercent.toFixed(2)} % CPU, stats floor ${window.floorCpuPercent.toFixed(2)} % (${floorStreams} streams), ${window.bytesPerSecond.toFixed(0)} bytes/s`);
		}
	} finally {
		floor.kill();
	}

	const rssMb = treeRssMb(root);
	const sockets = treeSockets(root);
	await sleep(1000);
	const alone = await measureWindow(seconds, {root, engine, session});
	log(`  engine window: program ${alone.cpuPercent.toFixed(2)} %, Engine ${alone.engineCpuPercent.toFixed(2)} % (${engine.length} pids)`);

	// The busy rows on screen: tsdtop goes to the top (g) first; a peer stays where it is.
	if (checkSelection) {
		await session.waitQuiet(30, 1000);
		await session.measureKey('g', {answered: selects(benchName(1))});
	}

	const realisticSeconds = Math.max(seconds, backstopSeconds(size) + 5);
	// The loops outlast the window by a little only: the next size's Engine-alone window must not see them.
	const busyNames = await startBusy(docker, Math.min(busy, size), realisticSeconds + 5);
	await sleep(2000);
	const realistic = await measureWindow(realisticSeconds, {root, engine, session});
	const realisticRssMb = treeRssMb(root);
	log(`  realistic window (${busyNames.length} busy, ${realisticSeconds.toFixed(0)} s): ${realistic.cpuPercent.toFixed(2)} % CPU, RSS ${realisticRssMb.toFixed(0)} MB, ${realistic.bytesPerSecond.toFixed(0)} bytes/s`);

	const cpu = quiet.map(w => w.cpuPercent);
	const floorCpu = quiet.map(w => w.floorCpuPercent);
	return {
		idle: {
			windows: quiet,
			cpuPercent: {median: median(cpu), ...range(cpu)},
			bytesPerSecond: median(quiet.map(w => w.bytesPerSecond)),
			rssMb,
			sockets,
		},
		statsFloor: {streams: floorStreams, cpuPercent: {median: median(floorCpu), ...range(floorCpu)}},
		engine: {cpuPercent: alone.engineCpuPercent, programCpuPercent: alone.cpuPercent, pids: engine.length},
		realistic: {busy: busyNames.length, ...realistic, rssMb: realisticRssMb},
	};
}
