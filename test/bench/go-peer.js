// --go-peer: the Go programs in test/bench/peer/ (a folder each), measured in the same run as
// tsdtop: keys in tmux (tmux.js, the selected row read as for tsdtop: they draw it in reverse
// video), idle CPU and RSS in the pty. They stand in for lazydocker, which cannot be installed
// here (no GitHub, no Go module proxy): the same TUI libraries, Debian's -dev packages, GOPATH mode.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {cpuDelta, treeCpu, treeRssMb} from './proc.js';
import {startSession} from './scenario.js';
import {median, sleep} from './stats.js';
import {measureTmuxKeys} from './tmux.js';

const peersDir = join(dirname(fileURLToPath(import.meta.url)), 'peer');
export const installGo = 'apt-get install -y golang-go golang-github-jroimartin-gocui-dev golang-github-rivo-tview-dev';

function hasGo() {
	try {
		execFileSync('go', ['version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/**
 * Builds every peer into a temp folder: [{name, command}]. Without Go, or for a peer whose
 * libraries are missing, one line says so (and how to install them) and that peer is left out.
 */
export function buildGoPeers(log) {
	if (!hasGo()) {
		log(`--go-peer: no \`go\` on PATH, so no Go peers; on Debian: ${installGo}`);
		return [];
	}

	const out = mkdtempSync(join(tmpdir(), 'tsdtop-bench-peer-'));
	// A build cache kept between runs (a rebuild takes a second), in the temp folder, not in HOME.
	const cache = join(tmpdir(), 'tsdtop-bench-go-cache');
	mkdirSync(cache, {recursive: true});
	// Debian's golang-*-dev packages put their sources in /usr/share/gocode: GOPATH mode, no modules.
	const env = {...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: cache, GOFLAGS: ''};
	const peers = [];
	for (const name of readdirSync(peersDir).sort()) {
		const binary = join(out, name);
		try {
			execFileSync('go', ['build', '-o', binary, `./${name}`], {cwd: peersDir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
			peers.push({name, command: binary});
		} catch (error) {
			const why = String(error.stderr ?? error.message).trim().split('\n').slice(0, 2).join(' ');
			log(`--go-peer: ${name} did not build (${why}); its libraries on Debian: ${installGo}`);
		}
	}

	return peers;
}

/**
 * One peer at one size: keys in tmux (`presses` j/k between the first two rows, the selected row
 * read from the capture), then in a 120x40 pty, once its first refreshes are over, CPU % of one
 * core over `windows` windows of `seconds` without input (median, min-max) and RSS at the end.
 */
export async function measureGoPeer({command}, dockerHost, ready, {presses, seconds, windows, root}) {
	const env = {...process.env, DOCKER_HOST: dockerHost, TERM: 'xterm-256color'};
	for (const name of ['COLUMNS', 'LINES']) {
		delete env[name];
	}

	const tmuxKey = await measureTmuxKeys({command, env: {DOCKER_HOST: dockerHost, TERM: 'xterm-256color'}}, ready, {presses, checkSelection: true});
	const {session} = await startSession({file: command, args: [], cols: 120, rows: 40, cwd: root, env}, ready);
	try {
		await session.waitQuiet(500, 5000);
		await sleep(1000);
		const cpu = [];
		for (let i = 0; i < windows; i++) {
			const before = treeCpu(session.pid);
			const started = performance.now();
			// eslint-disable-next-line no-await-in-loop
			await sleep(seconds * 1000);
			cpu.push((cpuDelta(before, treeCpu(session.pid)) / ((performance.now() - started) / 1000)) * 100);
		}

		return {tmuxKey, idle: {cpuPercent: {median: median(cpu), min: Math.min(...cpu), max: Math.max(...cpu)}, rssMb: treeRssMb(session.pid)}};
	} finally {
		await session.stop();
	}
}
