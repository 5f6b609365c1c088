import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {testImage} from '../helpers/engine-paths.js';
import {eventually, idleCommand, testLabel, uniquePrefix} from '../helpers/test-containers.js';
import {binary, type Terminal, terminalPool} from '../helpers/tmux.js';

// Issue 6: Podman's Docker-compatible API serves tsdtop; what Podman lacks is hidden or said calmly,
// never a crash. A real `podman system service` (test/engine/podman.sh), no mocks.
const p = uniquePrefix('podman');
const name = (suffix: string) => `${p}-${suffix}`;
const pool = terminalPool();
let socket = '';
let podman: Docker;
// Anything like "    at foo (file.js:12:3)" or an uncaught error means a crash reached the screen.
const stackTrace = /\bat .*\.js:\d+|TypeError|ReferenceError|Unhandled/;

beforeAll(async () => {
	let host: string;
	try {
		host = execFileSync('bash', ['test/engine/podman.sh', 'start'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 110_000}).trim();
	} catch {
		throw new Error('the private Podman service did not start; see the lines above, or run: bash test/engine/podman.sh start');
	}

	socket = host.replace(/^unix:\/\//, '');
	podman = new Docker({socketPath: socket});
	const create = async (suffix: string, start: boolean, cmd = idleCommand) => {
		const container = await podman.createContainer({
			name: name(suffix),
			Image: testImage,
			Cmd: [...cmd],
			Labels: {[testLabel]: name(suffix)},
			StopTimeout: 2,
			HostConfig: {NetworkMode: 'none'},
		});
		if (start) {
			await container.start();
		}
	};

	await Promise.all([
		create('web', true, ['sh', '-c', 'trap "exit 0" TERM; while :; do echo podman-says-hello; sleep 1; done']),
		create('idle', false),
		podman.createVolume({Name: name('vol'), Labels: {[testLabel]: name('vol')}}),
	]);
});

afterAll(async () => {
	pool.closeAll();
	if (!podman) {
		return;
	}

	const list = await podman.listContainers({all: true, filters: {label: [testLabel]}});
	await Promise.all(list.filter(c => c.Names.some(n => n.replace(/^\//, '').startsWith(p)))
		.map(async c => podman.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
	await podman.getVolume(name('vol')).remove().catch(() => undefined);
	await podman.getNetwork(name('net')).remove().catch(() => undefined);
});

const stateOf = async (suffix: string) => (await podman.getContainer(name(suffix)).inspect()).State.Status;

/** Esc, and the screen it leads back to drawn before the next key. */
async function back(term: Terminal, check: string | RegExp | ((screen: string) => boolean)): Promise<void> {
	await term.escape(check);
}

describe('tsdtop against Podman\'s Docker API', () => {
	it('--host: the Containers pane lists the containers with their state, and s stops and starts one', async () => {
		const term = pool.open({args: ['--host', `unix://${socket}`, '--all'], columns: 200});
		await term.filterTo(p);
		let screen = await term.waitFor(s => s.includes(name('web')) && s.includes(name('idle')));
		expect(screen).toMatch(new RegExp(`${name('web')}\\s+running`));
		expect(screen).toMatch(new RegExp(`${name('idle')}\\s+created`));
		// The header names Podman and its version, not "Engine 4.3.1" as if it were an old Docker.
		// Podman's /version takes seconds: the list is drawn first, the version follows.
		await term.waitFor(/, Podman \d+\.\d+/, 20_000);

		await term.select(name('web'));
		term.press('s');
		await eventually(async () => (await stateOf('web')) === 'exited', 'web stopped on Podman');
		screen = await term.waitFor(new RegExp(`${name('web')}\\s+exited`));
		term.press('s');
		await eventually(async () => (await stateOf('web')) === 'running', 'web running again on Podman');
		screen = await term.waitFor(new RegExp(`${name('web')}\\s+running`));
		expect(screen).not.toMatch(stackTrace);
	});

	it('--host: logs, inspect, top and stats of a Podman container show without a crash', async () => {
		const term = pool.open({args: ['--host', `unix://${socket}`], columns: 200});
		await term.filterTo(p);
		await term.waitFor(name('web'));
		await term.select(name('web'));

		term.press('l');
		await term.waitFor('podman-says-hello');
		await back(term, s => !s.includes('podman-says-hello'));

		term.press('i');
		let screen = await term.waitFor('Full document');
		expect(screen).toContain(name('web'));
		expect(screen).toContain('container=podman');
		await back(term, s => !s.includes('Full document'));

		term.press('t');
		screen = await term.waitFor(/PID\s+USER\s+COMMAND/);
		expect(screen).toContain('podman-says-hello');
		await back(term, s => !s.includes('Top (every'));

		// Podman streams a sample every 5 s, not every second: the view says so once it has two.
		term.press('S');
		screen = await term.waitFor(/2 samples, one every \d+ s/, 15_000);
		expect(screen).toMatch(/Memory\s+\S+/);
		expect(screen).not.toMatch(stackTrace);
	});

	it('--host: the Images, Networks and Volumes panes work, disk figures included', async () => {
		const term = pool.open({args: ['--host', `unix://${socket}`], columns: 200});
		await term.waitFor(/\d+ running/);
		term.press('2');
		// Podman answers system df with LayersSize 0: the images' own sizes stand in, never "0B".
		let screen = await term.waitFor(s => s.includes('tsdtop-test/busybox:latest') && /disk: images \S+/.test(s));
		expect(screen).not.toMatch(/disk: images 0B/);
		term.press('3');
		screen = await term.waitFor(/NAME \^\s+DRIVER/);
		// Podman sends no network events: a network made elsewhere still shows up (the pane's backstop).
		await podman.createNetwork({Name: name('net'), Labels: {[testLabel]: name('net')}});
		await term.waitFor(name('net'), 20_000);
		term.press('4');
		screen = await term.waitFor(name('vol'));
		for (const key of ['2', '3', '4']) {
			term.press(key);
			term.press('i');
			// eslint-disable-next-line no-await-in-loop
			screen = await term.waitFor(/Esc closes/);
			expect(screen).not.toMatch(stackTrace);
			// eslint-disable-next-line no-await-in-loop
			await back(term, s => !s.includes('Esc closes'));
		}
	});

	it('without any Docker socket, falls back to $XDG_RUNTIME_DIR/podman/podman.sock', async () => {
		// The fallback applies only when /var/run/docker.sock does not exist. Rather than delete a
		// machine's socket, or add an override to tsdtop for tests only, tsdtop runs in a mount
		// namespace of its own where /run (and so /var/run) is an empty tmpfs.
		const runDir = execFileSync('readlink', ['-f', '/var/run'], {encoding: 'utf8'}).trim();
		const xdg = path.dirname(path.dirname(socket));
		const emptyDockerConfig = mkdtempSync(path.join(tmpdir(), 'tsdtop-no-context-'));
		const term = pool.open({
			columns: 200,
			env: {DOCKER_HOST: '', DOCKER_CONTEXT: '', DOCKER_CONFIG: emptyDockerConfig, XDG_RUNTIME_DIR: xdg},
			command: `unshare --mount --propagation private sh -c 'mount -t tmpfs tsdtop-no-docker ${runDir} && exec node ${binary} --all'`,
		});
		await term.filterTo(p);
		const screen = await term.waitFor(s => s.includes(name('web')) && s.includes(name('idle')));
		expect(screen).toContain(`unix://${socket} (Podman)`);
		expect(screen).toMatch(new RegExp(`${name('web')}\\s+running`));
		term.press('q');
		await term.waitFor(() => term.exitCode() !== undefined);
		expect(term.exitCode()).toBe(0);
	});
});
