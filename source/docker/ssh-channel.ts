import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import http from 'node:http';
import type {Socket} from 'node:net';
import {Duplex} from 'node:stream';
import {describeSshFailure, dialArgs, type SshTarget} from './ssh-args.js';
import {SshError} from './ssh-master.js';

/** The control socket of the index-th shared connection, logging it in if need be; undefined past the last. */
export type Masters = (index: number) => Promise<string | undefined>;

const refused = /Session open refused by peer|administratively prohibited/;

/**
 * An http.Agent whose connections are `docker system dial-stdio` channels on the shared connection.
 * keepAlive reuses an idle channel for the next call, so most calls cost one round trip.
 */
export class ChannelAgent extends http.Agent {
	constructor(private readonly target: SshTarget, private readonly masters: Masters, private readonly where: string) {
		super({keepAlive: true, scheduling: 'lifo'});
	}

	override createConnection(): Duplex {
		return new ChannelSocket(async index => {
			const controlPath = await this.masters(index);
			return controlPath ? spawn('ssh', dialArgs(this.target, controlPath), {stdio: 'pipe'}) : undefined;
		}, this.where);
	}
}

/**
 * A channel's stdin and stdout as the socket node:http expects (with the few net.Socket methods it
 * calls). ssh's stderr is kept, never shown: when the channel fails before any answer, it becomes the
 * error's message. What was written before the first answer is kept too, so that a channel the server
 * refuses (MaxSessions) is opened again on the next connection and the request sent there.
 */
class ChannelSocket extends Duplex {
	private child: ChildProcessWithoutNullStreams | undefined;
	private level = 0;
	private answered = false;
	/** Everything written until the first answer, to send again on another connection. */
	private sent: Buffer[] = [];
	private ended = false;
	private idleMs = 0;
	private idleTimer: NodeJS.Timeout | undefined;
	private unrefed = false;

	constructor(private readonly open: (level: number) => Promise<ChildProcessWithoutNullStreams | undefined>, private readonly where: string) {
		super();
		this.start(undefined);
	}

	override _read(): void {
		this.child?.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.touch();
		if (!this.answered) {
			this.sent.push(chunk);
		}

		// A write to a channel that has just closed fails with EPIPE: the close handler says why.
		this.child?.stdin.write(chunk, () => {
			callback();
		});
		if (!this.child) {
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
		if (callback) {
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

	private start(previous: string | undefined): void {
		this.open(this.level).then(child => {
			if (this.destroyed) {
				child?.kill();
				return;
			}

			if (!child) {
				this.destroy(new SshError(describeSshFailure(previous ?? '', this.where)));
				return;
			}

			this.attach(child);
		}, (error: unknown) => {
			this.destroy(error as Error);
		});
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
			this.sent = [];
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
			if (this.destroyed || this.child !== child) {
				return;
			}

			if (this.answered || code === 0) {
				this.push(null);
			} else if (refused.test(stderr)) {
				// This connection is full: the next one (logged in now if need be) carries the channel.
				this.level++;
				this.child = undefined;
				this.start(stderr);
			} else {
				this.destroy(new SshError(describeSshFailure(stderr, this.where, code)));
			}
		});
		for (const chunk of this.sent) {
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
