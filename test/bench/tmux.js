// Keys as a person's terminal hosts the program: tmux (120x40), keys sent with `tmux send-keys`,
// the screen read with `tmux capture-pane` until the key's effect shows. Every program measured
// this way pays the same tmux round trips, so it compares tsdtop with peers that a pty harness
// reads differently; the pty figures (scenario.js) are the finer ones. Keys and captures go through
// one tmux control-mode client (`tmux -C`), so a poll costs a command, not a new tmux process: with a
// client spawned per capture (the harness before), a capture took 5-7 ms and a key's time was mostly
// the harness's own.
import {execFileSync, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {writeFileSync, mkdtempSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {benchName} from './containers.js';
import {selectedRow} from './screen.js';
import {HarnessError, stripAnsi} from './session.js';
import {median, p95, sleep} from './stats.js';

// tmux on a socket of its own (the tests' isolation variable), with no user configuration.
const socket = process.env.TSDTOP_TMUX_SOCKET ?? 'tsdtop-bench';
const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
const quote = text => `'${text.replaceAll('\'', '\'\\\'\'')}'`;

/**
 * A tmux control-mode client (attached to a session of its own, so that it never resizes the pane
 * measured): `run(command)` resolves with the command's output once tmux has answered it.
 */
function controlClient() {
	const session = `ctl-${randomBytes(4).toString('hex')}`;
	tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '10', 'sleep 3600');
	const child = spawn('tmux', ['-L', socket, '-f', '/dev/null', '-C', 'attach', '-t', session], {stdio: ['pipe', 'pipe', 'ignore']});
	const waiting = [];
	let block;
	let buffered = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', data => {
		buffered += data;
		let newline;
		while ((newline = buffered.indexOf('\n')) !== -1) {
			const line = buffered.slice(0, newline);
			buffered = buffered.slice(newline + 1);
			if (block === undefined && line.startsWith('%begin ')) {
				// Flag 1: the output of a command this client sent (0 is tmux's own, on attach).
				block = line.endsWith(' 1') ? [] : null;
			} else if (block !== undefined && (line.startsWith('%end ') || line.startsWith('%error '))) {
				if (block !== null) {
					waiting.shift()?.(block.join('\n') + '\n');
				}

				block = undefined;
			} else if (block) {
				block.push(line);
			}
		}
	});
	return {
		run: command => new Promise(resolve => {
			waiting.push(resolve);
			child.stdin.write(`${command}\n`);
		}),
		close() {
			child.stdin.end();
			child.kill();
			try {
				tmux('kill-session', '-t', session);
			} catch {}
		},
	};
}

/**
 * Waits (polling capture-pane, the screen with its attributes) until `done(screen)` holds; resolves
 * with performance.now() when the capture that showed it returned, and how long that capture took
 * (the resolution of this measure), or undefined after `timeoutMs`.
 */
async function pollScreen(client, target, done, timeoutMs) {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		const started = performance.now();
		// eslint-disable-next-line no-await-in-loop
		const screen = await client.run(`capture-pane -p -e -t ${target}`);
		const at = performance.now();
		if (done(screen)) {
			return {at, captureMs: at - started};
		}
	}

	return undefined;
}

/**
 * Starts `command` (with `env`) in a 120x40 tmux pane, waits for `ready(text)`, then presses j, k,
 * j, ... `presses` times, each after the screen has been still for 100 ms: ms from before
 * `send-keys` to the capture that shows the key's effect (tsdtop: the expected row selected; a
 * peer: any change of the screen). Median and p95.
 */
export async function measureTmuxKeys({command, env}, ready, {presses, checkSelection}) {
	const target = `bench-${randomBytes(4).toString('hex')}`;
	const dir = mkdtempSync(join(tmpdir(), 'tsdtop-bench-tmux-'));
	const script = join(dir, 'run.sh');
	const exports = Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`).join('\n');
	const unset = 'unset CI CONTINUOUS_INTEGRATION COLUMNS LINES';
	writeFileSync(script, `${unset}\n${exports}\nexec ${command}\n`);
	tmux('new-session', '-d', '-s', target, '-x', '120', '-y', '40', `sh ${quote(script)}`);
	const client = controlClient();
	try {
		const shown = await pollScreen(client, target, screen => ready(stripAnsi(screen)), 30_000);
		if (shown === undefined) {
			throw new HarnessError(`tmux: the containers never showed\n${tmux('capture-pane', '-p', '-t', target)}`);
		}

		// As in the pty session: past the start (tsdtop's first frame is drawn before Ink has loaded,
		// and stays still meanwhile) and its first refreshes.
		await sleep(1500);
		await settle(client, target);
		const samples = [];
		const captures = [];
		for (let i = 0; i < presses; i++) {
			const [key, row] = i % 2 === 0 ? ['j', 2] : ['k', 1];
			// eslint-disable-next-line no-await-in-loop
			const before = await client.run(`capture-pane -p -e -t ${target}`);
			const done = checkSelection ? screen => selectedRow(screen) === benchName(row) : screen => screen !== before;
			const sent = performance.now();
			client.run(`send-keys -t ${target} ${key}`);
			// eslint-disable-next-line no-await-in-loop
			const seen = await pollScreen(client, target, done, 3000);
			samples.push(seen === undefined ? undefined : seen.at - sent);
			if (seen !== undefined) {
				captures.push(seen.captureMs);
			}

			// eslint-disable-next-line no-await-in-loop
			await settle(client, target);
		}

		const answered = samples.filter(v => v !== undefined);
		return {median: median(answered), p95: p95(answered), count: answered.length, presses, captureMs: median(captures), samples: samples.map(v => (v === undefined ? null : Math.round(v * 10) / 10))};
	} finally {
		client.close();
		try {
			tmux('kill-session', '-t', target);
		} catch {}
	}
}

/** Waits until two captures 100 ms apart are equal (at most 3 s): the last frame is done. */
async function settle(client, target) {
	const capture = async () => client.run(`capture-pane -p -e -t ${target}`);
	let last = await capture();
	for (let i = 0; i < 30; i++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(100);
		// eslint-disable-next-line no-await-in-loop
		const screen = await capture();
		if (screen === last) {
			return;
		}

		last = screen;
	}
}

/**
 * The floor of this measure: test/bench/floor.c (the bench's list, an inverse selection moved on
 * j/k with one write a key, nothing else), compiled here with gcc. Its command for
 * measureTmuxKeys, or undefined when there is no compiler.
 */
export function floorCommand(size) {
	const out = join(mkdtempSync(join(tmpdir(), 'tsdtop-bench-floor-')), 'floor');
	try {
		execFileSync('gcc', ['-O2', '-o', out, fileURLToPath(new URL('floor.c', import.meta.url))], {stdio: 'ignore'});
	} catch {
		return undefined;
	}

	return `${quote(out)} ${size}`;
}
