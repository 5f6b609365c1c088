import {PassThrough} from 'node:stream';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import type {HandOff} from '../../source/contexts/app-context.js';
import type {Engine, ExecOptions} from '../../source/docker/engine.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {bindingsFor, defaultKeymap, displayKey, installKeymap, paneScopes} from '../../source/keys/keymap.js';
import {remapKeymap} from '../../source/keys/remap.js';
import {createStore, type Store} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import type {ContainerVerb} from '../../source/core/types.js';
import {makeContainer} from '../unit/fixtures.js';
import {plain, tick} from '../helpers/ink-app.js';

// Components render the store; these tests drive keys through Ink's stdin and read the frame.
// The engine here only records what it is asked: the real Engine is exercised in test/integration and test/e2e.
type Call = {id: string; verb: ContainerVerb; force?: boolean};

/** One multiplexed frame, as the Engine sends a command's output without a TTY. */
function frame(type: 1 | 2, text: string): Buffer {
	const header = Buffer.alloc(8);
	header[0] = type;
	header.writeUInt32BE(Buffer.byteLength(text), 4);
	return Buffer.concat([header, Buffer.from(text)]);
}

function setup(options: {count?: number; color?: boolean; handOff?: HandOff; states?: Record<number, 'running' | 'exited' | 'paused'>; confirm?: {kill?: boolean; remove?: boolean}} = {}) {
	const calls: Call[] = [];
	const execs: ExecOptions[] = [];
	const engine: Engine = stubEngine({
		async act(id, verb, opts) {
			calls.push({id, verb, force: opts?.force});
		},
		async execTarget(id) {
			return {name: id, state: 'running', user: '', path: ['/bin']};
		},
		async statPath(_id, path) {
			return path === '/bin/sh' ? {mode: 0o755, linkTarget: ''} : undefined;
		},
		async readFile() {
			return undefined;
		},
		async exec(_id, execOptions) {
			execs.push(execOptions);
			const stream = new PassThrough();
			// A one-off command prints and ends; a shell ends at once, as after "exit".
			setImmediate(() => {
				stream.end(execOptions.tty ? '/ # exit\r\n' : Buffer.concat([frame(1, 'hello from the container\n'), frame(2, 'a warning\n')]));
			});
			return {stream, resize: async () => undefined, exitCode: async () => (execOptions.tty ? 0 : 4)};
		},
	});
	const store: Store = createStore(initialState({host: engine.host, ...(options.confirm ? {confirm: options.confirm} : {})}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	const count = options.count ?? 3;
	store.dispatch({
		type: 'containers/loaded',
		containers: Array.from({length: count}, (_, i) => makeContainer({id: `id${String(i).padStart(5, '0')}`, name: `web-${i + 1}`, state: options.states?.[i] ?? 'running'})),
	});
	const app = render(<App services={{store, engine, theme: {color: options.color ?? true}, ...(options.handOff ? {handOff: options.handOff} : {})}}/>);
	return {app, store, calls, execs};
}

/** The frame as the person reads it, without colour codes. */

/** Every page of the help overlay, paging down with Space until the view stops changing (j scrolls a row). */
async function helpPages(app: ReturnType<typeof render>): Promise<string> {
	const pages = [plain(app)];
	for (let i = 0; i < 10; i++) {
		app.stdin.write(' ');
		// eslint-disable-next-line no-await-in-loop
		await tick();
		const page = plain(app);
		if (page === pages.at(-1)) {
			break;
		}

		pages.push(page);
	}

	return pages.join('\n');
}

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

describe('<App>', () => {
	it('shows the header, the counts and the containers, first row selected', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		const frame = plain(app);
		expect(frame).toContain('3 running, 0 stopped, 3 total');
		expect(frame).toContain('Engine 27.0.0');
		expect(frame).toMatch(/web-1\s+running\s+up 3m/);
		expect(store.getState().ui.selectedId).toBe('id00000');
	});

	it('moves with j and k and keeps every key typed back to back', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('j');
		app.stdin.write('j');
		app.stdin.write('k');
		await tick();
		expect(store.getState().ui.selectedId).toBe('id00001');
	});

	it('filters as the person types, with no key lost however fast', async () => {
		const {app, store} = setup({count: 12});
		cleanup = app.unmount;
		await tick();
		app.stdin.write('/');
		for (const char of 'web-11') {
			app.stdin.write(char);
		}

		await tick();
		expect(store.getState().ui.filter.text).toBe('web-11');
		const frame = plain(app);
		expect(frame).toContain('web-11');
		expect(frame).not.toContain('web-12');
		app.stdin.write('\u001B');
		await tick(80);
		expect(store.getState().ui.filter).toEqual({open: false, text: '', cursor: 0});
	});

	// Esc typed just before another key arrives in one read, as Alt+key: the Esc must not be lost.
	it('Esc then / in one read clears the filter and opens a new one', async () => {
		const {app, store} = setup({count: 12});
		cleanup = app.unmount;
		await tick();
		app.stdin.write('/web-11\r');
		await tick();
		expect(store.getState().ui.filter).toMatchObject({open: false, text: 'web-11'});
		app.stdin.write('\u001B/');
		await tick();
		expect(store.getState().ui.filter).toMatchObject({open: true, text: ''});
		expect(plain(app)).toContain('web-12');
	});

	it('Esc then j in one read closes the help overlay and moves the selection', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('?');
		await tick();
		expect(plain(app)).toContain('Keys');
		app.stdin.write('\u001Bj');
		await tick();
		expect(plain(app)).not.toContain('Keys  (');
		expect(store.getState().ui.selectedId).toBe('id00001');
	});

	it('K asks first, names the container, and n leaves it alone', async () => {
		const {app, calls} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('K');
		await tick();
		expect(plain(app)).toContain('Kill 1 container?');
		expect(plain(app)).toContain('web-1  (running, id00000)');
		app.stdin.write('n');
		await tick();
		expect(plain(app)).not.toContain('Kill 1 container?');
		expect(calls).toEqual([]);
	});

	it('names the keys of the keymap in use in a confirmation: confirm.yes remapped to o shows [o] and o confirms', async () => {
		const remapped = remapKeymap(defaultKeymap, {'confirm.yes': ['o'], 'container.kill': ['X']});
		if (!('table' in remapped)) {
			throw new Error('remap refused');
		}

		installKeymap(remapped.table);
		try {
			const {app, calls} = setup();
			cleanup = app.unmount;
			await tick();
			app.stdin.write('X');
			await tick();
			expect(plain(app)).toContain('Kill 1 container?');
			expect(plain(app)).toContain('[o] kill');
			expect(plain(app)).not.toContain('[y]');
			app.stdin.write('y');
			await tick();
			expect(calls).toEqual([]);
			app.stdin.write('o');
			await tick();
			expect(calls).toEqual([{id: 'id00000', verb: 'kill', force: false}]);
		} finally {
			installKeymap(defaultKeymap);
		}
	});

	it('with "confirm": {"kill": false, "remove": false} K kills and D removes a stopped one at once, but a running one still asks', async () => {
		const {app, calls} = setup({confirm: {kill: false, remove: false}, states: {1: 'exited'}, count: 2});
		cleanup = app.unmount;
		await tick();
		// a: the stopped one is listed too, after the running one.
		app.stdin.write('a');
		app.stdin.write('D');
		await tick();
		expect(plain(app)).toContain('Remove 1 container?');
		app.stdin.write('n');
		app.stdin.write('K');
		await tick();
		expect(plain(app)).not.toContain('Kill 1 container?');
		expect(calls).toEqual([{id: 'id00000', verb: 'kill', force: false}]);
		// Once the kill has returned, the row says so (issue 12), whatever the list says.
		expect(plain(app)).toMatch(/web-1\s+exited/);
		app.stdin.write('j');
		await tick();
		app.stdin.write('D');
		await tick();
		expect(plain(app)).not.toContain('Remove 1 container?');
		expect(calls.at(-1)).toEqual({id: 'id00001', verb: 'remove', force: false});
	});

	it('Space marks rows and D removes exactly the marked ones after f', async () => {
		const {app, calls} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write(' ');
		app.stdin.write(' ');
		await tick();
		expect(plain(app)).toMatch(/\* web-1/);
		expect(plain(app)).toMatch(/\* web-2/);
		app.stdin.write('D');
		await tick();
		const frame = plain(app);
		expect(frame).toContain('Remove 2 containers?');
		expect(frame).toContain('[f] force');
		app.stdin.write('f');
		await tick();
		expect(calls).toEqual([
			{id: 'id00000', verb: 'remove', force: true},
			{id: 'id00001', verb: 'remove', force: true},
		]);
	});

	it('? lists every key of the pane, from the keymap', async () => {
		const {app} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('?');
		await tick();
		const frame = await helpPages(app);
		for (const binding of bindingsFor(paneScopes('containers'))) {
			expect(frame).toContain(`${binding.keys.map(k => displayKey(k)).join(' ')} `);
			// Whole, not cut: the overlay scrolls rather than truncate.
			expect(frame).toContain(binding.description);
		}
	});

	it('renders only the rows on screen out of 10,000', async () => {
		const {app, store} = setup({count: 10_000});
		cleanup = app.unmount;
		await tick();
		const lines = plain(app).split('\n');
		// Never taller than the terminal less one line (Ink clears the whole screen at full height).
		expect(lines.length).toBeLessThanOrEqual(store.getState().ui.viewport.rows - 1);
		expect(lines.filter(line => /web-\d+/.test(line))).toHaveLength(19);
		app.stdin.write('G');
		await tick();
		expect(plain(app)).toContain('web-10000');
		expect(store.getState().ui.scrollTop).toBe(10_000 - 19);
	});

	it('draws the last known rows dim and colourless while the Engine is out of reach', async () => {
		const {app, store} = setup();
		cleanup = app.unmount;
		await tick();
		// eslint-disable-next-line no-control-regex
		const green = /\u001B\[32m/;
		expect(app.lastFrame()).toMatch(green);
		store.dispatch({type: 'engine/disconnected', error: 'lost the connection', retryAt: Date.now() + 1000});
		await tick();
		const frame = app.lastFrame()!;
		expect(frame).not.toMatch(green);
		// eslint-disable-next-line no-control-regex
		expect(frame).toMatch(/\u001B\[2m {2}web-2/);
		expect(plain(app)).toContain('disconnected, retrying');
	});

	it('draws no colour under NO_COLOR, but still marks the selection', async () => {
		// eslint-disable-next-line no-control-regex
		const colour = /\u001B\[(?:3[0-7]|9[0-7]|38;5;\d+)m/;
		const coloured = setup({color: true});
		await tick();
		expect(coloured.app.lastFrame()).toMatch(colour);
		coloured.app.unmount();
		const {app} = setup({color: false});
		cleanup = app.unmount;
		await tick();
		const frame = app.lastFrame()!;
		expect(frame).not.toMatch(colour);
		// eslint-disable-next-line no-control-regex
		expect(frame).toMatch(/\u001B\[7m\s+web-1/);
	});

	it('e opens a shell in the selected container through the handOff, and the list is as it was after', async () => {
		const lent: string[] = [];
		const handOff: HandOff = async task => {
			lent.push('away');
			const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode() {}});
			const stdout = Object.assign(new PassThrough(), {columns: 100, rows: 30});
			await task({stdin, stdout, signal: new AbortController().signal} as never);
			lent.push('back');
		};

		const {app, store, execs} = setup({count: 5, handOff});
		cleanup = app.unmount;
		await tick();
		app.stdin.write('j');
		app.stdin.write('j');
		await tick();
		const before = store.getState().ui;
		app.stdin.write('e');
		await tick(80);
		expect(lent).toEqual(['away', 'back']);
		expect(execs).toEqual([expect.objectContaining({cmd: ['/bin/sh'], tty: true})]);
		expect(plain(app)).toContain('left the shell in web-3');
		const after = store.getState().ui;
		expect(after.selectedId).toBe(before.selectedId);
		expect(after.scrollTop).toBe(before.scrollTop);
		expect(after.filter).toBe(before.filter);
	});

	it('e on a stopped or paused container says why not and opens nothing', async () => {
		const {app, execs} = setup({states: {0: 'exited', 1: 'paused'}});
		cleanup = app.unmount;
		await tick();
		app.stdin.write('a');
		await tick();
		// Running first, then paused, then stopped: web-3, web-2, web-1.
		app.stdin.write('j');
		app.stdin.write('e');
		await tick();
		expect(plain(app)).toContain('cannot open a shell: web-2 is paused: p unpauses it first');
		app.stdin.write('j');
		app.stdin.write('e');
		await tick();
		expect(plain(app)).toContain('cannot open a shell: web-1 is not running: s starts it first');
		expect(execs).toEqual([]);
	});

	it('E asks for a command in the status line, runs it, and shows its output in a pane', async () => {
		const {app, store, execs} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('j');
		await tick();
		app.stdin.write('E');
		await tick();
		expect(plain(app)).toContain('run in web-2:');
		for (const char of 'cat /etc/os-release') {
			app.stdin.write(char);
		}

		await tick();
		expect(plain(app)).toContain('run in web-2: cat /etc/os-release');
		app.stdin.write('\r');
		await tick(150);
		expect(execs).toEqual([{cmd: ['/bin/sh', '-c', 'cat /etc/os-release'], tty: false}]);
		const frame = plain(app);
		expect(frame).toContain('$ cat /etc/os-release  in web-2  exit code 4');
		expect(frame).toContain('  hello from the container');
		expect(frame).toContain('! a warning');
		expect(frame).toContain('Esc/q close');
		// E again starts from the last command.
		app.stdin.write('E');
		await tick();
		expect(store.getState().ui.prompt?.text).toBe('cat /etc/os-release');
		app.stdin.write('\u001B');
		await tick(80);
		expect(store.getState().ui.prompt).toBeUndefined();
		app.stdin.write('q');
		await tick(80);
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(plain(app)).toMatch(/web-2\s+running/);
		expect(store.getState().ui.selectedId).toBe('id00001');
	});

	it('Esc in the command line of E cancels, and an empty command runs nothing', async () => {
		const {app, store, execs} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('E');
		app.stdin.write('x');
		await tick();
		app.stdin.write('\u001B');
		await tick(80);
		expect(store.getState().ui.prompt).toBeUndefined();
		app.stdin.write('E');
		await tick();
		app.stdin.write('\r');
		await tick();
		expect(store.getState().ui.prompt).toBeUndefined();
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(execs).toEqual([]);
	});

	it('the help says how to come back from a shell', async () => {
		const {app} = setup();
		cleanup = app.unmount;
		await tick();
		app.stdin.write('?');
		await tick();
		expect(await helpPages(app)).toMatch(/e\s+a shell \(exit or Ctrl\+D returns\)/);
	});
});
