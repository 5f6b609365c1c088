// First frame of several builds side by side: ms from spawn, in a real pty, to the output showing
// the bench containers and a header count of at least N running (as `npm run bench` measures it),
// and the CPU time the process had used by then (steadier than wall time on a shared machine). The
// runs alternate between the commands, so a busy moment of the machine hits them all alike.
// Usage: node test/bench/first-frame.js [--containers 100] [--runs 10] 'label=command' ...
//   e.g. 'npm=node dist/tsdtop.js' 'sea=release/tsdtop-linux-x64'
// Each command runs through `sh -c exec` with an environment of PATH, HOME, TERM and DOCKER_HOST only.
import {execFileSync} from 'node:child_process';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {connect, ensureBenchContainers} from './containers.js';
import {cpuSeconds} from './proc.js';
import {showsContainers} from './scenario.js';
import {killAll, PtySession} from './session.js';
import {median, quantile, sleep} from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const log = message => console.error(`first-frame: ${message}`);
const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {containers: {type: 'string', default: '100'}, runs: {type: 'string', default: '10'}},
});
const commands = positionals.map(spec => {
	const at = spec.indexOf('=');
	return at > 0 ? {label: spec.slice(0, at), command: spec.slice(at + 1)} : {label: spec, command: spec};
});
if (commands.length === 0) {
	console.error("usage: node test/bench/first-frame.js [--containers 100] [--runs 10] 'label=command' ...");
	process.exit(2);
}

try {
	const out = execFileSync('bash', [join(root, 'test/engine/engine.sh'), 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000});
	const dockerHost = out.trim().split('\n').pop();
	const size = Number(values.containers);
	await ensureBenchContainers(connect(dockerHost.slice('unix://'.length)), size, log);
	const ready = showsContainers(size, {requireCount: true});
	const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', TERM: 'xterm-256color', DOCKER_HOST: dockerHost};
	const samples = new Map(commands.map(c => [c.label, {wall: [], cpu: []}]));
	for (let run = 1; run <= Number(values.runs); run++) {
		for (const {label, command} of commands) {
			// `exec`: the pty child whose CPU is read is the program itself.
			const session = new PtySession({file: '/bin/sh', args: ['-c', `exec ${command}`], env, cwd: root, cols: 120, rows: 40});
			// eslint-disable-next-line no-await-in-loop
			const at = await session.waitForOutput(ready, 30_000, 'the containers on screen');
			const cpu = cpuSeconds(session.pid) * 1000;
			// eslint-disable-next-line no-await-in-loop
			await session.stop();
			const wall = at - session.spawnedAt;
			samples.get(label).wall.push(wall);
			samples.get(label).cpu.push(cpu);
			log(`run ${run} ${label}: ${wall.toFixed(0)} ms, ${cpu.toFixed(0)} ms CPU`);
			// eslint-disable-next-line no-await-in-loop
			await sleep(300);
		}
	}

	console.log(`\nfirst frame, ${size} containers, ${values.runs} runs each (ms)\n`);
	console.log('| build | median | min | p90 | CPU median |\n|---|---:|---:|---:|---:|');
	for (const [label, {wall, cpu}] of samples) {
		console.log(`| ${label} | ${median(wall).toFixed(0)} | ${Math.min(...wall).toFixed(0)} | ${quantile(wall, 0.9).toFixed(0)} | ${median(cpu).toFixed(0)} |`);
	}

	process.exit(0);
} catch (error) {
	killAll();
	console.error(`first-frame: FAILED: ${error.stack ?? error}`);
	process.exit(1);
}
