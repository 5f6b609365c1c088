import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type Terminal, terminalPool} from '../helpers/tmux.js';

// Issue 12 item 2: a resize must leave exactly the frame a fresh tsdtop draws at the new size. The
// terminal wipes or reflows the screen on a resize, so a renderer that diffs against the frame it
// drew before (and so skips the lines that did not change) leaves holes: the header, the filter
// line and the "no container matches" line vanished after 120 -> 130 columns, and 120 -> 200 -> 120
// left the footer twice. Every screen is compared with a fresh tsdtop started at that size, with
// the same Engine and the same filter.
const pool = terminalPool();
const filter = 'no-such-container-zz';
const empty = 'no container matches the filter';

afterEach(() => {
	pool.closeAll();
});

/** Waits for tsdtop with the filter typed in to show its frame, and returns it. */
async function settled(term: Terminal): Promise<string> {
	return term.waitFor(s => s.includes(`filter: ${filter}`) && s.includes(empty) && /j move/.test(s));
}

const fresh = new Map<string, Promise<string>>();
/** The screen of a fresh tsdtop at this size, filtered the same way (one per size and test). */
async function freshScreen(columns: number, rows: number): Promise<string> {
	const key = `${columns}x${rows}`;
	if (!fresh.has(key)) {
		fresh.set(key, (async () => {
			const term = pool.open({columns, rows});
			await term.filterTo(filter);
			return settled(term);
		})());
	}

	return fresh.get(key)!;
}

/** Resizes and waits until the screen is the fresh one; a screen that stays different fails with both. */
async function resizeAndCompare(term: Terminal, columns: number, rows: number): Promise<void> {
	const expected = await freshScreen(columns, rows);
	term.resize(columns, rows);
	await term.waitFor(s => s === expected, 5000).catch(() => undefined);
	expect(term.screen()).toBe(expected);
}

describe('resizing never corrupts the screen (issue 12)', () => {
	afterEach(() => {
		fresh.clear();
	});

	it('120x40 to 130 columns with a filter that matches nothing', async () => {
		const term = pool.open({columns: 120, rows: 40});
		await term.filterTo(filter);
		expect(await settled(term)).toBe(await freshScreen(120, 40));
		await resizeAndCompare(term, 130, 40);
	});

	it('120 -> 200 -> 120 columns, then fewer and more rows', async () => {
		const term = pool.open({columns: 120, rows: 40});
		await term.filterTo(filter);
		await settled(term);
		await resizeAndCompare(term, 200, 40);
		await resizeAndCompare(term, 120, 40);
		await resizeAndCompare(term, 120, 30);
		await resizeAndCompare(term, 100, 45);
		await resizeAndCompare(term, 80, 24);
	});

	it('a resize while only the first frame is drawn (before Ink has loaded)', async () => {
		// hold-ink.mjs keeps Ink's chunk from loading until the gate file exists.
		const gate = path.join(mkdtempSync(path.join(tmpdir(), 'tsdtop-hold-')), 'gate');
		const term = pool.open({columns: 120, rows: 40, env: {NODE_OPTIONS: `--import=${path.resolve('test/helpers/hold-ink.mjs')}`, TSDTOP_TEST_HOLD: gate}});
		const footerAt = (columns: number) => (s: string) => s.split('\n').some(line => line.startsWith('j move') && line.length === columns);
		// The first frame: the list's header and footer, no filter yet.
		await term.waitFor(s => /\d+ running, \d+ stopped, \d+ total/.test(s) && footerAt(120)(s));
		term.resize(130, 40);
		// Drawn again at the new size by the first frame's own code: Ink is still held.
		await term.waitFor(footerAt(130));
		// Typed before Ink is there: the keys wait in stdin.
		term.press('/');
		term.type(filter);
		term.press('Enter');
		const expected = await freshScreen(130, 40);
		writeFileSync(gate, '');
		await term.waitFor(s => s === expected, 10_000).catch(() => undefined);
		expect(term.screen()).toBe(expected);
	});
});
