import {type ChildProcess, execFile, spawn} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {engineHost} from '../helpers/engine-paths.js';
import {createTestContainer, removeTestContainers, testLabel, uniquePrefix} from '../helpers/test-containers.js';
import {Terminal} from '../helpers/tmux.js';

// Issue 12 item 1: `docker kill web` from another shell on a busy machine left the row "running" for
// 8-10 s. The watcher listed 50 ms after `kill`, `die` came ~40 ms later and found the timer set, and
// the Engine still listed the container as running; nothing listed again until the backstop. Now
// events are the truth: each change made with the docker CLI must reach the screen within 1 s (the
// product's requirement; the target is 300 ms), with both CPUs kept busy, twice in a row.
const run = promisify(execFile);
const p = uniquePrefix('ev');
const limitMs = 1000;
let term: Terminal;
const burners: ChildProcess[] = [];
const measured: Array<{round: number; change: string; afterReturnMs: number; afterCallMs: number}> = [];

async function dockerCli(...args: string[]): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			// eslint-disable-next-line no-await-in-loop
			await run('docker', ['-H', engineHost, ...args]);
			return;
		} catch (error) {
			// runc's cgroup freezer gives up now and then on a loaded host ("unable to freeze"): the Engine
			// changed nothing, so the change is made again; what is measured starts when one succeeds.
			if (attempt >= 3 || !String((error as {stderr?: string}).stderr).includes('unable to freeze')) {
				throw error;
			}
		}
	}
}

/** The row's state on screen: `NAME  STATE  STATUS`. */
const rowSays = (name: string, state: string, status = '') => new RegExp(`(?:^|\\s)${name}\\s+${state}\\s+${status}`, 'm');
const rowGone = (name: string) => (screen: string) => !new RegExp(`(?:^|\\s)${name}\\s`, 'm').test(screen);

/**
 * Runs one change with the docker CLI and waits for the screen to show it. The time counts from the
 * CLI's return (the Engine has made the change); the time from the call, CLI start-up included, is
 * printed too.
 */
async function change(round: number, what: string, args: string[], shows: string | RegExp | ((screen: string) => boolean)): Promise<void> {
	const called = performance.now();
	await dockerCli(...args);
	const returned = performance.now();
	await term.waitFor(shows, 15_000);
	const seen = performance.now();
	measured.push({round, change: what, afterReturnMs: Math.round(seen - returned), afterCallMs: Math.round(seen - called)});
}

beforeAll(async () => {
	term = new Terminal({args: ['--all']});
	await term.filterTo(p);
	// Two busy loops, one a core: the machine the issue was seen on.
	for (let i = 0; i < 2; i++) {
		burners.push(spawn('sh', ['-c', 'while :; do :; done'], {stdio: 'ignore'}));
	}
});

afterAll(async () => {
	for (const burner of burners) {
		burner.kill('SIGKILL');
	}

	term?.close();
	await removeTestContainers(p);
	if (measured.length > 0) {
		console.log(`latency from the docker CLI's return to the screen, 2 CPUs busy (limit ${limitMs} ms):\n${measured.map(m => `  round ${m.round}  ${m.change.padEnd(8)} ${String(m.afterReturnMs).padStart(5)} ms  (${m.afterCallMs} ms from the call)`).join('\n')}`);
	}
});

describe('changes made elsewhere reach the screen within 1 s, CPUs busy', () => {
	for (const round of [1, 2]) {
		it(`round ${round}: kill, start, stop, start, pause, unpause, rename, rm`, async () => {
			const name = `${p}-web${round}`;
			const renamed = `${p}-api${round}`;
			await createTestContainer(name);
			await term.waitFor(rowSays(name, 'running'));
			const before = measured.length;

			// The die event's exit code, not a guess: SIGKILL is 137.
			await change(round, 'kill', ['kill', name], rowSays(name, 'exited', 'exit 137'));
			await change(round, 'start', ['start', name], rowSays(name, 'running', 'up'));
			// The test container exits 0 on SIGTERM.
			await change(round, 'stop', ['stop', name], rowSays(name, 'exited', 'exit 0'));
			await change(round, 'start', ['start', name], rowSays(name, 'running'));
			await change(round, 'pause', ['pause', name], rowSays(name, 'paused'));
			await change(round, 'unpause', ['unpause', name], rowSays(name, 'running'));
			await change(round, 'rename', ['rename', name, renamed], s => rowSays(renamed, 'running').test(s) && rowGone(name)(s));
			await change(round, 'rm', ['rm', '-f', renamed], rowGone(renamed));

			const slow = measured.slice(before).filter(m => m.afterReturnMs > limitMs);
			expect(slow).toEqual([]);
		});
	}
});

describe('what the keys offer follows the Engine', () => {
	it('a container killed elsewhere: D asks a plain yes (no force), at once', async () => {
		const name = `${p}-dead`;
		await createTestContainer(name);
		await term.waitFor(rowSays(name, 'running'));
		await term.select(name);
		await dockerCli('kill', name);
		await term.waitFor(rowSays(name, 'exited'), limitMs);
		term.press('D');
		const dialog = await term.waitFor('Remove 1 container?');
		expect(dialog).toContain('[y]');
		expect(dialog).not.toContain('[f] force');
		term.press('Escape');
		await term.waitFor(s => !s.includes('Remove 1 container?'));
	});
});

describe('tsdtop\'s own actions', () => {
	it('the row says the result in the same frame as the status line does', async () => {
		const name = `${p}-own`;
		await createTestContainer(name, {labels: {[testLabel]: name}});
		await term.waitFor(rowSays(name, 'running'));
		await term.select(name);
		term.press('s');
		const stopped = await term.waitFor(`stopped ${name}`);
		expect(stopped).toMatch(rowSays(name, 'exited'));
		term.press('s');
		const started = await term.waitFor(`started ${name}`);
		expect(started).toMatch(rowSays(name, 'running'));
		term.press('p');
		const paused = await term.waitFor(`paused ${name}`);
		expect(paused).toMatch(rowSays(name, 'paused'));
	});
});
