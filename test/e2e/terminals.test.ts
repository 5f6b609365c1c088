import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {sgrCells} from '../helpers/sgr-cells.js';
import {binary, type Terminal, type TerminalOptions, terminalPool, terminalState} from '../helpers/tmux.js';

// Issue 6: tsdtop works with TERM=xterm, xterm-256color, screen, tmux-256color and linux, in tmux and
// in GNU screen, and NO_COLOR / --no-color hold on every screen it draws.
const p = uniquePrefix('terms');
const pool = terminalPool();
// A colour or background colour, in tmux's capture-pane -e (default colours 39 and 49 do not count).
// eslint-disable-next-line no-control-regex
const anyColour = /\u001B\[(?:\d+;)*(?:3[0-7]|9[0-7]|38;5;\d+|38;2;[\d;]+|4[0-7]|10[0-7]|48;5;\d+|48;2;[\d;]+)m/;

beforeAll(async () => {
	// Writes red text to its log, as many programs do: --no-color must strip it too.
	await createTestContainer(`${p}-web`, {cmd: ['sh', '-c', String.raw`trap "exit 0" TERM; while :; do printf '\033[31mred-line\033[0m\n'; sleep 1; done`]});
	// A second row, so that j has somewhere to move the selection to.
	await createTestContainer(`${p}-db`);
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

async function closeWith(term: Terminal, key: string, gone: string): Promise<void> {
	term.press(key);
	await term.waitFor(s => !s.includes(gone));
}

async function quitAndCheck(term: Terminal): Promise<void> {
	term.press('q');
	await term.waitFor(() => term.exitCode() !== undefined);
	expect(term.exitCode()).toBe(0);
	expect(await terminalState(term)).toEqual({cooked: true, echo: true, cursorVisible: true, alternateScreen: false});
	// Nothing of tsdtop's screen is left behind, with or without an alternate screen.
	expect(term.screen()).not.toMatch(/NAME\s+STATE/);
}

describe('TERM values', () => {
	it.each(['xterm', 'xterm-256color', 'screen', 'tmux-256color', 'linux'])('TERM=%s: the list, colours, keys, and the terminal restored at q', async termName => {
		const term = pool.open({env: {TERM: termName}});
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		expect(term.screenWithAttributes()).toMatch(anyColour);
		// The Linux console has no alternate screen (terminfo: no smcup): tsdtop clears instead.
		expect(term.alternateScreen()).toBe(termName !== 'linux');
		term.press('?');
		await term.waitFor('Keys');
		await closeWith(term, 'Escape', 'Keys  (');
		// Keys work under this TERM: j moves the selection (drawn inverse) from one row to the other.
		await term.waitFor(s => s.includes(`${p}-web`) && s.includes(`${p}-db`));
		const first = term.isSelected(`${p}-db`) ? `${p}-db` : `${p}-web`;
		const second = first === `${p}-db` ? `${p}-web` : `${p}-db`;
		expect(term.isSelected(first)).toBe(true);
		term.press('j');
		await term.waitFor(() => term.isSelected(second) && !term.isSelected(first));
		expect(term.screen()).toContain(`filter: ${p}`);
		await quitAndCheck(term);
	});
});

describe('GNU screen', () => {
	it('runs inside screen: draws the list, takes keys and quits cleanly', async () => {
		// Its own socket folder and no screenrc, so no person's sessions or settings come in.
		const screenDir = mkdtempSync(path.join(tmpdir(), 'tsdtop-screen-'));
		const term = pool.open({
			env: {SCREENDIR: screenDir, SYSSCREENRC: '/dev/null'},
			command: `screen -q -c /dev/null -S tsdtop-e2e node ${binary}`,
		});
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		expect(term.screenWithAttributes()).toMatch(anyColour);
		term.press('?');
		await term.waitFor('Keys');
		await closeWith(term, 'Escape', 'Keys  (');
		await quitAndCheck(term);
	});
});

describe('no colour anywhere', () => {
	async function expectNoColour(term: Terminal, where: string): Promise<void> {
		expect(term.screenWithAttributes(), `colour in ${where}`).not.toMatch(anyColour);
	}

	it('--no-color: the list, logs (even a container\'s own colours), help, a confirm, run output, every resource pane and Projects', async () => {
		const term = pool.open({args: ['--no-color'], columns: 160});
		// Only the row with a coloured log: the logs are the selected row's.
		await term.filterTo(`${p}-web`);
		await term.waitFor(`${p}-web`);
		await expectNoColour(term, 'the Containers pane');

		term.press('l');
		await term.waitFor('red-line');
		await expectNoColour(term, 'the log pane');
		await closeWith(term, 'Escape', 'red-line');

		term.press('?');
		await term.waitFor('Keys');
		await expectNoColour(term, 'the help overlay');
		await closeWith(term, 'Escape', 'Keys  (');

		// Its border is red where colour is on. Esc cancels: nothing is killed.
		term.press('K');
		await term.waitFor('Kill 1 container?');
		await expectNoColour(term, 'the confirm dialog');
		await closeWith(term, 'Escape', 'Kill 1 container?');

		// A failed command: its stderr and the exit code are drawn red where colour is on.
		term.press('E');
		term.type('ls /nonexistent');
		term.press('Enter');
		await term.waitFor('exit code 1');
		await expectNoColour(term, 'the output of E');
		await closeWith(term, 'Escape', 'exit code 1');

		for (const [key, text] of [['2', 'REPOSITORY'], ['3', 'DRIVER'], ['4', 'MOUNTPOINT'], ['5', 'CONFIG FILES']] as const) {
			term.press(key);
			// eslint-disable-next-line no-await-in-loop
			await term.waitFor(text);
			// eslint-disable-next-line no-await-in-loop
			await expectNoColour(term, `pane ${key}`);
		}
	});

	it('NO_COLOR: a container\'s own colours are stripped from its log', async () => {
		const term = pool.open({env: {NO_COLOR: '1'}});
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		await term.select(`${p}-web`);
		term.press('l');
		await term.waitFor('red-line');
		await expectNoColour(term, 'the log pane');
	});

	// Issue 12: --no-color also turned off inverse video (chalk read the flag), so nothing showed
	// which row was selected or which pane was open. Inverse and bold are not colour.
	const themeNone = path.join(mkdtempSync(path.join(tmpdir(), 'tsdtop-none-')), 'config.json');
	writeFileSync(themeNone, '{"theme": "none"}');
	it.each<[string, TerminalOptions]>([
		['--no-color', {args: ['--no-color']}],
		['NO_COLOR=1', {env: {NO_COLOR: '1'}}],
		['theme "none"', {env: {TSDTOP_CONFIG: themeNone}}],
	])('%s: the selected row, the active tab and a dialog stay marked, with no colour', async (_, options) => {
		const term = pool.open(options);
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		await term.select(`${p}-web`);
		expect(term.isSelected(`${p}-web`)).toBe(true);
		const header = sgrCells(term.screenWithAttributes())[0]!;
		const tab = header.findIndex((cell, index) => header.slice(index, index + 10).map(c => c.char).join('') === 'Containers');
		expect(tab).toBeGreaterThanOrEqual(0);
		expect(header[tab]!.inverse).toBe(true);
		await expectNoColour(term, 'the list');

		term.press('K');
		await term.waitFor('Kill 1 container?');
		const lines = sgrCells(term.screenWithAttributes());
		const title = lines.find(line => line.map(c => c.char).join('').includes('Kill 1 container?'))!;
		expect(title.find(cell => cell.char === 'K')!.bold).toBe(true);
		await expectNoColour(term, 'the confirm dialog');
		await closeWith(term, 'Escape', 'Kill 1 container?');
	});
});

