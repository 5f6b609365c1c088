import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {binary} from '../helpers/tmux.js';

// Issue 12: the built binary, as a person runs it. Refusals come before any terminal is needed.
function tsdtop(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
	const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-flags-'));
	const result = spawnSync('node', [binary, ...args], {encoding: 'utf8', env: {PATH: process.env['PATH'] ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...env}, timeout: 20_000});
	return {code: result.status, stderr: result.stderr, stdout: result.stdout};
}

describe('bad flags are one line and exit code 2', () => {
	it.each([
		[['--host'], /^tsdtop: --host takes the address of an Engine/],
		[['-H'], /^tsdtop: --host takes the address of an Engine/],
		[['--tail', '-1'], /^tsdtop: --tail takes a whole number of lines, at least 0/],
		[['--tail', 'many'], /^tsdtop: --tail takes a whole number of lines, at least 0/],
	])('%j', (args, message) => {
		const {code, stderr, stdout} = tsdtop(args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(message);
	});
});

describe('a config file that starts with a UTF-8 byte order mark', () => {
	it('is read (the run stops only at the missing terminal)', () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'tsdtop-bom-')), 'config.json');
		writeFileSync(file, Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from('{"theme": "light"}\n')]));
		const {code, stderr} = tsdtop(['--config', file, '--host', 'unix:///nonexistent.sock']);
		expect(stderr).not.toContain('config');
		expect(stderr).toContain('needs an interactive terminal');
		expect(code).toBe(2);
	});
});
