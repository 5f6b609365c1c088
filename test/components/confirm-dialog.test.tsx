import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import {defaultKeymap, installKeymap} from '../../source/keys/keymap.js';
import {remapKeymap} from '../../source/keys/remap.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';
import type {Container, ContainerVerb} from '../../source/core/types.js';
import {stubEngine} from '../helpers/stub-engine.js';
import {makeContainer} from '../unit/fixtures.js';
import {plain, tick, press} from '../helpers/ink-app.js';

// Issue 12 items 7, 8, 13 and 14: what a dialog lists, the keys it offers, and what s and D do.
type Call = {id: string; verb: ContainerVerb; force?: boolean; volumes?: boolean};

function setup(containers: readonly Container[], options: {showAll?: boolean} = {}) {
	const calls: Call[] = [];
	const engine = stubEngine({
		async act(id, verb, opts) {
			calls.push({id, verb, ...(opts?.force ? {force: true} : {}), ...(opts?.volumes ? {volumes: true} : {})});
		},
	});
	// 80x24, as the issue found it.
	const store = createStore(initialState({host: engine.host, columns: 80, rows: 24, showAll: options.showAll ?? false}));
	store.dispatch({type: 'engine/connected', info: {host: engine.host, version: '27.0.0'}});
	store.dispatch({type: 'containers/loaded', containers});
	const app = render(<App services={{store, engine, theme: {color: false}}}/>);
	cleanup = app.unmount;
	return {app, store, calls};
}

const footer = (app: ReturnType<typeof render>): string => plain(app).trimEnd().split('\n').at(-1) ?? '';
let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

const stopped = (count: number) => Array.from({length: count}, (_, i) => makeContainer({id: `id${String(i + 1).padStart(3, '0')}`, name: `old-${i + 1}`, state: 'exited'}));

describe('confirmation dialogs', () => {
	it('19 targets at 80x24: every one reachable by scrolling, with "rows a-b of N", and all go on y', async () => {
		const {app, calls} = setup(stopped(19), {showAll: true});
		await tick();
		await press(app, 'C');
		let frame = plain(app);
		expect(frame).toContain('Clean up: remove all 19 stopped containers?');
		expect(frame).not.toContain('more');
		const rows = /rows 1-(\d+) of 19/.exec(frame);
		expect(rows).not.toBeNull();
		const seen = new Set<string>();
		for (let i = 0; i < 25; i++) {
			for (const match of plain(app).matchAll(/old-(\d+) {2}\(exited/g)) {
				seen.add(match[1]!);
			}

			// eslint-disable-next-line no-await-in-loop
			await press(app, 'j');
		}

		expect(seen.size).toBe(19);
		frame = plain(app);
		expect(frame).toMatch(new RegExp(`rows ${20 - Number(rows![1])}-19 of 19`));
		await press(app, 'g');
		expect(plain(app)).toContain(`rows 1-${rows![1]} of 19`);
		await press(app, '\u001B[6~');
		expect(plain(app)).not.toContain(`rows 1-${rows![1]} of 19`);
		await press(app, 'y');
		expect(calls.map(c => c.verb)).toEqual(Array.from({length: 19}, () => 'remove'));
		expect(new Set(calls.map(c => c.id)).size).toBe(19);
	});

	it('the footer names only the keys the dialog takes: no f in a kill, no y where only force works', async () => {
		const {app} = setup([makeContainer({id: 'id-a', name: 'web'})]);
		await tick();
		await press(app, 'K');
		expect(plain(app)).toContain('Kill 1 container?');
		expect(footer(app)).toContain('y/Y yes');
		expect(footer(app)).toContain('n/N no');
		expect(footer(app)).not.toContain('force');
		expect(footer(app)).not.toContain('scroll');
		await press(app, 'n', 'D');
		expect(plain(app)).toContain('Remove 1 container?');
		expect(footer(app)).toContain('f force');
		expect(footer(app)).not.toContain('yes');
	});

	it('the dialog and its footer show the keys of the keymap in use', async () => {
		const remapped = remapKeymap(defaultKeymap, {'confirm.no': ['x', 'escape']});
		if (!('table' in remapped)) {
			throw new Error('remap refused');
		}

		installKeymap(remapped.table);
		try {
			const {app} = setup([makeContainer({id: 'id-a', name: 'web'})]);
			await tick();
			await press(app, 'K');
			expect(plain(app)).toContain('[x/Esc] cancel');
			expect(footer(app)).toContain('x/Esc no');
			expect(footer(app)).not.toContain('n/N');
		} finally {
			installKeymap(defaultKeymap);
		}
	});

	it('D says anonymous volumes stay, and v removes them with the container', async () => {
		const anonymous = 'a'.repeat(64);
		const {app, calls} = setup([makeContainer({id: 'id-a', name: 'web', state: 'exited', volumeNames: [anonymous, 'named-data']})], {showAll: true});
		await tick();
		await press(app, 'D');
		const frame = plain(app);
		expect(frame).not.toContain('named volumes stay');
		expect(frame).toContain('1 anonymous volume would stay, orphaned: v removes it too');
		expect(frame).toContain('[v] with its anonymous volume');
		expect(footer(app)).toContain('v +volumes');
		await press(app, 'v');
		expect(calls).toEqual([{id: 'id-a', verb: 'remove', volumes: true}]);
	});

	it('D without anonymous volumes offers no v, and y keeps volumes', async () => {
		const {app, calls} = setup([makeContainer({id: 'id-a', name: 'web', state: 'exited', volumeNames: ['named-data']})], {showAll: true});
		await tick();
		await press(app, 'D');
		expect(plain(app)).not.toContain('[v]');
		expect(footer(app)).not.toContain('volumes');
		await press(app, 'v');
		expect(calls).toEqual([]);
		await press(app, 'y');
		expect(calls).toEqual([{id: 'id-a', verb: 'remove'}]);
	});
});

describe('s on marked containers in mixed states (item 8)', () => {
	it('stops the running ones only, and says how many it skipped and why', async () => {
		const {app, calls, store} = setup([
			makeContainer({id: 'id-a', name: 'a-run'}),
			makeContainer({id: 'id-b', name: 'b-stopped', state: 'exited'}),
			makeContainer({id: 'id-c', name: 'c-run'}),
		], {showAll: true});
		await tick();
		await press(app, ' ', ' ', ' ', 's');
		await tick(50);
		expect(calls.map(c => `${c.verb} ${c.id}`).sort()).toEqual(['stop id-a', 'stop id-c']);
		expect(store.getState().ui.status?.text).toMatch(/stopped .*; 1 skipped \(already stopped/);
	});

	it('starts them all when none is running', async () => {
		const {app, calls} = setup(stopped(2), {showAll: true});
		await tick();
		await press(app, ' ', ' ', 's');
		await tick(50);
		expect(calls.map(c => `${c.verb} ${c.id}`).sort()).toEqual(['start id001', 'start id002']);
	});
});
