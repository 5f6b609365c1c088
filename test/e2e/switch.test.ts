import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {engineDir, engineHost, engineSocket, testImage} from '../helpers/engine-paths.js';
import {createTestContainer, eventually, idleCommand, removeTestContainers, stateOf, testLabel, uniquePrefix} from '../helpers/test-containers.js';
import {terminalPool} from '../helpers/tmux.js';

// Issue 6: the Engine switcher. A second private Engine of this file's own, reached through a docker
// context; the first one through --host, so that it lands in the --host history to switch back to.
const dir = `${engineDir}-sw`;
const secondHost = `unix://${dir}/docker.sock`;
const engine = (command: 'start' | 'stop') => {
	execFileSync('bash', ['test/engine/engine.sh', command], {env: {...process.env, TSDTOP_ENGINE_DIR: dir}, stdio: 'ignore', timeout: 110_000});
};

const second = new Docker({socketPath: `${dir}/docker.sock`});
const p = uniquePrefix('sw');
const pool = terminalPool();

async function secondState(name: string): Promise<string | undefined> {
	return (await second.getContainer(name).inspect().catch(() => undefined))?.State.Status;
}

/** A HOME with two docker contexts (the second Engine, and one that is not there) and a state folder. */
function makeHome() {
	const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-sw-home-'));
	for (const [name, host] of [['second', secondHost], ['gone', 'unix:///nonexistent/docker.sock']] as const) {
		const meta = path.join(home, '.docker', 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
		mkdirSync(meta, {recursive: true});
		writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}}));
	}

	return {HOME: home, XDG_STATE_HOME: path.join(home, 'state'), DOCKER_HOST: '', DOCKER_CONTEXT: ''};
}

beforeAll(async () => {
	engine('start');
	await createTestContainer(`${p}-one`);
	const two = await second.createContainer({
		name: `${p}-two`, Image: testImage, Cmd: idleCommand, Labels: {[testLabel]: `${p}-two`}, StopTimeout: 2, HostConfig: {NetworkMode: 'none'},
	});
	await two.start();
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	try {
		await removeTestContainers(p);
		const list = await second.listContainers({all: true, filters: {label: [testLabel]}});
		await Promise.all(list.map(async c => second.getContainer(c.Id).remove({force: true})));
		await second.getImage(`${p}-img:only-on-second`).remove().catch(() => undefined);
	} finally {
		engine('stop');
	}
});

/** Opens the switcher, filters it to `text` and switches to the one entry left. */
async function switchTo(term: ReturnType<typeof pool.open>, text: string) {
	term.press(':');
	await term.waitFor('Switch Engine');
	term.press('/');
	term.type(text);
	await term.waitFor(`filter: ${text}`);
	term.press('Enter');
	await term.waitFor(s => !s.includes('Switch Engine'));
}

describe('the Engine switcher (:)', () => {
	it('lists the contexts and the --host history, switches Engines without a restart, acts on the new one, and switches back', async () => {
		const env = makeHome();
		const term = pool.open({env, args: ['--host', engineHost], columns: 200});
		await term.filterTo(p);
		let screen = await term.waitFor(`${p}-one`);
		// The header says which Engine and how it was picked.
		expect(screen).toContain(`${engineHost} via --host`);
		// A --host that answered is remembered for the switcher.
		expect(JSON.parse(readFileSync(path.join(env.XDG_STATE_HOME, 'tsdtop', 'hosts.json'), 'utf8'))).toEqual({hosts: [engineHost]});

		term.press(':');
		screen = await term.waitFor('Switch Engine');
		expect(screen).toMatch(/ second +unix:\/\/.*-sw\/docker\.sock +context/);
		expect(screen).toMatch(/ gone +unix:\/\/\/nonexistent\/docker\.sock +context/);
		expect(screen).toContain(`* ${engineHost}`);
		expect(screen).toMatch(/--host history, in use/);
		expect(screen).toContain('default (local socket)');
		term.press('Escape');
		await term.waitFor(s => !s.includes('Switch Engine') && s.includes(`${p}-one`));

		await switchTo(term, 'second');
		screen = await term.waitFor(`${p}-two`);
		expect(screen).toContain(`${secondHost} (context second)`);
		expect(screen).not.toContain(`${p}-one`);
		// The filter the person typed is kept across the switch.
		expect(screen).toContain(`filter: ${p}`);

		// The old Engine's watchers are gone: a container made there now never shows up here. The
		// marker is one made on the new Engine just after it: once that one shows, the old one's event
		// would have been read too.
		await createTestContainer(`${p}-late`);
		const marker = await second.createContainer({
			name: `${p}-marker`, Image: testImage, Cmd: idleCommand, Labels: {[testLabel]: `${p}-marker`}, StopTimeout: 2, HostConfig: {NetworkMode: 'none'},
		});
		await marker.start();
		screen = await term.waitFor(`${p}-marker`);
		expect(screen).not.toContain(`${p}-late`);
		expect(screen).not.toContain(`${p}-one`);

		// Keys act on the new Engine.
		await term.select(`${p}-two`);
		term.press('s');
		await eventually(async () => (await secondState(`${p}-two`)) === 'exited', `${p}-two to stop on the second Engine`);
		expect(await stateOf(`${p}-one`)).toBe('running');

		// An Engine that does not answer: the status line says so, and : still switches back.
		await switchTo(term, 'gone');
		screen = await term.waitFor('disconnected, retrying');
		expect(screen).toContain('/nonexistent/docker.sock does not exist');
		expect(screen).not.toContain(`${p}-two`);
		// Issue 12: the refused switch is in the error history (!) too.
		term.press('!');
		screen = await term.waitFor('Errors (');
		expect(screen).toMatch(/\d\d:\d\d:\d\d {2}disconnected: .*\/nonexistent\/docker\.sock does not exist/);
		term.press('Escape');
		await term.waitFor(s => !s.includes('Errors ('));

		await switchTo(term, engineSocket);
		screen = await term.waitFor(s => s.includes(`${p}-one`) && s.includes(`${p}-late`));
		expect(screen).toContain(engineHost);
		expect(screen).not.toContain('disconnected');
		expect(screen).not.toContain('nonexistent');
		expect(term.exitCode()).toBeUndefined();
	});

	it('on the Images pane, a switch loads the new Engine\'s images there and then', async () => {
		await second.getImage(testImage).tag({repo: `${p}-img`, tag: 'only-on-second'});
		const term = pool.open({env: makeHome(), args: ['--host', engineHost], columns: 200});
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/);
		term.press('2');
		await term.waitFor('tsdtop-test/busybox');
		expect(term.screen()).not.toContain(`${p}-img`);
		await switchTo(term, 'second');
		const screen = await term.waitFor(`${p}-img`);
		expect(screen).toContain('only-on-second');
		expect(screen).toContain(`${secondHost} (context second)`);
	});

	it('--read-only still holds after a switch', async () => {
		await second.getContainer(`${p}-two`).start().catch(() => undefined);
		await eventually(async () => (await secondState(`${p}-two`)) === 'running', `${p}-two to run again`);
		const term = pool.open({env: makeHome(), args: ['--host', engineHost, '--read-only'], columns: 200});
		await term.filterTo(p);
		await term.waitFor(`${p}-one`);
		await switchTo(term, 'second');
		const screen = await term.waitFor(`${p}-two`);
		expect(screen).toContain('READ-ONLY');
		term.press('s');
		await term.waitFor('read-only: tsdtop was started with --read-only');
		expect(await secondState(`${p}-two`)).toBe('running');
	});
});
