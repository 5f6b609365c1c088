import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, docker, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {binary, Terminal} from '../helpers/tmux.js';

// The log pane against the real Engine, keys pressed as a person would, in a 100-column terminal
// (the logs take the whole screen) and a 150-column one (list and logs side by side).
const p = uniquePrefix('e2e-logs');
const name = (suffix: string) => `${p}-${suffix}`;
// Numbered lines, ten a second, and one stderr line at each start; "boot" marks every start. Every
// tenth line also brings a line wider than the screen (wide-000...-end), for wrap.
const counter = ['sh', '-c', 'echo boot; echo oops-on-stderr >&2; i=0; trap "exit 0" TERM; while :; do echo "num $i"; [ $((i % 10)) = 5 ] && printf "wide-%0140d-end\\n" 0; i=$((i+1)); sleep 0.1; done'];
const saveDir = mkdtempSync(path.join(tmpdir(), 'tsdtop-logs-save-'));
let term: Terminal;

/** The log text rows on screen (the lines that show a number). */
const numbers = (screen: string) => screen.split('\n').filter(l => /num \d+/.test(l)).map(l => l.trim());

/** Opens the logs of the one container the filter shows. */
async function openLogs(t: Terminal, container: string): Promise<void> {
	await t.filterTo(container);
	await t.waitFor(s => s.includes(container) && s.includes(' running '));
	t.press('l');
	await t.waitFor(`Logs: ${container}`);
}

beforeAll(async () => {
	await createTestContainer(name('count'), {cmd: counter});
	term = new Terminal({columns: 100, rows: 30, command: `cd '${saveDir}' && node '${binary}'`});
	await openLogs(term, name('count'));
});

afterAll(async () => {
	term?.close();
	await removeTestContainers(p);
});

