import {EventEmitter} from 'node:events';
import {Duplex, PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {oneOffCommand, runOneOff, stopOneOff} from '../../../source/actions/one-off.js';
import {backHint, banner, openShell, outcome, shellTerm} from '../../../source/actions/shell.js';
import type {HandOff, LentTerminal} from '../../../source/contexts/app-context.js';
import type {Engine, ExecOptions, ExecSession, ExecTarget, PathStat} from '../../../source/docker/engine.js';
import {createStore} from '../../../source/store/create-store.js';
import {type AppState, initialState, type Status, type Target} from '../../../source/store/state.js';

const target: Target = {id: 'c1', name: 'web', state: 'running'};
const file: PathStat = {mode: 0o755, linkTarget: ''};

type FakeOptions = {
	files?: Record<string, PathStat>;
	state?: ExecTarget['state'] | 'gone';
	exitCode?: number;
	session?: () => ExecSession;
	execError?: Error;
};

function fakeEngine(options: FakeOptions = {}) {
	const execs: ExecOptions[] = [];
	let state = options.state ?? 'running';
	const engine = {
		host: 'unix:///test.sock',
		async execTarget() {
			if (state === 'gone') {
				throw Object.assign(new Error('no such container'), {statusCode: 404});
			}

			return {name: 'web', state, user: '', path: ['/bin']};
		},
		async statPath(_id: string, path: string) {
			return (options.files ?? {'/bin/sh': file})[path];
		},
		async readFile() {
			return Buffer.from('root:x:0:0:root:/root:/bin/sh\n');
		},
		async exec(_id: string, execOptions: ExecOptions) {
			execs.push(execOptions);
			if (options.execError) {
				throw options.execError;
			}

			return options.session?.() ?? session(new PassThrough(), options.exitCode ?? 0);
		},
	} as unknown as Engine;
	return {engine, execs, setState(next: typeof state) {
		state = next;
	}};
}

function session(stream: Duplex, code: number | undefined): ExecSession & {sizes: string[]} {
	const sizes: string[] = [];
	return {
		stream, sizes,
		async resize(columns, rows) {
			sizes.push(`${columns}x${rows}`);
		},
		async exitCode() {
			return code;
		},
	};
}

const newStore = () => createStore(initialState({host: 'x', columns: 100, rows: 30}));

/** A handOff that runs the task on fake terminal streams, as run.tsx does on the real ones. */
function fakeHandOff(onTask?: (terminal: LentTerminal) => void) {
	const calls: string[] = [];
	const stdin = Object.assign(new EventEmitter(), {isTTY: true, setRawMode() {}, resume() {}, pause() {}, ref() {}});
	const output: string[] = [];
	const stdout = Object.assign(new EventEmitter(), {columns: 100, rows: 30, write(data: string | Buffer) {
		output.push(data.toString());
		return true;
	}});
	const controller = new AbortController();
	const handOff: HandOff = async task => {
		calls.push('away');
		const terminal = {stdin, stdout, signal: controller.signal} as unknown as LentTerminal;
		onTask?.(terminal);
		await task(terminal);
		calls.push('back');
	};

	return {handOff, calls, output, controller};
}

describe('shellTerm', () => {
	it('is xterm-256color for a colourful terminal, else xterm (every image knows xterm)', () => {
		expect(shellTerm({TERM: 'xterm-256color'})).toBe('xterm-256color');
		expect(shellTerm({TERM: 'tmux-256color'})).toBe('xterm-256color');
		expect(shellTerm({TERM: 'xterm-kitty', COLORTERM: 'truecolor'})).toBe('xterm-256color');
		expect(shellTerm({TERM: 'vt100'})).toBe('xterm');
		expect(shellTerm({})).toBe('xterm');
	});
});

describe('banner', () => {
	it('names the shell, the container, the user and the way back, on its own line', () => {
		const text = banner(target, {command: ['/bin/bash', '-l'], source: 'login', user: 'app'});
		expect(text).toMatch(/^\r\n/);
		expect(text).toMatch(/\r\n$/);
		expect(text).toContain(`/bin/bash -l in web as app; ${backHint}`);
	});

	it('carries the note when the preferred shell was missing', () => {
		expect(banner(target, {command: ['/bin/sh'], source: 'fallback', user: 'root', note: 'no zsh in web, using /bin/sh'})).toContain('no zsh in web, using /bin/sh;');
	});
});

describe('outcome', () => {
	const choice = {command: ['/bin/zsh'], source: 'preferred' as const, user: 'root'};
	const says = async (options: FakeOptions, code: number | undefined, result: {error?: Error; tail?: string} = {}) => {
		const {engine} = fakeEngine(options);
		return outcome(engine, target, choice, session(new PassThrough(), code), {...(result.error ? {error: result.error} : {}), tail: Buffer.from(result.tail ?? '')});
	};

	it('says the shell was left, with a non-zero exit code when there is one', async () => {
		expect(await says({}, 0)).toEqual({kind: 'info', text: 'left the shell in web'});
		expect(await says({}, 130)).toEqual({kind: 'info', text: 'left the shell in web (exit code 130)'});
	});

	it('says the container stopped, was paused or was removed', async () => {
		expect((await says({state: 'exited'}, 137)).text).toBe('web stopped; the shell in it ended');
		expect((await says({state: 'paused'}, undefined)).text).toBe('web was paused; the shell in it ended');
		expect((await says({state: 'gone'}, undefined)).text).toBe('web was removed; the shell in it ended');
	});

	it('waits a moment for a container being stopped, whose shell was killed before it was marked stopped', async () => {
		const fake = fakeEngine({});
		setTimeout(() => {
			fake.setState('exited');
		}, 150);
		const status = await outcome(fake.engine, target, choice, session(new PassThrough(), 137), {tail: Buffer.alloc(0)});
		expect(status.text).toBe('web stopped; the shell in it ended');
	});

	it('a shell killed in a container that keeps running is left with its exit code', async () => {
		expect(await says({}, 137)).toEqual({kind: 'info', text: 'left the shell in web (exit code 137)'});
	});

	it('explains a shell that could not start, in the runtime\'s words', async () => {
		const tail = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/zsh": stat /bin/zsh: no such file or directory: unknown\r\n';
		const status = await says({}, 126, {tail});
		expect(status.kind).toBe('error');
		expect(status.text).toMatch(/^could not start \/bin\/zsh in web: OCI runtime exec failed/);
	});

	it('says when the connection broke', async () => {
		const error = Object.assign(new Error('read ECONNRESET'), {code: 'ECONNRESET'});
		expect(await says({}, undefined, {error})).toEqual({kind: 'error', text: 'the shell in web ended: lost the connection to the Docker Engine at unix:///test.sock'});
	});
});

describe('openShell', () => {
	it('says how to come back while the shell starts, lends the terminal, then says how it ended', async () => {
		const store = newStore();
		const stream = new PassThrough();
		const shell = session(stream, 0);
		const {engine, execs} = fakeEngine({session: () => shell});
		const statuses: Array<Status | undefined> = [];
		store.subscribe(() => statuses.push(store.getState().ui.status));
		const lend = fakeHandOff(() => {
			// The container's shell prints a prompt and exits, as after "exit".
			setImmediate(() => {
				stream.end('/ # ');
			});
		});
		await openShell({store, engine, handOff: lend.handOff}, target);
		expect(statuses[0]).toEqual({kind: 'progress', text: `opening a shell in web... (${backHint})`});
		expect(lend.calls).toEqual(['away', 'back']);
		expect(execs).toEqual([{cmd: ['/bin/sh'], tty: true, env: [expect.stringMatching(/^TERM=xterm/)], columns: 100, rows: 30}]);
		expect(lend.output.join('')).toContain('/bin/sh in web as root');
		expect(lend.output.join('')).toContain('/ # ');
		expect(shell.sizes).toEqual(['100x30']);
		expect(store.getState().ui.status).toEqual({kind: 'info', text: 'left the shell in web'});
	});

	it('a container with no shell is a message, and the terminal is never lent', async () => {
		const store = newStore();
		const {engine, execs} = fakeEngine({files: {}});
		const lend = fakeHandOff();
		await openShell({store, engine, handOff: lend.handOff}, target);
		expect(lend.calls).toEqual([]);
		expect(execs).toEqual([]);
		expect(store.getState().ui.status).toEqual({kind: 'error', text: 'web has no shell: none of /bin/sh, /bin/bash is there (--shell or the config can name one)'});
	});

	it('an exec the Engine refuses is a message, and the terminal is never lent', async () => {
		const store = newStore();
		const {engine} = fakeEngine({execError: Object.assign(new Error('(HTTP code 409) container stopped/paused - Container c1 is paused, unpause the container before exec '), {statusCode: 409})});
		const lend = fakeHandOff();
		await openShell({store, engine, handOff: lend.handOff}, target);
		expect(lend.calls).toEqual([]);
		expect(store.getState().ui.status).toEqual({kind: 'error', text: 'cannot open a shell in web: Container c1 is paused, unpause the container before exec'});
	});

	it('without a terminal to lend, says so', async () => {
		const store = newStore();
		await openShell({store, engine: fakeEngine().engine}, target);
		expect(store.getState().ui.status?.kind).toBe('error');
	});

	it('says nothing more when tsdtop is quitting', async () => {
		const store = newStore();
		const lend = fakeHandOff(() => {
			lend.controller.abort();
		});
		await openShell({store, engine: fakeEngine().engine, handOff: lend.handOff}, target);
		expect(store.getState().ui.status?.kind).toBe('progress');
	});
});

/** One multiplexed frame, as the Engine sends output without a TTY. */
function frame(type: 1 | 2, text: string): Buffer {
	const header = Buffer.alloc(8);
	header[0] = type;
	header.writeUInt32BE(Buffer.byteLength(text), 4);
	return Buffer.concat([header, Buffer.from(text)]);
}

const outputOf = (state: AppState) => (state.ui.overlay?.kind === 'output' ? state.ui.overlay.output : undefined);

describe('runOneOff', () => {
	it('runs the line through the container\'s shell and shows stdout, stderr and the exit code', async () => {
		const store = newStore();
		const stream = new PassThrough();
		const {engine, execs} = fakeEngine({session: () => session(stream, 3)});
		const running = runOneOff({store, engine}, target, 'echo out; echo err >&2; exit 3');
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		expect(outputOf(store.getState())).toMatchObject({command: 'echo out; echo err >&2; exit 3', running: true});
		stream.end(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'no newline')]));
		await running;
		expect(execs).toEqual([{cmd: ['/bin/sh', '-c', 'echo out; echo err >&2; exit 3'], tty: false}]);
		expect(outputOf(store.getState())).toMatchObject({
			running: false, exitCode: 3,
			lines: [{text: 'out'}, {text: 'err', stderr: true}, {text: 'no newline'}],
		});
	});

	it('splits the words itself in a container with no shell', async () => {
		const {engine} = fakeEngine({files: {}});
		expect(await oneOffCommand(engine, 'c1', '/app/server --check "a b"')).toEqual(['/app/server', '--check', 'a b']);
	});

	it('shows why the command could not run', async () => {
		const store = newStore();
		const {engine} = fakeEngine({execError: Object.assign(new Error('(HTTP code 409) unexpected - Container c1 is not running '), {statusCode: 409})});
		await runOneOff({store, engine}, target, 'ls');
		expect(outputOf(store.getState())).toMatchObject({running: false, error: 'Container c1 is not running'});
	});

	it('stops reading when the pane closes, and later output goes nowhere', async () => {
		const store = newStore();
		const stream = new PassThrough();
		const {engine} = fakeEngine({session: () => session(stream, undefined)});
		const running = runOneOff({store, engine}, target, 'tail -f /dev/null');
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(stopOneOff()).toBe(true);
		store.dispatch({type: 'overlay/close'});
		await running;
		expect(stream.destroyed).toBe(true);
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(stopOneOff()).toBe(false);
	});
});

describe('openShell when the terminal cannot be lent', () => {
	it('closes the started shell\'s connection and says why', async () => {
		const store = newStore();
		const stream = new PassThrough();
		const {engine} = fakeEngine({session: () => session(stream, undefined)});
		const handOff: HandOff = async () => {
			throw new Error('tsdtop is quitting');
		};

		await openShell({store, engine, handOff}, target);
		expect(stream.destroyed).toBe(true);
		expect(store.getState().ui.status).toEqual({kind: 'error', text: 'the shell in web failed: tsdtop is quitting'});
	});
});
