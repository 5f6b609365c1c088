import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import http from 'node:http';
import type {Socket} from 'node:net';
import {Duplex} from 'node:stream';
import {describeSshFailure, dialArgs, type SshTarget} from './ssh-args.js';
import {SshError} from './ssh-master.js';

/** The control socket of the index-th shared connection, logging it in if need be. */
export type Masters = (index: number) => Promise<string>;

/**
 * sshd allows MaxSessions channels on one connection, 10 unless its admin says otherwise (the
 * master itself, started with -N, uses none), and tsdtop opens one per stream (events, each visible
 * row's stats, logs) plus the idle ones kept for the next calls. A connection carries at most this
 * many; the next channels go to a second shared connection. (Past a lower MaxSessions, ssh
 * itself opens a connection of its own for each refused channel: slower, but it works.)
 */
const channelsPerConnection = 10;

/**
 * An http.Agent whose connections are `docker system dial-stdio` channels on the shared connection.
 * keepAlive reuses an idle channel for the next call, so most calls cost one round trip.
 */
export class ChannelAgent extends http.Agent {
	/** Open channels on each shared connection. */
	private readonly channels: number[] = [];

	constructor(private readonly target: SshTarget, private readonly masters: Masters, private readonly where: string) {
		// Idle channels hold a session on the server and a dial-stdio process there: keep a few for the
		// next calls, and close the rest (a burst of calls at start-up leaves many) after a while.
		super({keepAlive: true, scheduling: 'lifo', maxFreeSockets: 6, timeout: 30_000});
	}

	override createConnection(): Duplex {
		let index = 0;
		while ((this.channels[index] ?? 0) >= channelsPerConnection) {
			index++;
		}

		this.channels[index] = (this.channels[index] ?? 0) + 1;
		return new ChannelSocket(async () => spawn('ssh', dialArgs(this.target, await this.masters(index)), {stdio: 'pipe'}), this.where, () => {
			this.channels[index]!--;
		});
	}
}

/**
 * A channel's stdin and stdout as the socket node:http expects (with the few net.Socket methods it
 * calls). ssh's stderr is kept, never shown: when the channel fails before any answer, it becomes the
 * error's message. Writes wait while a second shared connection logs in.
 */
class ChannelSocket extends Duplex {
	private child: ChildProcessWithoutNullStreams | undefined;
	private answered = false;
	/** Written before the channel's process was there. */
	private waiting: Buffer[] = [];
	private ended = false;
	private gone = false;
	private idleMs = 0;
	private idleTimer: NodeJS.Timeout | undefined;
	private unrefed = false;

	constructor(open: () => Promise<ChildProcessWithoutNullStreams>, private readonly where: string, private readonly onGone: () => void) {
		super();
		open().then(child => {
			if (this.destroyed) {
				child.kill();
			} else {
				this.attach(child);
			}
		}, (error: unknown) => {
			this.destroy(error as Error);
		});
	}

	override _read(): void {
		this.child?.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.touch();
		if (this.child) {
			// A write to a channel that has just closed fails with EPIPE: the close handler says why.
			this.child.stdin.write(chunk, () => {
				callback();
			});
		} else {
			this.waiting.push(chunk);
			callback();
		}
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.ended = true;
		this.child?.stdin.end();
		callback();
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		clearTimeout(this.idleTimer);
		this.leave();
		if (this.child) {
			this.child.stdin.destroy();
			this.child.stdout.destroy();
			this.child.kill();
		}

		callback(error);
	}

	// net.Socket's API as node:http uses it: timeouts, keep-alive and ref counting.
	setTimeout(ms: number, callback?: () => void): this {
		this.idleMs = ms;
		// As net.Socket: 0 turns the timeout off and takes the callback away (node:http relies on it).
		if (callback && ms === 0) {
			this.removeListener('timeout', callback);
		} else if (callback) {
			this.once('timeout', callback);
		}

		this.touch();
		return this;
	}

	setNoDelay(): this {
		return this;
	}

	setKeepAlive(): this {
		return this;
	}

	/** An idle channel in the agent's pool must not keep the process alive. */
	unref(): this {
		this.unrefed = true;
		this.refChild();
		this.idleTimer?.unref();
		return this;
	}

	ref(): this {
		this.unrefed = false;
		this.refChild();
		return this;
	}

	private attach(child: ChildProcessWithoutNullStreams): void {
		this.child = child;
		let stderr = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			// The first few KB say what went wrong; the rest would only grow memory.
			if (stderr.length < 4096) {
				stderr += chunk;
			}
		});
		child.stdout.on('data', (chunk: Buffer) => {
			this.answered = true;
			this.touch();
			if (!this.push(chunk)) {
				child.stdout.pause();
			}
		});
		child.stdin.on('error', () => undefined);
		child.once('error', error => {
			this.destroy(new SshError(`${this.where}: ${error.message}`));
		});
		child.once('close', code => {
			this.leave();
			if (this.destroyed) {
				return;
			}

			if (this.answered || code === 0) {
				// A closed channel is a closed socket: it must leave the agent's pool of idle sockets at
				// once (a lost connection would otherwise leave dead ones there), once its last bytes are read.
				this.push(null);
				if (this.readableLength === 0) {
					this.destroy();
				} else {
					this.once('end', () => this.destroy());
				}
			} else {
				this.destroy(new SshError(describeSshFailure(stderr, this.where, code)));
			}
		});
		for (const chunk of this.waiting.splice(0)) {
			child.stdin.write(chunk);
		}

		if (this.ended) {
			child.stdin.end();
		}

		this.refChild();
	}

	// With stdio 'pipe' the child's streams are net.Sockets over pipes, which hold the event loop.
	private refChild(): void {
		if (!this.child) {
			return;
		}

		const pipes = [this.child.stdin, this.child.stdout, this.child.stderr] as unknown[] as Socket[];
		for (const pipe of pipes) {
			if (this.unrefed) {
				pipe.unref();
			} else {
				pipe.ref();
			}
		}

		if (this.unrefed) {
			this.child.unref();
		} else {
			this.child.ref();
		}
	}

	private leave(): void {
		if (!this.gone) {
			this.gone = true;
			this.onGone();
		}
	}

	private touch(): void {
		clearTimeout(this.idleTimer);
		if (this.idleMs > 0) {
			this.idleTimer = setTimeout(() => this.emit('timeout'), this.idleMs);
			if (this.unrefed) {
				this.idleTimer.unref();
			}
		}
	}
}
