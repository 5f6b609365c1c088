import {execFileSync} from 'node:child_process';
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {eventually, idleCommand, testLabel} from '../helpers/test-containers.js';
import {engineDir} from '../helpers/engine-paths.js';
import {Terminal} from '../helpers/tmux.js';

// A second private Engine of this file's own, so stopping it disturbs no other test.
const dir = `${engineDir}-rc`;
const socket = `${dir}/docker.sock`;
const engine = (command: 'start' | 'stop') => {
	execFileSync('bash', ['test/engine/engine.sh', command], {env: {...process.env, TSDTOP_ENGINE_DIR: dir}, stdio: 'ignore', timeout: 110_000});
};

// A fresh client each time: a kept-alive socket to the stopped Engine would fail with EPIPE.
const client = () => new Docker({socketPath: socket});
async function run(name: string, attempts = 3): Promise<void> {
	try {
		const container = await client().createContainer({
			name, Image: 'tsdtop-test/busybox:latest', Cmd: idleCommand, Labels: {[testLabel]: name}, HostConfig: {NetworkMode: 'none'},
		});
		await container.start();
	} catch (error) {
		// An Engine that has just come back can drop the first connection (EPIPE): try again.
		const code = (error as {code?: string}).code;
		if (attempts <= 1 || (code !== 'EPIPE' && code !== 'ECONNRESET')) {
			throw error;
		}

		await eventually(async () => client().ping().then(() => true, () => false), 'the Engine to answer again');
		await client().getContainer(name).remove({force: true}).catch(() => undefined);
		await run(name, attempts - 1);
	}
}

let term: Terminal;

beforeAll(async () => {
	engine('start');
	await run(`rc-before-${Date.now()}`);
});

afterAll(async () => {
	term?.close();
	try {
		const docker = client();
		const list = await docker.listContainers({all: true, filters: {label: [testLabel]}});
		await Promise.all(list.map(async c => docker.getContainer(c.Id).remove({force: true})));
	} catch {
		// The Engine is stopped below either way, and it is this file's alone.
	} finally {
		engine('stop');
	}
});

describe('when the Engine goes away and comes back', () => {
	it('shows "disconnected, retrying", keeps the last list, and recovers by itself', async () => {
		term = new Terminal({env: {DOCKER_HOST: `unix://${socket}`}, args: ['--all']});
		await term.waitFor('rc-before-');
		engine('stop');
		const screen = await term.waitFor('disconnected, retrying');
		// The last data stays on screen.
		expect(screen).toContain('rc-before-');
		expect(screen).not.toMatch(/\bat .*\.js:\d+/);
		// Issue 12: what the status bar said is in the error history (!) too.
		term.press('!');
		const history = await term.waitFor('Errors (');
		expect(history).toMatch(/\d\d:\d\d:\d\d {2}disconnected: /);
		term.press('Escape');
		await term.waitFor(s => !s.includes('Errors ('));

		engine('start');
		await term.waitFor(s => !s.includes('disconnected'), 30_000);
		// Events flow again: a container made after the restart shows up without a key press.
		const name = `rc-after-${Date.now()}`;
		await run(name);
		await term.waitFor(name, 15_000);
		expect(term.exitCode()).toBeUndefined();
	});
});
