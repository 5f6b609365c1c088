#!/usr/bin/env node
// What an idle tsdtop costs the Engine, and itself: stats from the API's streams against stats from
// the cgroup files (issue 15), alternated in one run on the private Engine.
//
//   node scripts/build.js && node scripts/engine-cpu.js [--containers 100] [--seconds 20] [--rounds 2]
//        [--old path/to/an/older/dist/tsdtop.js]
//
// Keeps N running containers ecpu-0001... (label tsdtop.test=engine-cpu; `--cleanup` removes them),
// runs the built tsdtop in tmux at 120x40 once with TSDTOP_STATS=api and once without (and --old,
// an older build, first; then no tsdtop at all), and after 4 s of settling measures over --seconds: the CPU % of one core
// of dockerd, containerd and the containers' shims (utime+stime from /proc/PID/stat), of tsdtop,
// and tsdtop's voluntary context switches a second over all its threads (each is a wake-up; the
// involuntary ones are the machine's load preempting it).
// Honours TSDTOP_ENGINE_DIR and TSDTOP_TMUX_SOCKET like the tests.
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import Docker from 'dockerode';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const {values: args} = parseArgs({options: {
	containers: {type: 'string', default: '100'},
	seconds: {type: 'string', default: '20'},
	rounds: {type: 'string', default: '2'},
	cleanup: {type: 'boolean', default: false},
	old: {type: 'string'},
}});
const dir = (process.env.TSDTOP_ENGINE_DIR ?? '/tmp/tsdtop-engine').replace(/\/$/, '');
const tmuxSocket = process.env.TSDTOP_TMUX_SOCKET ?? 'tsdtop-engine-cpu';
const label = 'tsdtop.test';
const log = message => console.error(`engine-cpu: ${message}`);
const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

execFileSync('bash', [join(root, 'test/engine/engine.sh'), 'start'], {stdio: ['ignore', 'ignore', 'inherit']});
const docker = new Docker({socketPath: `${dir}/docker.sock`});

