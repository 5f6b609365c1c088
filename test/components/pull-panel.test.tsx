import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {PullPanel} from '../../source/components/pull-panel.js';
import {mapImages} from '../../source/docker/map-resources.js';
import {emptyPull, type PullMessage, type PullProgress, reducePull} from '../../source/docker/pull-progress.js';
import type {PullOptions, PullResult} from '../../source/docker/pull.js';
import type {RecreateOptions} from '../../source/docker/recreate.js';
import type {UpdateCheck} from '../../source/docker/update-check.js';
import {App} from '../../source/panes/app.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import {plain, press, tick} from '../helpers/ink-app.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {makeContainer} from '../unit/fixtures.js';

// The pull panel and U's dialog over a store filled by hand. The Engine layer's pull and recreate
// are real in test/e2e/update.test.ts; here the stub hands progress in by hand, to see it drawn.
const MB = 1024 * 1024;
const sha = (char: string) => `sha256:${char.repeat(64)}`;
const message = (id: string, status: string, current?: number, total?: number): PullMessage =>
	({id, status, ...(current === undefined ? {} : {progressDetail: {current, total}})});

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

async function frameMatching(app: ReturnType<typeof render>, pattern: RegExp): Promise<void> {
	for (let tries = 0; !pattern.test(plain(app)); tries++) {
		if (tries > 100) {
			throw new Error(`no frame matched ${String(pattern)}; the last:\n${plain(app)}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await tick();
	}
}

function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>(r => {
		resolve = r;
	});
	return {promise, resolve};
}

function setup() {
	const pulls: Array<{reference: string; options?: PullOptions}> = [];
	const recreates: Array<{id: string; options?: RecreateOptions}> = [];
	const ended = deferred<PullResult>();
	let check: ((id: string) => UpdateCheck) | undefined;
	const checks: string[] = [];
	const stub = stubEngine();
	const engine = stubEngine({
		updates: {
			...stub.updates,
			async pull(reference, options) {
				pulls.push({reference, ...(options ? {options} : {})});
				return ended.promise;
			},
			async check(id) {
				checks.push(id);
				return check!(id);
			},
			async recreate(id, options) {
				recreates.push({id, ...(options ? {options} : {})});
				options?.onStep?.({step: 'create', ok: true});
				return {ok: true, id: 'new-id', name: 'web-1', steps: []};
			},
		},
	});
	const store = createStore(initialState({host: engine.host, columns: 80, rows: 24}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	store.dispatch({type: 'containers/loaded', containers: [makeContainer({id: 'id-web', name: 'web-1', image: 'shop/web:1'}), makeContainer({id: 'id-db', name: 'db-1'})]});
	store.dispatch({type: 'images/loaded', images: mapImages([
		{Id: sha('a'), RepoTags: ['alpine:3'], Size: 8 * MB, Created: 1_718_000_000},
		{Id: sha('b'), RepoTags: ['nginx:1.27'], Size: 190 * MB, Created: 1_717_000_000},
	])});
	const app = render(<App services={{store, engine, theme: {color: false}}}/>);
	cleanup = app.unmount;
	return {app, store, pulls, recreates, ended, checks, setCheck(value: UpdateCheck | ((id: string) => UpdateCheck)) {
		check = typeof value === 'function' ? value : () => value;
	}};
}

describe('<PullPanel>', () => {
	it('draws the title and each busy layer with a bar and its bytes, within the width', () => {
		const progress = [
			message('cccccccccccc', 'Downloading', 3 * MB, 12 * MB),
			message('dddddddddddd', 'Waiting'),
		].reduce(reducePull, emptyPull);
		const panel = render(<PullPanel reference="shop/app:2" progress={progress} width={80} theme={{color: false}}/>);
		const lines = plain(panel).split('\n');
		panel.unmount();
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/^pulling shop\/app:2 {2}3\.0M \/ 12M {2}0 of 2 layers done/);
		expect(lines[1]).toMatch(/cccccccccccc download \[#+-+\]\s+3\.0M \/ 12M/);
		expect(lines[2]).toMatch(/dddddddddddd waiting/);
		expect(lines.every(line => line.length <= 80)).toBe(true);
	});
});

describe('P in the app', () => {
	it('asks for the reference prefilled with the selected tag, pulls while the keys keep working, then says what happened', async () => {
		const {app, store, pulls, ended} = setup();
		await tick();
		await press(app, '2', 'j');
		expect(store.getState().ui.selectedId).toContain('nginx:1.27');
		await press(app, 'P');
		expect(plain(app)).toContain('pull: nginx:1.27');
		// The line is edited with the shared edit keys: Ctrl+U clears it, then the letters are text.
		await press(app, '\u0015', 'busybox:1');
		expect(store.getState().pulls.input?.text).toBe('busybox:1');
		await press(app, '\r');
		expect(pulls.map(p => p.reference)).toEqual(['busybox:1']);
		let progress: PullProgress = emptyPull;
		for (let done = 0; done <= 10; done++) {
			progress = reducePull(progress, message('cccccccccccc', 'Downloading', done * MB, 10 * MB));
			pulls[0]!.options!.onProgress!(progress);
		}

		// The throttle sends the latest progress within its interval: wait for the frame that shows it.
		await frameMatching(app, /pulling busybox:1 {2}10M \/ 10M/);
		expect(plain(app)).toMatch(/cccccccccccc download \[#+\]/);
		// The panel takes no keys: k moves the list while the pull runs.
		await press(app, 'k');
		expect(store.getState().ui.selectedId).toContain('alpine:3');
		ended.resolve({kind: 'pulled', reference: 'busybox:1', oldId: sha('a'), newId: sha('e')});
		await tick();
		const frame = plain(app);
		expect(frame).toContain('pulled busybox:1 (aaaaaaaaaaaa -> eeeeeeeeeeee)');
		expect(frame).not.toContain('pulling busybox:1');
		expect(frame.split('\n').length).toBeLessThanOrEqual(23);
	});

	it('Esc cancels the line and pulls nothing', async () => {
		const {app, store, pulls} = setup();
		await tick();
		await press(app, '2', 'P', '\u001B');
		await tick(60);
		expect(store.getState().pulls.input).toBeUndefined();
		expect(pulls).toEqual([]);
	});
});

describe('U in the app', () => {
	const base = {containerId: 'id-web', name: 'web-1', reference: 'shop/web:1', oldImageId: sha('a')};

	it('shows the old and new image id and recreates on y', async () => {
		const {app, recreates, setCheck} = setup();
		setCheck({...base, newImageId: sha('b'), changed: true, pull: {kind: 'pulled', reference: 'shop/web:1', oldId: sha('a'), newId: sha('b')}});
		await tick();
		// Names sort db-1 first: j selects web-1.
		await press(app, 'j', 'U');
		const dialog = plain(app);
		expect(dialog).toContain('Update 1 container to its newer image?');
		expect(dialog).toContain('web-1  shop/web:1  (aaaaaaaaaaaa -> bbbbbbbbbbbb)');
		expect(recreates).toEqual([]);
		await press(app, 'y');
		expect(recreates.map(r => [r.id, r.options?.image])).toEqual([['id-web', 'shop/web:1']]);
		expect(plain(app)).toContain('updated web-1 (aaaaaaaaaaaa -> bbbbbbbbbbbb)');
	});

	it('an unchanged image asks "recreate anyway?", and Enter (the default) is No', async () => {
		const {app, recreates, setCheck} = setup();
		setCheck({...base, newImageId: sha('a'), changed: false, pull: {kind: 'up-to-date', reference: 'shop/web:1', imageId: sha('a')}});
		await tick();
		await press(app, 'U');
		expect(plain(app)).toContain('The image did not change: recreate anyway?');
		await press(app, '\r');
		expect(plain(app)).not.toContain('recreate anyway?');
		expect(recreates).toEqual([]);
	});

	it('marked containers are checked, then updated, one after another, after one dialog that names them all', async () => {
		const {app, recreates, checks, setCheck} = setup();
		setCheck(id => ({...base, containerId: id, name: id === 'id-web' ? 'web-1' : 'db-1', newImageId: sha('b'), changed: true, pull: {kind: 'pulled', reference: 'shop/web:1', newId: sha('b')}}));
		await tick();
		await press(app, ' ', 'j', ' ', 'U');
		expect(checks).toEqual(['id-db', 'id-web']);
		const dialog = plain(app);
		expect(dialog).toContain('Update 2 containers to their newer images?');
		expect(dialog).toMatch(/db-1 {2}shop\/web:1/);
		expect(dialog).toMatch(/web-1 {2}shop\/web:1/);
		await press(app, 'y');
		expect(recreates.map(r => r.id)).toEqual(['id-db', 'id-web']);
		expect(plain(app)).toContain('updated 2 of 2');
	});

	it('a failed check is one error line and no dialog', async () => {
		const {app, store, setCheck} = setup();
		setCheck({...base, changed: false, pull: {kind: 'error', reference: 'shop/web:1', message: 'cannot reach the registry docker.io: connection refused'}});
		await tick();
		await press(app, 'j', 'U');
		expect(store.getState().ui.overlay).toBeUndefined();
		expect(plain(app)).toContain('web-1: cannot reach the registry docker.io: connection refused');
	});
});
