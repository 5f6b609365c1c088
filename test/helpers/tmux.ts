import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {expect} from 'vitest';
import {engineHost} from './engine-paths.js';
import {tmuxSocket} from './tmux-socket.js';

/** A line drawn inverse from its start: the selected row. */
// eslint-disable-next-line no-control-regex
const selectedPattern = /^(?:\u001B\[[\d;]*m)*\u001B\[(?:\d+;)*7m/;

function toCheck(check: string | RegExp | ((screen: string) => boolean)): (screen: string) => boolean {
	return typeof check === 'function' ? check : (s: string) => (typeof check === 'string' ? s.includes(check) : check.test(s));
}
export const binary = path.resolve('dist/tsdtop.js');

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', tmuxSocket, ...args], {encoding: 'utf8'});
}

export type TerminalOptions = {
	readonly args?: readonly string[];
	readonly env?: Readonly<Record<string, string>>;
	readonly columns?: number;
	readonly rows?: number;
	/** The command to run instead of tsdtop (used to check the shell after tsdtop quits). */
	readonly command?: string;
};

/**
 * tsdtop running in a real terminal: tmux with send-keys to type and capture-pane to read the screen.
 * When tsdtop exits, the pane runs a shell, so the tests can see the terminal it left behind.
 */
export class Terminal {
	readonly name = `t${randomBytes(4).toString('hex')}`;
	readonly dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-e2e-'));
	readonly exitFile = path.join(this.dir, 'exit-code');

	/** This terminal's own HOME and XDG folders: no person's config, state or docker contexts come in or are changed. */
	readonly home = sandboxHome(this.dir);

	constructor(options: TerminalOptions = {}) {
		const env = {DOCKER_HOST: engineHost, TERM: 'xterm-256color', ...this.home, ...options.env};
		const exports = Object.entries(env).map(([k, v]) => `export ${k}=${shellQuote(v)}`).join('; ');
		const args = (options.args ?? []).map(a => shellQuote(a)).join(' ');
		const command = options.command ?? `node ${shellQuote(binary)} ${args}`;
		const script = path.join(this.dir, 'run.sh');
		// The pane keeps a shell after tsdtop so the terminal state it leaves can be checked.
		// A person's DOCKER_CONFIG, DOCKER_CONTEXT or TSDTOP_CONFIG (in tmux's environment) must not reach tsdtop either.
		writeFileSync(script, `unset DOCKER_CONFIG DOCKER_CONTEXT TSDTOP_CONFIG\n${exports}\n${command}\necho $? > ${shellQuote(this.exitFile)}\nexec sh\n`);
		const newSession = () => tmux('new-session', '-d', '-s', this.name, '-x', String(options.columns ?? 120), '-y', String(options.rows ?? 40), `bash ${shellQuote(script)}`);
		try {
			newSession();
		} catch (error) {
			// The server was exiting as its last session closed (before exit-empty was off): a new one starts.
			if (!String((error as {stderr?: string}).stderr).includes('server exited unexpectedly')) {
				throw error;
			}

			newSession();
		}

		// The server stays up between sessions (closing the last one would race with the next new-session);
		// globalSetup's teardown kills it.
		tmux('set-option', '-s', 'exit-empty', 'off');
		tmux('set-option', '-t', this.name, 'remain-on-exit', 'on');
		// tmux keeps what a program sends with OSC 52 as a paste buffer: clipboard() can then tell.
		tmux('set-option', '-s', 'set-clipboard', 'on');
	}

	/** The screen as text, one string per line. */
	screen(): string {
		return tmux('capture-pane', '-p', '-t', this.name);
	}

	/** The screen with SGR attributes, to tell which row is selected (inverse). */
	screenWithAttributes(): string {
		return tmux('capture-pane', '-p', '-e', '-t', this.name);
	}

	/** Keys as tmux names them: 'j', 'Enter', 'Escape', 'Space', 'C-c', 'BTab', 'PageDown'. */
	press(...keys: string[]): void {
		for (const key of keys) {
			tmux('send-keys', '-t', this.name, key);
		}
	}

	/** Several keys in one send-keys, so they reach the program in one write, as fast typing can. */
	pressTogether(...keys: string[]): void {
		tmux('send-keys', '-t', this.name, ...keys);
	}

	/** Literal text, as typed. */
	type(text: string): void {
		tmux('send-keys', '-t', this.name, '-l', text);
	}

	/** Types a filter as a person would, so the screen shows only one test's containers. */
	async filterTo(text: string): Promise<void> {
		await this.waitFor(/\d+ running, \d+ stopped, \d+ total/);
		this.press('/');
		this.type(text);
		this.press('Enter');
		await this.waitFor(`filter: ${text}`);
	}

	resize(columns: number, rows: number): void {
		tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
	}

	async waitFor(check: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
		const test = toCheck(check);
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		for (;;) {
			screen = this.screen();
			if (test(screen)) {
				return screen;
			}

			if (Date.now() > deadline) {
				throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(check)}; the screen was:\n${screen}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 50);
			});
		}
	}

	/** The line drawn inverse from its start (the selected row), escapes stripped; undefined when none is. */
	selectedLine(): string | undefined {
		const line = this.screenWithAttributes().split('\n').find(l => selectedPattern.test(l));
		return line === undefined ? undefined : stripVTControlCharacters(line);
	}

	/**
	 * Moves the selection onto the row that contains `text`: reads where the selection and that row
	 * are, presses j or k as many times as rows lie between, and waits until that row is drawn selected.
	 * If a row came or went meanwhile, it reads the screen again and corrects. Throws if it never gets there.
	 */
	async select(text: string, timeoutMs = 15_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!this.isSelected(text)) {
			if (Date.now() > deadline) {
				throw new Error(`row ${text} never selected; screen:\n${this.screen()}`);
			}

			const lines = this.screenWithAttributes().split('\n');
			const target = lines.findIndex(l => l.includes(text));
			const selected = lines.findIndex(l => selectedPattern.test(l));
			if (target === -1 || selected === -1) {
				// The row or the selection is not drawn yet.
				// eslint-disable-next-line no-await-in-loop
				await this.waitFor(() => this.screenWithAttributes().split('\n').some(l => l.includes(text)) && this.selectedLine() !== undefined, Math.max(0, deadline - Date.now())).catch(() => undefined);
				continue;
			}

			for (let i = 0; i < Math.abs(target - selected); i++) {
				this.press(target > selected ? 'j' : 'k');
			}

			// eslint-disable-next-line no-await-in-loop
			await this.waitFor(() => this.isSelected(text), Math.min(3000, Math.max(0, deadline - Date.now()))).catch(() => undefined);
		}
	}

	/**
	 * Presses Escape and waits until the screen shows it was read (it changed, and `check` holds when
	 * given), so that the next key is not sent while the Escape may still be on its way.
	 */
	async escape(check?: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
		const before = this.screen();
		const test = toCheck(check ?? (() => true));
		this.press('Escape');
		return this.waitFor(s => s !== before && test(s), timeoutMs);
	}

	/**
	 * For a check that something did NOT happen: presses `key`, which must draw `shown`, and waits
	 * for it. Keys are read in order, so every key pressed before the marker has been handled by then.
	 */
	async marker(key: string, shown: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
		this.press(key);
		return this.waitFor(shown, timeoutMs);
	}

	/** The row whose line contains `text`, with its attributes: is it drawn inverse (selected)? */
	isSelected(text: string): boolean {
		const line = this.screenWithAttributes().split('\n').find(l => l.includes(text));
		// eslint-disable-next-line no-control-regex
		return line !== undefined && /\u001B\[(?:\d+;)*7m/.test(line.slice(0, line.indexOf(text)));
	}

	/** What programs in this tmux set the clipboard to (OSC 52), or '' when nothing did. */
	clipboard(): string {
		try {
			return tmux('show-buffer');
		} catch {
			return '';
		}
	}

	/** tmux's own view of the terminal modes the program left. */
	private flag(format: string): string {
		return tmux('display-message', '-p', '-t', this.name, format).trim();
	}

	cursorVisible(): boolean {
		return this.flag('#{cursor_flag}') === '1';
	}

	alternateScreen(): boolean {
		return this.flag('#{alternate_on}') === '1';
	}

	paneTitle(): string {
		return this.flag('#{pane_title}');
	}

	/** The pane's size as the program in it sees it (the window less tmux's status line). */
	paneSize(): {columns: number; rows: number} {
		const [columns, rows] = this.flag('#{pane_width} #{pane_height}').split(' ').map(Number);
		return {columns: columns!, rows: rows!};
	}

	/** tsdtop's exit code once it has quit, else undefined. */
	exitCode(): number | undefined {
		try {
			return Number(readFileSync(this.exitFile, 'utf8').trim());
		} catch {
			return undefined;
		}
	}

	/** Runs a command in the shell left in the pane after tsdtop quit, and returns its output file. */
	async shell(command: string): Promise<string> {
		const out = path.join(this.dir, `out-${randomBytes(2).toString('hex')}`);
		this.type(`${command} > ${out} 2>&1`);
		this.press('Enter');
		const deadline = Date.now() + 5000;
		for (;;) {
			try {
				const text = readFileSync(out, 'utf8');
				if (text) {
					return text;
				}
			} catch {}

			if (Date.now() > deadline) {
				throw new Error(`no output from "${command}"; the screen was:\n${this.screen()}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 50);
			});
		}
	}

	/** Ends the session and removes the terminal's folder (its HOME included). */
	close(): void {
		try {
			tmux('kill-session', '-t', this.name);
		} catch {}

		// The program may still be writing as it gets SIGHUP: retry, and never fail a test over cleanup.
		try {
			rmSync(this.dir, {recursive: true, force: true, maxRetries: 5});
		} catch {}
	}
}

/**
 * The list is drawn whole at the terminal's size: the header on row 0 (a line too long for the
 * terminal would wrap and scroll it away) and each named row on one line, its state right after its
 * name (not cut off or wrapped onto the next line). capture-pane never returns a line longer than
 * the pane, so checking line lengths proves nothing.
 */
export function expectWholeScreen(screen: string, rows: readonly string[]): void {
	const lines = screen.split('\n');
	expect(lines[0], `the header on row 0 of:\n${screen}`).toMatch(/^tsdtop /);
	for (const row of rows) {
		expect(lines.some(line => new RegExp(`^[* ]? *${row} +(running|exited|paused|created|restarting|dead) `).test(line)), `row ${row} whole in:\n${screen}`).toBe(true);
	}
}

/** XDG's four folders, each under a test's own HOME. */
export type SandboxHome = {
	readonly HOME: string;
	readonly XDG_CONFIG_HOME: string;
	readonly XDG_STATE_HOME: string;
	readonly XDG_CACHE_HOME: string;
	readonly XDG_DATA_HOME: string;
};

/**
 * A HOME with its XDG folders inside `dir`, for tsdtop started by a test: it then never reads a
 * person's config or docker contexts, nor writes their ~/.local/state/tsdtop/hosts.json. Open to
 * all, since some tests run tsdtop as a user of their own.
 */
export function sandboxHome(dir: string): SandboxHome {
	const home = path.join(dir, 'home');
	const folders = {
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_STATE_HOME: path.join(home, '.local', 'state'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
		XDG_DATA_HOME: path.join(home, '.local', 'share'),
	};
	chmodSync(dir, 0o755);
	for (const folder of Object.values(folders)) {
		mkdirSync(folder, {recursive: true, mode: 0o777});
		chmodSync(folder, 0o777);
	}

	chmodSync(path.join(home, '.local'), 0o777);
	return folders;
}

function shellQuote(value: string): string {
	return `'${value.replaceAll("'", "'\\''")}'`;
}

/** Opens terminals for one test file and closes them all after each test. */
export function terminalPool() {
	const open: Terminal[] = [];
	return {
		open(options?: TerminalOptions): Terminal {
			const term = new Terminal(options);
			open.push(term);
			return term;
		},
		closeAll(): void {
			for (const term of open.splice(0)) {
				term.close();
			}
		},
	};
}

/** What tsdtop must leave behind when it quits: cooked mode, echo on, cursor shown, normal screen. */
export async function terminalState(term: Terminal) {
	const stty = await term.shell('stty -a');
	return {
		cooked: /(^|\s)icanon(\s|$)/.test(stty),
		echo: /(^|\s)echo(\s|$)/.test(stty),
		cursorVisible: term.cursorVisible(),
		alternateScreen: term.alternateScreen(),
	};
}
