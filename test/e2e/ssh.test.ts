import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {makeSshUser, type Sshd, type SshUser, startSshd} from '../helpers/sshd.js';
import {createTestContainer, docker, eventually, removeTestContainers, stateOf, uniquePrefix} from '../helpers/test-containers.js';
import {binary, terminalPool} from '../helpers/tmux.js';

// Issue 6: ssh:// must feel fast. A real sshd on loopback, a user whose ~/.ssh/config names it by an
// alias, and the far side's `docker system dial-stdio` reaching the private Engine. The whole
// session (list, move, logs, a shell, stop, quit) must ride ONE SSH connection: sshd's log counts them.
const p = uniquePrefix('ssh');
const name = (suffix: string) => `${p}-${suffix}`;
const pool = terminalPool();
let sshd: Sshd;
let user: SshUser;

const accepted = (log: string) => log.split('\n').filter(line => line.includes('Accepted publickey for root')).length;
const wait = 30_000;
const sessions = (log: string) => log.split('\n').filter(line => line.includes('Starting session:')).length;

beforeAll(async () => {
	sshd = await startSshd();
	user = makeSshUser(sshd, binary, {
		engine: {key: sshd.goodKey, knownHosts: true},
		stranger: {key: sshd.goodKey, knownHosts: false},
		wrongkey: {key: sshd.badKey, knownHosts: true},
	});
	await createTestContainer(name('a'), {cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while :; do i=$((i+1)); echo tick-$i; sleep 1; done']});
	await createTestContainer(name('b'));
	await createTestContainer(name('c'));
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	user?.remove();
	sshd?.stop();
	await removeTestContainers(p);
});

describe('ssh:// through the system OpenSSH client', () => {
	// Each new channel starts a process on the far side (sshd's session, docker dial-stdio): slow on a
	// loaded CI machine, hence the long waits.
	it('lists, moves, shows logs, opens a shell and stops a container over one SSH connection', {timeout: 240_000}, async () => {
		const logBefore = sshd.log().length;
		const stderr = path.join(sshd.dir, 'stderr-main');
		const term = pool.open({command: user.command(['--host', 'ssh://engine'], stderr), columns: 100});
		// The alias exists only in the user's ~/.ssh/config: reaching the Engine proves it was read.
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/, wait);
		await term.filterTo(p);
		let screen = await term.waitFor(s => s.includes(name('a')) && s.includes(name('b')), wait);
		expect(screen).toContain('ssh://engine');
		expect(term.isSelected(name('a'))).toBe(true);
		term.press('j');
		await term.waitFor(() => term.isSelected(name('b')), wait);
		term.press('k');
		await term.waitFor(() => term.isSelected(name('a')), wait);

		// Logs: a long stream on a channel of its own.
		term.press('l');
		await term.waitFor(`Logs: ${name('a')}`, wait);
		await term.waitFor(/tick-\d+/, wait);
		term.press('Escape');
		await term.waitFor(s => !s.includes(`Logs: ${name('a')}`) && s.includes(name('b')), wait);

		// A shell: exec hijacks its channel into a raw stream both ways.
		term.press('e');
		await term.waitFor(`in ${name('a')} as root; exit or Ctrl+D comes back to tsdtop`, wait);
		term.type('echo over-ssh-$((6*7))');
		term.press('Enter');
		await term.waitFor(/^over-ssh-42$/m, wait);
		term.type('exit');
		term.press('Enter');
		await term.waitFor(`left the shell in ${name('a')}`, wait);

		// Stop b, checked on the Engine's side.
		term.press('j');
		await term.waitFor(() => term.isSelected(name('b')), wait);
		term.press('s');
		await term.waitFor(`stopped ${name('b')}`, wait);
		expect(await eventually(async () => (await stateOf(name('b'))) === 'exited' && 'exited', `${name('b')} to stop`)).toBe('exited');

		term.press('q');
		await eventually(async () => term.exitCode() !== undefined, 'tsdtop to quit');
		expect(term.exitCode()).toBe(0);
		// Nothing ssh or Node said reached the terminal (no "Exit request sent.", no DEP0170).
		screen = stripVTControlCharacters(term.screen());
		expect(screen).not.toMatch(/Exit request|DEP0170|Warning|ssh:|Deprecation/i);
		// Nor was anything written behind the UI's back: stderr holds at most the cursor being shown again.
		expect(stripVTControlCharacters(readFileSync(stderr, 'utf8')).trim()).toBe('');

		// The master left with tsdtop: no ssh of this user is still running.
		await eventually(async () => {
			try {
				execFileSync('pgrep', ['-u', user.name, 'ssh']);
				return false;
			} catch {
				return true;
			}
		}, 'the SSH master to exit', 10_000);

		const log = sshd.log().slice(logBefore);
		expect(accepted(log), `sshd log:\n${log}`).toBe(1);
		// ...and that one connection carried many channels (prefetch, list, events, stats, logs, exec).
		expect(sessions(log)).toBeGreaterThan(3);
	});

	it('more streams than one connection may carry (MaxSessions 10) go to a second shared connection', {timeout: 180_000}, async () => {
		const many = Array.from({length: 11}, (_, index) => name(`m${String(index).padStart(2, '0')}`));
		await Promise.all(many.map(async row => createTestContainer(row)));
		const logBefore = sshd.log().length;
		const term = pool.open({command: user.command(['--host', 'ssh://engine']), columns: 100});
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/, wait);
		await term.filterTo(`${p}-m`);
		// Every row gets its stats stream (a CPU figure), beside the events stream: 12 channels or more.
		const withCpu = (screen: string) => many.filter(row => /\d+\.\d%/.test(screen.split('\n').find(line => line.includes(row)) ?? '')).length;
		await term.waitFor(s => withCpu(s) === many.length, 90_000);
		term.press('q');
		await eventually(async () => term.exitCode() !== undefined, 'tsdtop to quit');
		expect(term.exitCode()).toBe(0);
		// A few logins, none refused: left to itself, ssh would log in again for each channel the first
		// connection refused ("no more sessions" in sshd's log).
		const log = sshd.log().slice(logBefore);
		expect(log).not.toContain('no more sessions');
		expect(accepted(log), `sshd log:\n${log}`).toBeGreaterThan(1);
		expect(accepted(log), `sshd log:\n${log}`).toBeLessThanOrEqual(4);
		await Promise.all(many.map(async row => docker.getContainer(row).remove({force: true})));
	});

	it('a lost SSH connection is replaced by one new login, and the live view carries on', {timeout: 120_000}, async () => {
		await createTestContainer(name('lost'));
		const logBefore = sshd.log().length;
		const term = pool.open({command: user.command(['--host', 'ssh://engine']), columns: 100});
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/, wait);
		await term.filterTo(name('lost'));
		await term.waitFor(s => /\d+\.\d%/.test(s.split('\n').find(line => line.includes(name('lost'))) ?? ''), wait);
		// The shared connection dies under tsdtop (as when the network drops). Logins are counted from
		// then on, so that no wait for the start-up calls to settle is needed.
		const master = execFileSync('ps', ['-u', user.name, '-o', 'pid=,args='], {encoding: 'utf8'})
			.split('\n').find(line => line.includes('ControlMaster=yes'));
		expect(master, 'the ssh master of this user').toBeDefined();
		const logAtKill = sshd.log().length;
		process.kill(Number(master!.trim().split(/\s+/)[0]));
		await docker.getContainer(name('lost')).stop({t: 1});
		// The Engine's news still arrives: over a new connection.
		// (A stopped row leaves the list: stopped containers are hidden until a.)
		await term.waitFor(s => !s.split('\n').some(line => line.includes(name('lost')) && line.includes('running')), 60_000);
		term.press('q');
		await eventually(async () => term.exitCode() !== undefined, 'tsdtop to quit');
		const log = sshd.log().slice(logAtKill);
		expect(accepted(log), `sshd log:\n${sshd.log().slice(logBefore)}`).toBe(1);
	});

	it('an unknown host key is a clear message at once, not a prompt or a hang', async () => {
		const started = Date.now();
		const term = pool.open({command: user.command(['--host', 'ssh://stranger'])});
		await eventually(async () => term.exitCode() !== undefined, 'tsdtop to give up', 20_000);
		expect(term.exitCode()).toBe(1);
		expect(term.screen()).toContain('tsdtop: ssh://stranger: the SSH host key is not known');
		expect(Date.now() - started).toBeLessThan(15_000);
	});

	it('a key the server refuses is a clear message', async () => {
		const term = pool.open({command: user.command(['--host', 'ssh://wrongkey'])});
		await eventually(async () => term.exitCode() !== undefined, 'tsdtop to give up', 20_000);
		expect(term.exitCode()).toBe(1);
		expect(term.screen()).toContain('tsdtop: ssh://wrongkey: SSH login refused (Permission denied, publickey)');
	});
});
