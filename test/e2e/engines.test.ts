import {execFileSync} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {engineHost} from '../helpers/engine-paths.js';
import {createTestContainer, removeTestContainers, stateOf, uniquePrefix} from '../helpers/test-containers.js';
import {binary, terminalPool} from '../helpers/tmux.js';

// Which Engine, and what tsdtop may do to it: docker contexts, --read-only, the error history.
const p = uniquePrefix('eng');
const pool = terminalPool();
const open = pool.open;

beforeAll(async () => {
	await createTestContainer(`${p}-web`);
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

describe('reaching the Engine', () => {
	it('a docker context in ~/.docker selects the Engine when DOCKER_HOST is not set', async () => {
		const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-home-'));
		const digest = createHash('sha256').update('private').digest('hex');
		mkdirSync(path.join(home, '.docker', 'contexts', 'meta', digest), {recursive: true});
		writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({currentContext: 'private'}));
		writeFileSync(path.join(home, '.docker', 'contexts', 'meta', digest, 'meta.json'), JSON.stringify({Name: 'private', Endpoints: {docker: {Host: engineHost}}}));
		const term = open({env: {DOCKER_HOST: '', HOME: home}, columns: 200});
		await term.filterTo(p);
		const screen = await term.waitFor(`${p}-web`);
		// The header names the Engine and how it was picked.
		expect(screen).toContain(`${engineHost} (context private) via config.json`);
	});

	it('a socket the user may not open is one clear line and a non-zero exit, not a stack trace', async () => {
		// Root opens any socket: a user of its own, outside the docker group, meets the socket's 0660.
		const user = `tsdtop-np-${randomBytes(3).toString('hex')}`;
		const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-np-'));
		cpSync(path.dirname(binary), dir, {recursive: true});
		execFileSync('chmod', ['-R', 'a+rX', dir]);
		chmodSync(dir, 0o755);
		execFileSync('useradd', ['--system', '--no-create-home', '--home-dir', dir, '--shell', '/bin/sh', user]);
		try {
			const term = open({command: `runuser -u ${user} -- env DOCKER_HOST=${engineHost} node ${path.join(dir, 'tsdtop.js')}`});
			await term.waitFor(() => term.exitCode() !== undefined, 20_000);
			const screen = await term.waitFor('permission denied');
			expect(term.exitCode()).not.toBe(0);
			expect(screen).toContain(`tsdtop: permission denied on ${engineHost.replace('unix://', '')}: add your user to the docker group`);
			expect(screen).not.toMatch(/\bat .*\.js:\d+|Error:/);
		} finally {
			execFileSync('userdel', ['-f', user]);
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('--read-only', () => {
	it('hides and refuses every command that changes the Engine', async () => {
		const term = open({args: ['--read-only']});
		await term.filterTo(p);
		let screen = await term.waitFor(`${p}-web`);
		expect(screen).toContain('READ-ONLY');
		expect(screen).not.toContain('stop/start');
		term.press('s');
		await term.waitFor('read-only: tsdtop was started with --read-only');
		term.press('K');
		term.press('D');
		// The marker: ? draws the help once K and D have been handled (keys are read in order); a dialog
		// opened by either would take the ? itself, and the help would never show.
		screen = await term.marker('?', 'Keys');
		expect(screen).not.toContain('Kill 1 container?');
		expect(screen).not.toContain('Remove 1 container?');
		expect(await stateOf(`${p}-web`)).toBe('running');
		expect(screen).not.toContain('kill (asks first)');
		expect(screen).toContain('filter by name');
	});

	it('! lists the errors shown so far, with their times', async () => {
		const term = open({args: ['--read-only']});
		await term.filterTo(p);
		term.press('s');
		await term.waitFor('read-only: tsdtop was started');
		term.press('!');
		const screen = await term.waitFor('Errors (1, newest first)');
		expect(screen).toMatch(/\d\d:\d\d:\d\d {2}read-only: tsdtop was started with --read-only/);
	});
});
