// A TUI running in a real pseudo-terminal (node-pty), with timestamps on every output chunk.
// Every wait has a timeout; every session is killed on the harness's way out, however it ends.
import {performance} from 'node:perf_hooks';
import pty from 'node-pty';
import {sandboxEnv} from './sandbox-env.js';
import {TerminalModel} from './terminal-model.js';

const live = new Set();
const syncClose = '\u001B[?2026l';
// The bench's containers: the row drawn in reverse video with one of these names is the selection.
const benchNames = /bench-\d{4}/g;
const keepRaw = 512 * 1024;

/** Strips terminal escape sequences (CSI, OSC, charset and keypad selections) from output. */
export function stripAnsi(text) {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[()][0-9A-Za-z]|\u001B[@-Z\\-_=>78]/g, '');
}

export class HarnessError extends Error {}

export class PtySession {
	constructor({file, args, env, cols = 120, rows = 40, cwd}) {
		this.rows = rows;
		this.raw = '';
		this.totalBytes = 0;
		this.lastDataAt = undefined;
		// Inside a synchronized update (DEC mode 2026: `ESC[?2026h` ... `ESC[?2026l`) the frame is not
		// finished: Ink may write the opening sequence on its own, and under load the body follows later.
		this.syncOpen = false;
		this.listeners = new Set();
		this.exited = undefined;
		this.spawnedAt = performance.now();
		// What the screen shows, fed with every chunk: keys are judged on it, not on the raw output.
		this.screen = new TerminalModel(cols, rows);
		this.pty = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, cwd, env: sandboxEnv(env)});
		this.pid = this.pty.pid;
		live.add(this);
		this.pty.onData(data => {
			const at = performance.now();
			const bytes = Buffer.byteLength(data);
			this.totalBytes += bytes;
			this.lastDataAt = at;
			const opened = data.lastIndexOf('\u001B[?2026h');
			const closed = data.lastIndexOf('\u001B[?2026l');
			if (opened !== closed) {
				this.syncOpen = opened > closed;
			}

			this.raw += data;
			if (this.raw.length > keepRaw * 2) {
				this.raw = this.raw.slice(-keepRaw);
			}

			// The selection as the screen shows it where the last synchronized update of this chunk
			// closed (a frame finished there, even if the next one opens in the same chunk).
			let closedSelection;
			let from = 0;
			for (let end = data.indexOf(syncClose); end !== -1; end = data.indexOf(syncClose, from)) {
				this.screen.write(data.slice(from, end + syncClose.length));
				from = end + syncClose.length;
				closedSelection = {name: this.screen.selected(benchNames)};
			}

			this.screen.write(data.slice(from));
			for (const listener of this.listeners) {
				listener(at, bytes, data, closedSelection);
			}
		});
		this.exitPromise = new Promise(resolve => {
			this.pty.onExit(event => {
				this.exited = event;
				live.delete(this);
				resolve(event);
			});
		});
	}

	write(text) {
		this.pty.write(text);
	}

	/** Resolves with the time (performance.now()) of the chunk after which `predicate(output)` holds. */
	waitForOutput(predicate, timeoutMs, what) {
		return new Promise((resolve, reject) => {
			const done = (error, at) => {
				clearTimeout(timer);
				this.listeners.delete(listener);
				if (error) {
					reject(error);
				} else {
					resolve(at);
				}
			};

			const listener = at => {
				if (predicate(this.raw)) {
					done(undefined, at);
				}
			};

			const timer = setTimeout(() => {
				done(new HarnessError(`timed out after ${timeoutMs} ms waiting for ${what}`));
			}, timeoutMs);
			this.exitPromise.then(event => done(new HarnessError(`the program exited (code ${event.exitCode}, signal ${event.signal}) while waiting for ${what}`)));
			this.listeners.add(listener);
			if (predicate(this.raw)) {
				done(undefined, performance.now());
			}
		});
	}

	/**
	 * Resolves once no output has arrived for `quietMs` and no synchronized update is open (true), or
	 * after `timeoutMs` regardless (false).
	 */
	waitQuiet(quietMs, timeoutMs) {
		return new Promise(resolve => {
			const deadline = performance.now() + timeoutMs;
			const check = () => {
				const now = performance.now();
				const since = this.lastDataAt === undefined ? Infinity : now - this.lastDataAt;
				if (since >= quietMs && !this.syncOpen) {
					resolve(true);
				} else if (now >= deadline) {
					resolve(false);
				} else {
					setTimeout(check, Math.min(Math.max(quietMs - since, 0) + 1, deadline - now));
				}
			};

			check();
		});
	}

	/**
	 * Writes `key` and times the answer:
	 * - `firstMs`: ms to the first output chunk after it (Ink may write the synchronized-update opener
	 *   `ESC[?2026h` on its own, before the frame is drawn: this is not the answer, kept to compare);
	 * - `frameMs`: ms to the finished frame that answers it: the chunk that closes a synchronized
	 *   update (`ESC[?2026l`), or, for output without one, the last chunk of the burst (before `quietMs`
	 *   of silence). With `answered(selectedName)` (the bench row the screen shows in reverse video
	 *   when the frame is finished), only a frame after which it holds counts (a stats
	 *   refresh landing first is not the answer); undefined if none came before `settleTimeoutMs`;
	 * - `settledMs`: ms to the last chunk before `quietMs` of silence outside a synchronized update,
	 *   and `bytes` in between.
	 * `firstMs` is undefined if nothing came within `firstTimeoutMs`.
	 */
	measureKey(key, {quietMs = 30, firstTimeoutMs = 1000, settleTimeoutMs = 3000, answered} = {}) {
		return new Promise(resolve => {
			let first;
			let last;
			let frame;
			let bytes = 0;
			let quietTimer;
			const keyAt = performance.now();
			const isAnswer = () => answered === undefined || answered(this.screen.selected(benchNames));
			const finish = settled => {
				clearTimeout(firstTimer);
				clearTimeout(settleTimer);
				clearTimeout(quietTimer);
				this.listeners.delete(listener);
				resolve({
					firstMs: first === undefined ? undefined : first - keyAt,
					frameMs: frame === undefined ? undefined : frame - keyAt,
					settledMs: last === undefined ? undefined : last - keyAt,
					bytes,
					settled,
					keyAt,
				});
			};

			const armQuiet = () => {
				quietTimer = setTimeout(() => {
					if (this.syncOpen) {
						armQuiet();
						return;
					}

					// The end of a burst is a finished frame too (a program, or an Ink, that writes no
					// synchronized update); the first frame end that answers wins.
					if (frame === undefined && isAnswer()) {
						frame = last;
					}

					// Not answered yet: keep listening (the answer may come after an unrelated frame).
					if (frame !== undefined) {
						finish(true);
					}
				}, quietMs);
			};

			const listener = (at, chunkBytes, data, closedSelection) => {
				first ??= at;
				last = at;
				bytes += chunkBytes;
				// A synchronized update closed in this chunk: a frame is finished here, even if the next
				// one opens in the same chunk. Judge the screen as it was at that close.
				if (frame === undefined && closedSelection !== undefined && (answered === undefined || answered(closedSelection.name))) {
					frame = at;
				}

				clearTimeout(quietTimer);
				armQuiet();
			};

			const firstTimer = setTimeout(() => {
				if (first === undefined) {
					finish(false);
				}
			}, firstTimeoutMs);
			const settleTimer = setTimeout(() => finish(false), settleTimeoutMs);
			this.listeners.add(listener);
			this.pty.write(key);
		});
	}

	/** The last screenful of output, escapes stripped: an approximation of what the screen showed. */
	lastScreen() {
		const raw = this.raw;
		// Start from the last full-screen clear or home-cursor, if any, to approximate the final frame.
		const marks = ['\u001B[2J', '\u001B[H', '\u001B[?1049h'].map(m => raw.lastIndexOf(m));
		const from = Math.max(...marks, 0);
		const lines = stripAnsi(raw.slice(from)).replace(/\r/g, '').split('\n');
		return lines.slice(-this.rows).join('\n');
	}

	/** Asks the program to quit with `quitKey`, then SIGTERM, then SIGKILL; resolves when it has exited. */
	async stop(quitKey = 'q') {
		const wait = ms => Promise.race([this.exitPromise, new Promise(resolve => {
			setTimeout(resolve, ms).unref();
		})]);
		if (this.exited) {
			return this.exited;
		}

		try {
			this.pty.write(quitKey);
		} catch {}

		await wait(2000);
		for (const signal of ['SIGTERM', 'SIGKILL']) {
			if (this.exited) {
				break;
			}

			try {
				this.pty.kill(signal);
			} catch {}

			// eslint-disable-next-line no-await-in-loop
			await wait(2000);
		}

		if (!this.exited) {
			throw new HarnessError(`process ${this.pid} did not exit after SIGKILL`);
		}

		return this.exited;
	}
}

/** Kills (SIGKILL) every session still running; safe to call from an 'exit' handler. */
export function killAll() {
	for (const session of live) {
		try {
			process.kill(session.pid, 'SIGKILL');
		} catch {}
	}
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		killAll();
		process.exit(128 + ({SIGINT: 2, SIGTERM: 15, SIGHUP: 1})[signal]);
	});
}
