import {type ChildProcessWithoutNullStreams, spawn, spawnSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs';
import http from 'node:http';
import type {Socket} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Duplex} from 'node:stream';
import type {Connection} from './connection.js';
import {describeSshFailure, dialArgs, exitArgs, masterArgs, type SshTarget} from './ssh-args.js';

/** A login or channel that failed; the message is one line for the person (see describeSshFailure). */
export class SshError extends Error {
	readonly code = 'ESSH';
}

/** The shared SSH connection: an http.Agent whose sockets are channels on it, and a way to close it. */
export type SshTunnel = {
	readonly agent: http.Agent;
	/** Closes the connection and removes the control socket's folder. Synchronous, so it can run on 'exit'. */
	close(): void;
};

// Longer than ConnectTimeout: a ProxyJump or a slow login may take a while, but never forever.
const loginTimeoutMs = 25_000;

/**
 * Logs in to an ssh:// Engine and returns the connection with its agent; the SSH connection closes
 * when the process exits, however it exits. Rejects with an SshError whose message is for the person.
 */
export async function connectOverSsh(connection: Connection): Promise<Connection> {
	if (!connection.ssh) {
		return connection;
	}

	const tunnel = await openTunnel(connection.ssh, connection.label);
	process.once('exit', () => {
		tunnel.close();
	});
	return {...connection, options: {...connection.options, agent: tunnel.agent}};
}

/**
 * Logs in once (ControlMaster) and resolves when the connection is up; rejects with an SshError
 * naming what went wrong (unknown host key, refused login, no such host...). The control socket
 * lives in a private folder (mkdtemp makes it 0700), so no other user can ride the connection.
 */
export async function openTunnel(target: SshTarget, where: string): Promise<SshTunnel> {
	// sun_path holds 108 bytes: a long TMPDIR would make the socket path fail, so fall back to /tmp.
	const base = tmpdir().length > 60 ? '/tmp' : tmpdir();
	const dir = mkdtempSync(path.join(base, 'tsdtop-ssh-'));
	const controlPath = path.join(dir, 'control');
	// ssh -f keeps stderr open in the background master: a file, not a pipe, so nothing waits on it
	// and nothing it prints later reaches the terminal.
	const errorFile = path.join(dir, 'master.err');
	const errorFd = openSync(errorFile, 'w');
	let closed = false;
	const close = () => {
		if (closed) {
			return;
		}

		closed = true;
		spawnSync('ssh', exitArgs(target, controlPath), {stdio: 'ignore', timeout: 3000});
		rmSync(dir, {recursive: true, force: true});
	};

	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			const child = spawn('ssh', masterArgs(target, controlPath), {stdio: ['ignore', 'ignore', errorFd]});
			const timer = setTimeout(() => {
				child.kill();
				reject(new SshError(`${where}: the SSH login did not finish within ${loginTimeoutMs / 1000} s`));
			}, loginTimeoutMs);
			child.once('error', error => {
				clearTimeout(timer);
				reject(new SshError((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${where}: needs the OpenSSH client (ssh) in PATH` : `${where}: ${error.message}`));
			});
			child.once('exit', code => {
				clearTimeout(timer);
				resolve(code);
			});
		});
		if (code !== 0) {
			throw new SshError(describeSshFailure(readFileSync(errorFile, 'utf8'), where, code));
		}
	} catch (error) {
		close();
		throw error;
	} finally {
		closeSync(errorFd);
	}

	const agent = new ChannelAgent(target, controlPath, where);
	return {
		agent,
		close() {
			agent.destroy();
			close();
		},
	};
}

/**
 * An http.Agent whose connections are `docker system dial-stdio` channels on the shared connection.
 * keepAlive reuses an idle channel for the next call, so most calls cost one round trip.
 */
class ChannelAgent extends http.Agent {
	constructor(private readonly target: SshTarget, private readonly controlPath: string, private readonly where: string) {
		super({keepAlive: true, scheduling: 'lifo'});
	}

	override createConnection(): Duplex {
		return new ChannelSocket(spawn('ssh', dialArgs(this.target, this.controlPath), {stdio: 'pipe'}), this.where);
	}
}

/**
 * A channel's stdin and stdout as the socket node:http expects (with the few net.Socket methods it
 * calls). ssh's stderr is kept, never shown: when the channel fails before any answer, it becomes
 * the error's message.
 */
class ChannelSocket extends Duplex {
	private stderr = '';
	private answered = false;
	private idleMs = 0;
	private idleTimer: NodeJS.Timeout | undefined;

	constructor(private readonly child: ChildProcessWithoutNullStreams, where: string) {
		super();
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			// The first few KB say what went wrong; the rest would only grow memory.
			if (this.stderr.length < 4096) {
				this.stderr += chunk;
			}
		});
		child.stdout.on('data', (chunk: Buffer) => {
			this.answered = true;
			this.touch();
			if (!this.push(chunk)) {
				child.stdout.pause();
			}
		});
		child.stdout.on('end', () => {
			this.push(null);
		});
		// A channel that closes early (the person quit) must not raise EPIPE anywhere.
		child.stdin.on('error', () => undefined);
		child.once('error', error => {
			this.destroy(new SshError(`${where}: ${error.message}`));
		});
		child.once('close', code => {
			if (code !== 0 && !this.answered && !this.destroyed) {
				this.destroy(new SshError(describeSshFailure(this.stderr, where, code)));
			}
		});
	}

	override _read(): void {
		this.child.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.touch();
		this.child.stdin.write(chunk, callback);
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.child.stdin.end(callback);
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		clearTimeout(this.idleTimer);
		this.child.stdin.destroy();
		this.child.stdout.destroy();
		this.child.kill();
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
		this.child.unref();
		for (const pipe of this.pipes()) {
			pipe.unref();
		}

		this.idleTimer?.unref();
		return this;
	}

	ref(): this {
		this.child.ref();
		for (const pipe of this.pipes()) {
			pipe.ref();
		}

		return this;
	}

	// With stdio 'pipe' the child's streams are net.Sockets over pipes, which hold the event loop.
	private pipes(): Socket[] {
		return [this.child.stdin, this.child.stdout, this.child.stderr] as unknown[] as Socket[];
	}

	private touch(): void {
		clearTimeout(this.idleTimer);
		if (this.idleMs > 0) {
			this.idleTimer = setTimeout(() => this.emit('timeout'), this.idleMs);
		}
	}
}