describe('the log pane against a real Engine', () => {
	it('shows the lines live, following, with stderr marked', async () => {
		const first = await term.waitFor(/num \d*[1-9]\d*/, 15_000);
		expect(first).toContain('[following]');
		const seen = Number(/num (\d+)/.exec(numbers(first).at(-1)!)![1]);
		await term.waitFor(s => numbers(s).some(l => Number(/num (\d+)/.exec(l)![1]) > seen + 5));
		// The stderr line carries the ! mark in the gutter; stdout lines do not.
		term.press('g');
		const top = await term.waitFor('oops-on-stderr');
		expect(top.split('\n').find(l => l.includes('oops-on-stderr'))).toMatch(/^\s*!oops-on-stderr/);
		expect(top.split('\n').find(l => l.includes('boot'))).toMatch(/^\s+boot/);
		term.press('f');
		await term.waitFor('[following]');
	});

	it('scrolling up pauses follow and holds the lines read; f resumes', async () => {
		// More lines than the screen holds, so that the view is full when it pauses.
		await term.waitFor(s => numbers(s).some(l => Number(l.slice(4)) >= 40), 15_000);
		term.press('k');
		const paused = await term.waitFor('[paused');
		const held = numbers(paused);
		// Lines keep coming while it is paused: the count of new ones grows, the view stays.
		const later = await term.waitFor(s => Number(/paused, (\d+) new/.exec(s)?.[1] ?? 0) >= 5);
		expect(numbers(later)).toEqual(held);
		term.press('f');
		await term.waitFor(s => s.includes('[following]') && numbers(s).at(-1) !== held.at(-1));
	});

	it('/ searches: count shown, n and N jump between matches', async () => {
		term.press('/');
		term.type('/num 1[0-9]$/');
		term.press('Enter');
		const found = await term.waitFor(/search \/num 1\[0-9\]\$\/ (\d+)\/(\d+)/);
		const [, at, total] = /search \/num 1\[0-9\]\$\/ (\d+)\/(\d+)/.exec(found)!;
		expect(Number(total)).toBe(10);
		expect(Number(at)).toBe(10);
		// The current match is on screen, marked with >.
		expect(found).toMatch(/^>\s*num 19$/m);
		term.press('N');
		await term.waitFor(/search .* 9\/10/);
		await term.waitFor(/^>\s*num 18$/m);
		term.press('n');
		term.press('n');
		await term.waitFor(/search .* 1\/10/);
		await term.waitFor(/^>\s*num 10$/m);
		term.press('Escape');
		await term.waitFor(s => !s.includes('search /num'));
	});

	it('a bad regex is a message, not a crash', async () => {
		term.press('/');
		term.type('/num (/');
		term.press('Enter');
		await term.waitFor('bad regex /num (/');
		term.press('Escape');
		await term.waitFor(s => !s.includes('bad regex'));
		expect(term.exitCode()).toBeUndefined();
	});

	it('F filters to matching lines only, and an empty filter shows all again', async () => {
		term.press('F');
		term.type('/num [0-9]*7$/');
		term.press('Enter');
		const filtered = await term.waitFor(s => s.includes('filter /num') && numbers(s).length >= 3);
		for (const line of numbers(filtered)) {
			expect(line).toMatch(/num \d*7$/);
		}

		term.press('F');
		term.press('C-u');
		term.press('Enter');
		await term.waitFor(s => !s.includes('filter /num') && numbers(s).some(l => !/7$/.test(l)));
	});

	it('Ctrl+S saves exactly the lines of the buffer to a file and says where', async () => {
		term.press('g');
		await term.waitFor('[paused');
		term.press('C-s');
		const screen = await term.waitFor(/saved \d+ lines to \S+/);
		const [, count, file] = /saved (\d+) lines to (\S+\.log)/.exec(screen)!;
		expect(path.dirname(file!)).toBe(saveDir);
		const saved = readFileSync(file!, 'utf8').split('\n').slice(0, -1);
		expect(saved).toHaveLength(Number(count));
		// From the first line the container wrote (stdout and stderr were written a moment apart).
		expect(new Set(saved.slice(0, 3))).toEqual(new Set(['boot', 'oops-on-stderr', 'num 0']));
		const nums = saved.filter(l => l.startsWith('num ')).map(l => Number(l.slice(4)));
		// Consecutive, as the container wrote them.
		expect(nums).toEqual(nums.map((_, i) => nums[0]! + i));
		// And the same lines the Engine itself has.
		const engineLog = (await docker.getContainer(name('count')).logs({stdout: true, stderr: false, follow: false})).toString('latin1');
		for (const n of nums.slice(0, 20)) {
			expect(engineLog).toContain(`num ${n}\n`);
		}

		term.press('f');
		await term.waitFor('[following]');
	});

	it('when the container stops the pane says so and keeps the lines; a restart re-attaches', async () => {
		const container = docker.getContainer(name('count'));
		await container.stop({t: 2});
		const stopped = await term.waitFor('container stopped', 15_000);
		expect(numbers(stopped).length).toBeGreaterThan(5);
		await container.start();
		await term.waitFor(s => !s.includes('container stopped'), 15_000);
		// Only the lines since the last one shown: the second start's "boot" arrives, nothing twice.
		term.press('F');
		term.type('boot');
		term.press('Enter');
		await term.waitFor(s => s.split('\n').filter(l => /^\s+boot$/.test(l)).length === 2, 15_000);
		term.press('F');
		term.press('C-u');
		term.press('Enter');
		await term.waitFor(s => !s.includes('filter boot'));
	});

	it('t toggles timestamps, w toggles wrap, c clears', async () => {
		term.press('t');
		await term.waitFor(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} num \d+/);
		term.press('t');
		await term.waitFor(s => !/\d\d:\d\d:\d\d\.\d{3} num/.test(s));
		// Wrap is on at first: the wide line goes on onto the next row, its end in view.
		const wide = /wide-0+/;
		await term.waitFor(s => wide.test(s) && s.includes('0-end'));
		term.press('w');
		// Off: the wide line is cut at the edge, and no end shows anywhere.
		await term.waitFor(s => wide.test(s) && !s.includes('-end'));
		term.press('w');
		await term.waitFor(s => wide.test(s) && s.includes('0-end'));
		term.press('c');
		await term.waitFor(s => !s.includes('boot') && !s.includes('oops-on-stderr'));
		expect(term.exitCode()).toBeUndefined();
	});

	it('Esc goes back to the list; i, t and S show the right container', async () => {
		term.press('Escape');
		await term.waitFor(s => !s.includes('Logs:') && s.includes('NAME'));
		const id = (await docker.getContainer(name('count')).inspect()).Id;
		term.press('i');
		const inspect = await term.waitFor(s => s.includes(`Inspect: ${name('count')}`) && s.includes('Labels:'));
		expect(inspect).toMatch(/Image\s+tsdtop-test\/busybox:latest/);
		expect(inspect).toContain(id);
		expect(inspect).toMatch(/Labels:\n\s+tsdtop\.test=/);
		await term.escape(s => !s.includes('Inspect:'));
		term.press('t');
		const top = await term.waitFor(s => s.includes(`Top (every 2 s): ${name('count')}`) && /PID/.test(s) && s.includes('sleep 0.1'));
		expect(top).toContain('sh -c echo boot');
		await term.escape(s => !s.includes('Top (every'));
		term.press('S');
		await term.waitFor(s => s.includes(`Stats: ${name('count')}`) && /Memory\s+\S+ \/ \S+/.test(s) && /PIDs\s+\d+/.test(s), 15_000);
		term.press('Escape');
		await term.waitFor(s => !s.includes('Stats:') && s.includes('NAME'));
	});
});

