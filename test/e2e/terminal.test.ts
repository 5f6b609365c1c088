import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {expectWholeScreen, type Terminal, terminalPool, terminalState} from '../helpers/tmux.js';

// What a person sees around tsdtop: start, quit, the terminal left behind, size, colour, bad bytes.
const p = uniquePrefix('term');
const pool = terminalPool();
const open = pool.open;

beforeAll(async () => {
	await createTestContainer(`${p}-web`, {labels: {'com.docker.compose.project': `${p}-shop`}});
	// Labels are free text: a hostile one must not reach the terminal as escape sequences.
	await createTestContainer(`${p}-evil`, {
		labels: {'com.docker.compose.project': '\u001B]0;pwned\u0007\u001B[2J\u001B[?1049l\u001B]52;c;aGk=\u0007evil'},
	});
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

async function quitAndCheckShell(term: Terminal, key: string) {
	term.press(key);
	await term.waitFor(() => term.exitCode() !== undefined);
	expect(term.exitCode()).toBe(0);
	// Back on the normal screen, cooked mode, cursor shown.
	expect(await terminalState(term)).toEqual({cooked: true, echo: true, cursorVisible: true, alternateScreen: false});
}

describe('tsdtop in a real terminal', () => {
	it('draws in the alternate screen and q restores the terminal exactly', async () => {
		const term = open();
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		expect(term.alternateScreen()).toBe(true);
		await quitAndCheckShell(term, 'q');
	});

	it('draws the list before Ink has loaded, and keys typed meanwhile are not lost (issue 2)', async () => {
		// TSDTOP_TRACE prints the start-up phases at exit: "painted" is the first frame, "drawn" Ink's.
		const term = open({env: {TSDTOP_TRACE: '1'}});
		// Typed the moment the first frame shows, as filterTo does: on a busy machine Ink is still loading.
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		term.press('q');
		// The line may wrap: join the screen's lines first.
		const screen = (await term.waitFor(s => s.replaceAll('\n', '').includes('tsdtop counts'))).replaceAll('\n', '');
		const phases = /tsdtop trace: (.*?)tsdtop counts/.exec(screen)![1]!.split(', ').map(phase => phase.split(' ')[0]);
		expect(phases.indexOf('painted')).toBeGreaterThan(-1);
		expect(phases.indexOf('painted')).toBeLessThan(phases.indexOf('loaded'));
	});

	it('Ctrl+C quits the same way', async () => {
		const term = open();
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		await quitAndCheckShell(term, 'C-c');
	});

	it('draws even when CI is set, since a person at a TTY wants the UI', async () => {
		const term = open({env: {CI: 'true', CONTINUOUS_INTEGRATION: '1'}});
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		// With styles too: chalk drops every colour, bold and inverse when it loads with CI set.
		await term.waitFor(() => /\u001B\[[\d;]*\b7m/.test(term.screenWithAttributes()));
	});

	it('fits 80x24: low-priority columns drop, and resizing brings them back', async () => {
		const term = open({columns: 80, rows: 24});
		await term.filterTo(p);
		let screen = await term.waitFor(s => s.includes(`${p}-web`) && s.includes(`${p}-evil`));
		expectWholeScreen(screen, [`${p}-web`, `${p}-evil`]);
		expect(screen).toMatch(/NAME\s+STATE\s+STATUS\s+CPU\s+MEM/);
		term.resize(160, 30);
		// PROJECT shows at 80 columns too, cut: wait for the project's whole name, which only the wider
		// frame has, and for the frame whole (a capture during the redraw can hold the header but not the rows).
		screen = await term.waitFor(s => s.includes('PROJECT') && s.includes(`${p}-shop`));
		term.resize(60, 15);
		screen = await term.waitFor(s => s.includes('NAME') && !s.includes('PROJECT') && s.includes(`${p}-web`) && s.includes(`${p}-evil`));
		expectWholeScreen(screen, [`${p}-web`, `${p}-evil`]);
	});

	it('never lets a label write escape sequences to the terminal', async () => {
		const term = open({columns: 160});
		await term.filterTo(p);
		const screen = await term.waitFor('evil');
		expect(screen).not.toContain('pwned');
		expect(term.paneTitle()).not.toContain('pwned');
		expect(term.alternateScreen()).toBe(true);
		// The rest of the screen is intact: header and the other container still drawn.
		expect(screen).toContain(`${p}-web`);
		expect(screen).toMatch(/\d+ running/);
	});

	it('NO_COLOR draws no colour, only attributes', async () => {
		const term = open({env: {NO_COLOR: '1'}});
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		// eslint-disable-next-line no-control-regex
		expect(term.screenWithAttributes()).not.toMatch(/\u001B\[(?:\d+;)*(?:3[0-7]|9[0-7]|38;5;\d+)m/);
		expect(term.isSelected(`${p}-evil`) || term.isSelected(`${p}-web`)).toBe(true);
	});

	it('? shows every key of the pane and Esc closes it', async () => {
		const term = open();
		await term.waitFor(/\d+ running/);
		term.press('?');
		const screen = await term.waitFor('Keys');
		for (const text of ['stop the running ones', 'kill (asks first)', 'clean up', 'filter']) {
			expect(screen).toContain(text);
		}

		// At 40 rows the last row (quit) is below the first page (u, issue 12 item 9, and 5, issue 16,
		// made the list taller): a page down reaches it.
		term.press('PageDown');
		await term.waitFor(/\bq Ctrl\+C\s+quit/);

		term.press('Escape');
		await term.waitFor('NAME');
	});

	it('an unreachable Engine is one clear line and a non-zero exit', async () => {
		const term = open({args: ['--host', 'unix:///nonexistent/docker.sock']});
		// tmux may show the output a moment after the exit code is on disk: wait for both.
		const screen = await term.waitFor(s => term.exitCode() !== undefined && s.includes('tsdtop: '));
		expect(term.exitCode()).not.toBe(0);
		expect(screen).toContain('tsdtop: cannot reach the Docker Engine: /nonexistent/docker.sock does not exist');
		expect(screen).not.toMatch(/\bat .*\.js:\d+/);
	});

	it('an unknown option is refused with a hint', async () => {
		const term = open({args: ['--hots', 'x']});
		const screen = await term.waitFor(s => term.exitCode() !== undefined && s.includes('tsdtop: '));
		expect(term.exitCode()).toBe(2);
		expect(screen).toContain('did you mean --host?');
	});
});
