import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import {inspectLines} from '../../source/render/inspect-lines.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {makeContainer} from '../unit/fixtures.js';
import {plain, tick, press} from '../helpers/ink-app.js';

// Issue 12 item 12: a container's inspect had no g, G, Home, End or search; an image's inspect page did.
// The watchers do not run here: the test feeds the inspect lines as the detail watcher would.
function setup() {
	const engine = stubEngine();
	const store = createStore(initialState({host: engine.host, columns: 80, rows: 24}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	store.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'id-web', name: 'web'})]});
	const app = render(<App services={{store, engine, theme: {color: false}}}/>);
	cleanup = app.unmount;
	const labels = Object.fromEntries(Array.from({length: 80}, (_, i) => [`label.${String(i).padStart(2, '0')}`, `value-${i}`]));
	const document = {Id: 'id-web', Name: '/web', Config: {Image: 'busybox', Env: ['NEEDLE=first'], Labels: {...labels, 'z.needle': 'second'}}, State: {Status: 'running'}};
	return {app, store, feed: () => store.dispatch({type: 'detail/loaded', containerId: 'id-web', patch: {inspect: inspectLines(document)}})};
}

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

describe('container inspect', () => {
	it('G and End go to the last line, g and Home back to the first; k works at once after G', async () => {
		const {app, store, feed} = setup();
		await tick();
		await press(app, 'i');
		feed();
		await tick();
		expect(plain(app)).toMatch(/Name {11}web/);
		await press(app, 'G');
		const total = /of (\d+);/.exec(plain(app))![1];
		expect(plain(app)).toContain(`-${total} of ${total};`);
		expect(plain(app)).toContain('"State"');
		await press(app, 'k');
		expect(plain(app)).not.toContain(`-${total} of ${total};`);
		await press(app, 'g');
		expect(plain(app)).toMatch(/Name {11}web/);
		await press(app, '\u001B[F');
		expect(plain(app)).toContain(`-${total} of ${total};`);
		await press(app, '\u001B[H');
		expect(plain(app)).toMatch(/Name {11}web/);
		expect(store.getState().detail?.scroll).toBe(0);
	});

	it('/ searches, n and N move between matches, Esc clears the search, then goes back', async () => {
		const {app, store, feed} = setup();
		await tick();
		await press(app, 'i');
		feed();
		await tick();
		await press(app, '/', ...'needle', '\r');
		// The first match from the top: the env line, already on screen.
		expect(plain(app)).toContain('/needle: line');
		expect(plain(app)).toContain('NEEDLE=first');
		const first = store.getState().detail!.match!;
		await press(app, 'n');
		const second = store.getState().detail!.match!;
		expect(second).toBeGreaterThan(first);
		expect(plain(app)).toContain('z.needle=second');
		await press(app, 'N');
		expect(store.getState().detail!.match).toBe(first);
		await press(app, '\u001B');
		expect(store.getState().detail?.search).toBeUndefined();
		expect(plain(app)).toContain('Inspect: web');
		await press(app, '\u001B');
		expect(store.getState().detail).toBeUndefined();
	});

	it('says so when nothing matches', async () => {
		const {app, feed} = setup();
		await tick();
		await press(app, 'i');
		feed();
		await tick();
		await press(app, '/', ...'nowhere', '\r');
		expect(plain(app)).toContain('/nowhere: no match');
	});
});
