import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {terminalPool} from '../helpers/tmux.js';

// Issue 18: the filter, end to end. Rows that do not match leave the screen as the person types, and
// Esc brings them back; Esc typed right before / (one read, as tmux or fast fingers send it) is not lost.
const p = uniquePrefix('flt');
const name = (suffix: string) => `${p}-${suffix}`;
const pool = terminalPool();
const row = (screen: string, container: string) => new RegExp(`^[* ]? *${container} `, 'm').test(screen);

beforeAll(async () => {
	await Promise.all(['apple', 'banana', 'cherry'].map(async suffix => createTestContainer(name(suffix))));
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

describe('the filter in a real terminal', () => {
	it('rows that do not match vanish as the filter is typed, and Esc brings them back', async () => {
		// Tall, so that this file's rows show among whatever else the Engine holds, unfiltered.
		const term = pool.open({rows: 80});
		await term.waitFor(s => ['apple', 'banana', 'cherry'].every(suffix => row(s, name(suffix))));
		term.press('/');
		term.type(name('ban'));
		// Before Enter: the list follows the text being typed.
		let screen = await term.waitFor(s => !row(s, name('apple')) && !row(s, name('cherry')));
		expect(row(screen, name('banana'))).toBe(true);
		term.press('Enter');
		screen = await term.waitFor(`filter: ${name('ban')}`);
		expect(row(screen, name('apple'))).toBe(false);
		expect(row(screen, name('banana'))).toBe(true);
		screen = await term.escape(s => !s.includes('filter: '));
		expect(['apple', 'banana', 'cherry'].every(suffix => row(screen, name(suffix)))).toBe(true);
	});

	it('Esc and / sent in one write: the Esc clears the filter, the / opens a new one', async () => {
		const term = pool.open();
		await term.filterTo(name('apple'));
		await term.waitFor(s => row(s, name('apple')) && !row(s, name('banana')));
		// One send-keys: tsdtop reads "\x1b/" in one chunk, which Ink takes for Alt+/.
		term.pressTogether('Escape', '/');
		term.type(name('cherry'));
		term.press('Enter');
		// Had the Esc been lost, the / would edit the old filter: "apple" + "cherry" matches nothing.
		const screen = await term.waitFor(`filter: ${name('cherry')}`);
		expect(screen).not.toContain(`filter: ${name('apple')}`);
		await term.waitFor(s => row(s, name('cherry')) && !row(s, name('apple')));
	});
});