async function ensureContainers(count) {
	const list = await docker.listContainers({all: true, filters: {label: [`${label}=engine-cpu`]}});
	const byName = new Map(list.map(c => [c.Names[0].replace(/^\//, ''), c]));
	const names = Array.from({length: count}, (_, i) => `ecpu-${String(i + 1).padStart(4, '0')}`);
	const todo = names.filter(name => byName.get(name)?.State !== 'running');
	for (let i = 0; i < todo.length; i += 4) {
		// eslint-disable-next-line no-await-in-loop
		await Promise.all(todo.slice(i, i + 4).map(async name => {
			const container = byName.has(name) ? docker.getContainer(name) : await docker.createContainer({
				name, Image: 'tsdtop-test/busybox:latest', Labels: {[label]: 'engine-cpu'},
				// Wakes once an hour, not once a second, and exits at once on SIGTERM.
				Cmd: ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 3600 & wait $!; done'],
				HostConfig: {NetworkMode: 'none'},
			});
			await container.start();
		}));
	}

	log(`${count} containers running (${todo.length} started)`);
}

const ticks = pid => {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(fields[11]) + Number(fields[12]);
};

const switches = pid => {
	let sum = 0;
	for (const task of readdirSync(`/proc/${pid}/task`)) {
		try {
			const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
			sum += Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)[1]);
		} catch {}
	}

	return sum;
};

// dockerd, its containerd, and the shims of this Engine's containers (their command names its socket).
function enginePids() {
	const pids = [readFileSync(`${dir}/docker.pid`, 'utf8').trim(), readFileSync(`${dir}/exec/containerd/containerd.pid`, 'utf8').trim()];
	for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
		try {
			const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (command.startsWith('/usr/bin/containerd-shim') && command.includes(`${dir}/exec/`)) {
				pids.push(pid);
			}
		} catch {}
	}

	return pids;
}

const tmux = (...rest) => execFileSync('tmux', ['-L', tmuxSocket, ...rest], {encoding: 'utf8'});

// The Engine with no client at all: what its idle containers cost it anyway (their shims).
async function measureNone(seconds) {
	const engine = enginePids();
	const before = engine.map(p => ticks(p));
	const at = performance.now();
	await sleep(seconds * 1000);
	const after = engine.map(p => ticks(p));
	const percent = t => (t / 100 / ((performance.now() - at) / 1000)) * 100;
	const sum = (list, from = 0, to = list.length) => list.slice(from, to).reduce((a, b) => a + b, 0);
	return {mode: 'none', engine: percent(sum(after) - sum(before)), dockerd: percent(after[0] - before[0]), containerd: percent(after[1] - before[1]), shims: percent(sum(after, 2) - sum(before, 2)), tsdtop: 0, wakeups: 0};
}

async function measure(mode, seconds) {
	if (mode === 'none') {
		return measureNone(seconds);
	}

	const env = {DOCKER_HOST: `unix://${dir}/docker.sock`, TERM: 'xterm-256color', ...(mode === 'api' ? {TSDTOP_STATS: 'api'} : {})};
	const exports = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
	const binary = mode === 'old' ? resolve(args.old) : join(root, 'dist/tsdtop.js');
	tmux('new-session', '-d', '-s', 'ecpu', '-x', '120', '-y', '40', `exec env -u CI ${exports} node ${binary}`);
	try {
		const pid = tmux('display', '-p', '-t', 'ecpu', '#{pane_pid}').trim();
		for (let i = 0; i < 100 && !/ecpu-0001.*%/.test(tmux('capture-pane', '-p', '-t', 'ecpu')); i++) {
			// eslint-disable-next-line no-await-in-loop
			await sleep(100);
		}

		await sleep(4000);
		const engine = enginePids();
		const before = {engine: engine.map(p => ticks(p)), tsdtop: ticks(pid), switches: switches(pid), at: performance.now()};
		await sleep(seconds * 1000);
		const after = {engine: engine.map(p => ticks(p)), tsdtop: ticks(pid), switches: switches(pid), at: performance.now()};
		const wall = (after.at - before.at) / 1000;
		const percent = t => (t / 100 / wall) * 100;
		return {
			mode,
			engine: percent(after.engine.reduce((a, b) => a + b, 0) - before.engine.reduce((a, b) => a + b, 0)),
			dockerd: percent(after.engine[0] - before.engine[0]),
			containerd: percent(after.engine[1] - before.engine[1]),
			shims: percent(after.engine.slice(2).reduce((a, b) => a + b, 0) - before.engine.slice(2).reduce((a, b) => a + b, 0)),
			tsdtop: percent(after.tsdtop - before.tsdtop),
			wakeups: (after.switches - before.switches) / wall,
		};
	} finally {
		tmux('kill-session', '-t', 'ecpu');
	}
}

if (args.cleanup) {
	const list = await docker.listContainers({all: true, filters: {label: [`${label}=engine-cpu`]}});
	await Promise.all(list.map(async c => docker.getContainer(c.Id).remove({force: true})));
	log(`removed ${list.length} containers`);
} else {
	await ensureContainers(Number(args.containers));
	const rows = [];
	for (let round = 0; round < Number(args.rounds); round++) {
		for (const mode of args.old ? ['old', 'api', 'cgroup', 'none'] : ['api', 'cgroup', 'none']) {
			// eslint-disable-next-line no-await-in-loop
			const row = await measure(mode, Number(args.seconds));
			log(JSON.stringify(row));
			rows.push(row);
		}
	}

	const f = n => n.toFixed(2);
	console.log(`${args.containers} containers, ${args.seconds} s idle at 120x40, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
	const names = {old: '--old (API streams)', api: 'API streams', cgroup: 'cgroup files', none: 'no tsdtop'};
	console.log('| build, stats from | Engine CPU % (dockerd / containerd / shims) | tsdtop CPU % | tsdtop wake-ups/s |');
	console.log('|---|---:|---:|---:|');
	for (const r of rows) {
		console.log(`| ${names[r.mode]} | ${f(r.engine)} (${f(r.dockerd)} / ${f(r.containerd)} / ${f(r.shims)}) | ${f(r.tsdtop)} | ${r.wakeups.toFixed(1)} |`);
	}
}
