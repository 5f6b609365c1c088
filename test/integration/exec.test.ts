import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {oneOffCommand, runOneOff} from '../../source/actions/one-off.js';
import {resolveConnection} from '../../source/docker/connection.js';
import {Demuxer} from '../../source/docker/demux.js';
import {createEngine, type ExecSession} from '../../source/docker/engine.js';
import {chooseShell, NoShellError} from '../../source/docker/shell.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {engineHost} from '../helpers/engine-paths.js';
import {createTestContainer, eventually, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';

// Exec through the Engine API alone, against the real private Engine: no docker CLI, no mocks.
const p = uniquePrefix('exec');
const engine = createEngine(resolveConnection(engineHost, {}));
let box: string;
let noShell: string;

// A container whose shell is gone: busybox itself stays, as the one program left, sleeping.
const noShellCommand = ['/bin/busybox', 'sh', '-c', 'rm -f /bin/sh /bin/ash /bin/bash; exec /bin/busybox sleep 100000'];

beforeAll(async () => {
	box = (await createTestContainer(`${p}-box`)).id;
	noShell = (await createTestContainer(`${p}-noshell`, {cmd: noShellCommand})).id;
	// The no-shell container has removed its shells once sleep is PID 1.
	await eventually(async () => (await engine.statPath(noShell, '/bin/sh')) === undefined, 'the no-shell container to drop /bin/sh');
});

afterAll(async () => {
	await removeTestContainers(p);
});

async function readAll(session: ExecSession): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of session.stream as AsyncIterable<Buffer>) {
		chunks.push(chunk);
	}

	return Buffer.concat(chunks).toString('utf8');
}

describe('the Engine layer for exec', () => {
	it('knows a container\'s state, user and PATH', async () => {
		expect(await engine.execTarget(box)).toEqual({name: `${p}-box`, state: 'running', user: '', path: ['/bin']});
	});

	it('stats paths in the container: files, symlinks, directories, nothing', async () => {
		expect(await engine.statPath(box, '/bin/busybox')).toMatchObject({linkTarget: ''});
		expect((await engine.statPath(box, '/bin/busybox'))!.mode & 0o111).not.toBe(0);
		expect(await engine.statPath(box, '/bin/sh')).toMatchObject({linkTarget: '/bin/busybox'});
		expect(await engine.statPath(box, '/nonexistent/file')).toBeUndefined();
	});

	it('reads a file, follows a symlink to one, and says when there is none', async () => {
		expect((await engine.readFile(box, '/etc/passwd', 1 << 20))?.toString()).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
		expect((await engine.readFile(box, '/etc/passwd', 4))?.toString()).toBe('root');
		const session = await engine.exec(box, {cmd: ['sh', '-c', 'mkdir -p /usr/lib && cp /etc/passwd /usr/lib/passwd && ln -s ../usr/lib/passwd /etc/linked'], tty: false});
		await readAll(session);
		expect((await engine.readFile(box, '/etc/linked', 1 << 20))?.toString()).toMatch(/^root:/);
		expect(await engine.readFile(box, '/nonexistent', 1 << 20)).toBeUndefined();
		expect(await engine.readFile(box, '/etc', 1 << 20)).toBeUndefined();
	});

	it('runs a command with a TTY: input in, output out, the size set, the exit code after', async () => {
		const session = await engine.exec(box, {cmd: ['/bin/sh'], tty: true, env: ['TERM=xterm-256color']});
		await session.resize(91, 27);
		const output = readAll(session);
		session.stream.write('stty size; echo "$TERM"; exit 7\n');
		const text = await output;
		expect(text).toContain('27 91');
		expect(text).toContain('xterm-256color');
		await eventually(async () => (await session.exitCode()) === 7, 'exit code 7');
	});

	it('runs a command without a TTY, stdout and stderr multiplexed', async () => {
		const session = await engine.exec(box, {cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3'], tty: false});
		const chunks: Buffer[] = [];
		for await (const chunk of session.stream as AsyncIterable<Buffer>) {
			chunks.push(chunk);
		}

		const frames = new Demuxer().push(Buffer.concat(chunks)).map(f => `${f.stream}:${Buffer.from(f.data).toString()}`);
		expect(frames.sort()).toEqual(['stderr:err\n', 'stdout:out\n']);
		await eventually(async () => (await session.exitCode()) === 3, 'exit code 3');
	});
});

describe('choosing the shell in a real container', () => {
	it('opens root\'s login shell from /etc/passwd', async () => {
		expect(await chooseShell(engine, box)).toEqual({command: ['/bin/sh'], source: 'login', user: 'root'});
	});

	it('a user whose login shell is /bin/false gets /bin/sh', async () => {
		const nobody = await createTestContainer(`${p}-nobody`, {user: 'nobody'});
		expect(await chooseShell(engine, nobody.id)).toEqual({command: ['/bin/sh'], source: 'fallback', user: 'nobody'});
	});

	it('takes --shell when the container has it, and says so when it has not', async () => {
		expect(await chooseShell(engine, box, 'ash -i')).toEqual({command: ['/bin/ash', '-i'], source: 'preferred', user: 'root'});
		expect(await chooseShell(engine, box, 'zsh')).toMatchObject({command: ['/bin/sh'], note: `no zsh in ${p}-box, using /bin/sh`});
	});

	it('a container with no shell at all gets a clear message', async () => {
		const error = await chooseShell(engine, noShell).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(NoShellError);
		expect((error as Error).message).toBe(`${p}-noshell has no shell: none of /bin/sh, /bin/bash is there (--shell or the config can name one)`);
	});

	it('E in a container with no shell runs the words directly', async () => {
		expect(await oneOffCommand(engine, noShell, '/bin/busybox echo "a  b"')).toEqual(['/bin/busybox', 'echo', 'a  b']);
		const store = createStore(initialState({host: engine.host}));
		await runOneOff({store, engine}, {id: noShell, name: `${p}-noshell`, state: 'running'}, '/bin/busybox echo "a  b"');
		const {overlay} = store.getState().ui;
		expect(overlay?.kind === 'output' && overlay.output).toMatchObject({running: false, exitCode: 0, lines: [{text: 'a  b'}]});
	});
});
