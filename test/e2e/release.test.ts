import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import packageJson from '../../package.json' with {type: 'json'};
import {makeSshUser, startSshd} from '../helpers/sshd.js';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {engineHost} from '../helpers/engine-paths.js';
import {terminalPool, terminalState} from '../helpers/tmux.js';

// Issue 13: the release executables (npm run release) run where no Node is installed. x64 runs
// here with an empty environment; arm64 is checked as a file (an aarch64 ELF carrying the app) and
// run under qemu-user (.ci/run installs it and Debian's arm64 libraries).
const release = path.resolve('release');
const x64 = path.join(release, 'tsdtop-linux-x64');
const arm64 = path.join(release, 'tsdtop-linux-arm64');
const qemu = ['/usr/bin/qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'];
const p = uniquePrefix('rel');
const pool = terminalPool();
const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-release-home-'));
// An environment with no Node anywhere: no PATH to search, no HOME with a ~/.npm or nvm.
const bare = ['env', '-i', 'PATH=/nonexistent', `HOME=${home}`, 'TERM=xterm-256color', `DOCKER_HOST=${engineHost}`];
const quote = (words: readonly string[]) => words.map(word => `'${word.replaceAll("'", "'\\''")}'`).join(' ');

/** The newest change among the files a release is made of. */
function newestInput(): number {
	const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true})
		.flatMap(entry => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
	const files = [...walk('source'), ...walk('scripts'), 'package.json', 'package-lock.json'];
	return Math.max(...files.map(file => statSync(file).mtimeMs));
}

beforeAll(async () => {
	// Building takes a minute or so (two 110 MB binaries, postject): only when missing or older than
	// its inputs. The whole release, so that release/ is never left half old, half new.
	const files = [x64, arm64, path.join(release, `tsdtop-${packageJson.version}.tgz`), path.join(release, 'SHA256SUMS')];
	const inputs = newestInput();
	if (files.some(file => !existsSync(file) || statSync(file).mtimeMs < inputs)) {
		execFileSync(process.execPath, ['scripts/release.js'], {stdio: ['ignore', 'ignore', 'inherit'], timeout: 280_000});
	}

	await createTestContainer(`${p}-one`);
}, 300_000);

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	rmSync(home, {recursive: true, force: true});
	await removeTestContainers(p);
});

describe('release/', () => {
	it('holds both executables and the npm tarball, each checked by SHA256SUMS', () => {
		const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {cwd: release, encoding: 'utf8'});
		expect(out.trim().split('\n').sort()).toEqual([`tsdtop-${packageJson.version}.tgz: OK`, 'tsdtop-linux-arm64: OK', 'tsdtop-linux-x64: OK']);
	});
});

describe('release/tsdtop-linux-x64', () => {
	it('prints its version with an empty environment', () => {
		const out = execFileSync('env', ['-i', 'PATH=/nonexistent', x64, '--version'], {encoding: 'utf8'});
		expect(out.trim()).toBe(packageJson.version);
	});

	it('ignores NODE_OPTIONS meant for a Node.js', () => {
		const out = execFileSync('env', ['-i', 'PATH=/nonexistent', 'NODE_OPTIONS=--require /nonexistent.js', x64, '--version'], {encoding: 'utf8'});
		expect(out.trim()).toBe(packageJson.version);
	});

	it('lists the containers of the Engine in DOCKER_HOST with no node on PATH, and q gives the terminal back', async () => {
		const term = pool.open({command: quote([...bare, x64])});
		await term.filterTo(p);
		await term.waitFor(`${p}-one`);
		term.press('q');
		await term.waitFor(() => term.exitCode() !== undefined);
		expect(term.exitCode()).toBe(0);
		expect(await terminalState(term)).toEqual({cooked: true, echo: true, cursorVisible: true, alternateScreen: false});
	});

	// ssh:// spawns the system OpenSSH client: from the executable as from the npm build (issue 6).
	it('reaches an Engine over ssh://', {timeout: 120_000}, async () => {
		const sshd = await startSshd();
		const user = makeSshUser(sshd, x64, {engine: {key: sshd.goodKey, knownHosts: true}});
		try {
			const term = pool.open({command: user.command(['--host', 'ssh://engine'])});
			await term.waitFor(/\d+ running, \d+ stopped, \d+ total/, 60_000);
			await term.filterTo(p);
			const screen = await term.waitFor(`${p}-one`, 30_000);
			expect(screen).toContain('ssh://engine');
			term.press('q');
			await term.waitFor(() => term.exitCode() !== undefined);
			expect(term.exitCode()).toBe(0);
		} finally {
			pool.closeAll();
			user.remove();
			sshd.stop();
		}
	});
});

describe('release/tsdtop-linux-arm64', () => {
	it('is an aarch64 ELF executable with the app injected', () => {
		const file = readFileSync(arm64);
		expect(file.subarray(0, 4).toString('latin1')).toBe('\u007FELF');
		// e_machine at offset 18, little endian: 183 is EM_AARCH64.
		expect(file.readUInt16LE(18)).toBe(183);
		expect(statSync(arm64).mode & 0o111).toBe(0o111);
		// postject flips the fuse to :1 when it injects a blob, and the blob holds the app's code.
		expect(file.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
		expect(file.includes('tsdtop reaches ssh:// Engines through the system ssh')).toBe(true);
	});

	// Emulated, start-up takes a second or two on an idle machine and far longer on a busy one: the
	// waits below are generous, since they check that it runs, not how fast.
	it('prints its version under qemu-user with an empty environment', {timeout: 150_000}, () => {
		const out = execFileSync('env', ['-i', 'PATH=/nonexistent', ...qemu, arm64, '--version'], {encoding: 'utf8', timeout: 120_000});
		expect(out.trim()).toBe(packageJson.version);
	});

	it('lists the containers under qemu-user', {timeout: 300_000}, async () => {
		const term = pool.open({command: quote([...bare, ...qemu, arm64])});
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/, 120_000);
		// filterTo, with waits for an emulated program.
		term.press('/');
		term.type(p);
		term.press('Enter');
		await term.waitFor(s => s.includes(`filter: ${p}`) && s.includes(`${p}-one`), 60_000);
		term.press('q');
		await term.waitFor(() => term.exitCode() !== undefined, 60_000);
		expect(term.exitCode()).toBe(0);
	});
});
