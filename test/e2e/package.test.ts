import {execFile} from 'node:child_process';
import {mkdtempSync, readdirSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {terminalPool} from '../helpers/tmux.js';
import packageJson from '../../package.json' with {type: 'json'};

const run = promisify(execFile);
// As a person's shell has it: no node_modules/.bin of this repository (npm run and npx put it first,
// and it would lend the install a patch-package it does not have), but this Node (>= 22).
const env = {
	...process.env,
	PATH: [path.dirname(process.execPath), ...(process.env['PATH'] ?? '').split(path.delimiter).filter(dir => !dir.includes('node_modules'))].join(path.delimiter),
};
const pool = terminalPool();

afterEach(() => {
	pool.closeAll();
});

// Issue 13: the packed tarball installed on its own exited 127 (its postinstall ran patch-package,
// a devDependency). dist/ is the whole program: the bundle holds every package, so the tarball
// brings no dependency and no install script.
describe('the npm package', () => {
	it('installs from the tarball alone into an empty prefix, and runs', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'tsdtop-pack-'));
		// dist/ as `npm test` built it (prepare would build it again).
		await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], {timeout: 60_000});
		const tarball = path.join(work, `tsdtop-${packageJson.version}.tgz`);
		expect(existsSync(tarball)).toBe(true);

		const prefix = path.join(work, 'prefix');
		// Rejects (and so fails the test) on a non-zero exit.
		const {stdout} = await run('npm', ['install', '-g', tarball, '--prefix', prefix, '--no-audit', '--no-fund'], {cwd: work, env, timeout: 60_000});
		expect(stdout).toMatch(/added 1 package\b/);
		expect(readdirSync(path.join(prefix, 'lib', 'node_modules'))).toEqual(['tsdtop']);
		expect(existsSync(path.join(prefix, 'lib', 'node_modules', 'tsdtop', 'node_modules'))).toBe(false);

		const bin = path.join(prefix, 'bin', 'tsdtop');
		const version = await run(bin, ['--version'], {cwd: work, env});
		expect(version.stdout.trim()).toBe(packageJson.version);

		// And the UI itself (Ink, React, dockerode: the chunks loaded after the first frame) runs
		// from the prefix, where no other package is.
		const term = pool.open({command: `cd ${JSON.stringify(work)} && PATH=${JSON.stringify(env.PATH)} ${JSON.stringify(bin)}`});
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/);
		term.press('?');
		await term.waitFor('Keys');
		term.press('Escape');
		await term.waitFor(s => s.includes('NAME') && !s.includes('Keys'));
		term.press('q');
		await term.waitFor(() => term.exitCode() !== undefined);
		expect(term.exitCode()).toBe(0);
	}, 180_000);
});
