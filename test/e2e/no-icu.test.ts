import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {binary, terminalPool} from '../helpers/tmux.js';

// Issue 15: ICU's collators, segmenters and formatters each map megabytes of ICU data into RSS.
// The built program runs under a preload that counts them (test/fixtures/count-icu.mjs); a session
// whose text is ASCII must build none, and the list must still read in natural order.
const p = uniquePrefix('icu');
const names = ['web10', 'web2', 'Web3', 'alpha', 'Beta'].map(suffix => `${p}-${suffix}`);
const preload = path.resolve('test/fixtures/count-icu.mjs');
const pool = terminalPool();

type Counts = {counts: Record<string, number>; firstFrom: Record<string, string>};

beforeAll(async () => {
	await Promise.all(names.map(async name => createTestContainer(name)));
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

describe('no ICU at run time in an ASCII session', () => {
	it('start, move, filter, logs, inspect and another pane build no Intl object and call no localeCompare', async () => {
		const countsFile = path.join(pool.open({command: 'true'}).dir, 'icu-counts.json');
		const term = pool.open({command: `node --import ${preload} ${binary}`, env: {TSDTOP_ICU_COUNTS: countsFile}, rows: 60});
		// Natural order, as before: alpha, Beta, web2, Web3, web10 (not web10 before web2, not Beta before alpha).
		let screen = await term.waitFor(s => names.every(name => s.includes(name)));
		const order = names.map(name => [name, screen.indexOf(name)] as const).sort((a, b) => a[1] - b[1]).map(([name]) => name.slice(p.length + 1));
		expect(order).toEqual(['alpha', 'Beta', 'web2', 'Web3', 'web10']);
		term.press('j', 'j', 'k');
		await term.filterTo(`${p}-web`);
		screen = await term.waitFor(s => !s.includes(`${p}-alpha`));
		await term.select(`${p}-web2`);
		term.press('l');
		await term.waitFor(`Logs: ${p}-web2`);
		await term.escape(s => !s.includes('Logs: '));
		term.press('i');
		await term.waitFor(s => s.includes(`Inspect: ${p}-web2`) && s.includes('Labels:'));
		await term.escape(s => !s.includes('Inspect: '));
		term.press('2');
		await term.waitFor('REPOSITORY:TAG');
		term.press('q');
		await term.waitFor(() => term.exitCode() !== undefined);
		expect(term.exitCode()).toBe(0);
		const {counts, firstFrom} = JSON.parse(readFileSync(countsFile, 'utf8')) as Counts;
		// The stack of the first call names the culprit when this fails.
		expect({counts, firstFrom}).toEqual({counts: {}, firstFrom: {}});
	});

	it('the preload does count: text that is not ASCII builds ICU\'s segmenter', async () => {
		const countsFile = path.join(pool.open({command: 'true'}).dir, 'icu-counts.json');
		const term = pool.open({command: `node --import ${preload} ${binary}`, env: {TSDTOP_ICU_COUNTS: countsFile}});
		await term.waitFor(s => s.includes(`${p}-web2`));
		// The filter box shows what is typed: text that is not ASCII needs graphemes.
		term.press('/');
		term.type('é');
		await term.waitFor('é');
		await term.escape(s => !s.includes('é'));
		term.press('q');
		await term.waitFor(() => term.exitCode() !== undefined);
		const {counts} = JSON.parse(readFileSync(countsFile, 'utf8')) as Counts;
		// One for each text module that met it (string-width, Ink's tokenizer...), not one per string.
		expect(counts['Intl.Segmenter']).toBeGreaterThanOrEqual(1);
		expect(counts['Intl.Segmenter']).toBeLessThanOrEqual(6);
		expect(counts['Intl.Collator']).toBeUndefined();
	});
});