describe('hostile output and the side-by-side layout', () => {
	let wide: Terminal;

	afterAll(() => {
		wide?.close();
	});

	it('escape sequences from a container leave the screen, title and clipboard alone', async () => {
		const script = String.raw`printf 'start-marker\n'; printf '\033[2J\033[H\033]0;pwned-title\007\033[?1049l\033]52;c;cHduZWQ=\007\033[?25l\033[31mred-text\033[0m\n'; printf 'end-marker\n'; trap "exit 0" TERM; while :; do sleep 1; done`;
		await createTestContainer(name('evil'), {cmd: ['sh', '-c', script]});
		await createTestContainer(name('quiet'), {cmd: ['sh', '-c', 'echo quiet-line; trap "exit 0" TERM; while :; do sleep 1; done']});
		wide = new Terminal({columns: 150, rows: 30});
		await openLogs(wide, name('evil'));
		const screen = await wide.waitFor('end-marker');
		// The header is still on the first row: nothing cleared the screen or moved the cursor.
		expect(screen.split('\n')[0]).toMatch(/^tsdtop /);
		expect(screen).toContain('red-text');
		expect(wide.paneTitle()).not.toContain('pwned');
		// OSC 52 would have set tmux's clipboard (set-clipboard is on in the test tmux).
		expect(wide.clipboard()).not.toContain('pwned');
		expect(wide.alternateScreen()).toBe(true);
		// The colour is kept: SGR is the one sequence allowed through.
		// eslint-disable-next-line no-control-regex
		expect(wide.screenWithAttributes()).toMatch(/\u001B\[31mred-text/);
	});

	it('at 150 columns the list and the logs stand side by side and the log follows the selection', async () => {
		await wide.escape(s => !s.includes('Logs:'));
		// Esc again clears the list's filter, so that both containers of this test show.
		await wide.escape(s => !s.includes('filter: '));
		await wide.filterTo(p);
		await wide.waitFor(s => s.includes(name('evil')) && s.includes(name('quiet')));
		// A new filter selects its first match (the counter, issue 12 item 6): back onto evil, next to quiet.
		await wide.select(name('evil'));
		wide.press('l');
		const first = await wide.waitFor(/Logs: \S+/);
		const row = first.split('\n').find(l => l.includes('Logs:'))!;
		// The list is still there, to the left of the log.
		expect(row.indexOf('Logs:')).toBeGreaterThan(40);
		expect(first).toMatch(/NAME\s+STATE/);
		// Tab gives the keys back to the list; j moves and the log follows.
		wide.press('Tab');
		const showing = /Logs: (\S+)/.exec(row)![1]!;
		wide.press(showing === name('evil') ? 'j' : 'k');
		const other = showing === name('evil') ? name('quiet') : name('evil');
		await wide.waitFor(`Logs: ${other}`);
		await wide.waitFor(other === name('quiet') ? 'quiet-line' : 'end-marker');
	});
});

describe('the Engine agrees', () => {
	it('tsdtop only read: the counter container is still running, restarted only by this file', async () => {
		const {State, RestartCount} = await docker.getContainer(name('count')).inspect();
		expect(State.Running).toBe(true);
		expect(State.Paused).toBe(false);
		expect(RestartCount).toBe(0);
	});
});

// Issue 12: a line over 16 KiB reaches tsdtop in parts, each with a timestamp in front (timestamps=true):
// a 1 MB line showed one every 16 KiB, with t off and in a saved file.
describe('a 1 MB line', () => {
	it.each([false, true])('tty %s: shows no timestamp inside it, and Ctrl+S saves it exactly', async tty => {
		const container = name(`long-${String(tty)}`);
		await createTestContainer(container, {tty, cmd: ['sh', '-c', String.raw`echo start; head -c 1000000 /dev/zero | tr '\0' A; echo; echo end; trap "exit 0" TERM; while :; do sleep 1; done`]});
		const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-logs-long-'));
		const t = new Terminal({columns: 100, rows: 30, command: `cd '${dir}' && node '${binary}'`});
		try {
			await openLogs(t, container);
			await t.waitFor(/^\s*end\s*$/m, 15_000);
			// Search the whole buffer for a timestamp: none is left in any line's text.
			t.press('/');
			t.type(String.raw`/\d{4}-\d\d-\d\dT\d\d:/`);
			t.press('Enter');
			const searched = await t.waitFor(/search \S+ [-\d]+\/\d+/);
			expect(/search \S+ [-\d]+\/(\d+)/.exec(searched)![1]).toBe('0');
			expect(searched).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
			t.press('C-s');
			const screen = await t.waitFor(/saved \d+ lines to \S+/);
			const count = /saved (\d+) lines/.exec(screen)![1];
			// The status line may be cut at the screen's edge: the file is the one in the folder.
			const file = path.join(dir, readdirSync(dir).find(f => f.endsWith('.log'))!);
			const saved = readFileSync(file, 'utf8').split('\n').slice(0, -1).map(line => line.replace(/\r$/, ''));
			expect(saved).toHaveLength(3);
			expect(count).toBe('3');
			expect(saved[0]).toBe('start');
			expect(saved[1]!.length).toBe(1_000_000);
			expect(saved[1]).toMatch(/^A+$/);
			expect(saved[2]).toBe('end');
		} finally {
			t.close();
		}
	}, 60_000);
});

