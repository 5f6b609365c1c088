import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import type {Engine} from '../../source/docker/engine.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {bindingsFor, displayKey, paneScopes} from '../../source/keys/keymap.js';
import {createStore, type Store} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import type {ContainerVerb} from '../../source/types.js';
import {makeContainer} from '../unit/fixtures.js';

// Components render the store; these tests drive keys through Ink's stdin and read the frame.
// The engine here only records what it is asked: the real Engine is exercised in test/integration and test/e2e.
type Call = {id: string; verb: ContainerVerb; force?: boolean};

function setup(options: {count?: number; color?: boolean} = {}) {
	const calls: Call[] = [];
	const engine: Engine = stubEngine({
		async act(id, verb, opts) {
			calls.push({id, verb, force: opts?.force});
		},
	});
	const store: Store = createStore(initialState({host: engine.host}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	const count = options.count ?? 3;
	store.dispatch({
		type: 'containers/loaded',
		containers: Array.from({length: count}, (_, i) => makeContainer({id: `id${String(i).padStart(5, '0')}`, name: `web-${i + 1}`})),
	});
	const app = render(<App services={{store, engine, theme: {color: options.color ?? true}}}/>);
	return {app, store, calls};
}

/** The frame as the person reads it, without colour codes. */
const plain = (app: ReturnType<typeof render>): string => stripVTControlCharacters(app.lastFrame() ?? '');

const tick = async (ms = 30) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

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
		const frame = plain(app);
		for (const binding of bindingsFor(paneScopes('containers'))) {
			expect(frame).toContain(binding.keys.map(k => displayKey(k)).join(' '));
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
});
