import {mkdtempSync, rmSync} from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Connection} from './connection.js';
import type {SshTarget} from './ssh-args.js';
import {ChannelAgent} from './ssh-channel.js';
import {startMaster, stopMaster} from './ssh-master.js';

export {SshError} from './ssh-master.js';

/** The shared SSH connection: an http.Agent whose sockets are channels on it, and a way to close it. */
export type SshTunnel = {
	readonly agent: http.Agent;
	/** Closes the connection(s) and removes the control sockets' folder. Synchronous, for 'exit'. */
	close(): void;
};

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

// Shared connections at most (see channelsPerConnection in ssh-channel.ts); past them, the last one
// takes every further channel and ssh copes with refusals itself.
const maxConnections = 4;

/**
 * Logs in once (ControlMaster) before anything else, so a refused login is a message, never a hang.
 * The control sockets live in a private folder (mkdtemp makes it 0700): no other user can ride them.
 */
export async function openTunnel(target: SshTarget, where: string): Promise<SshTunnel> {
	// sun_path holds 108 bytes: a long TMPDIR would make the socket path fail, so fall back to /tmp.
	const base = tmpdir().length > 60 ? '/tmp' : tmpdir();
	const dir = mkdtempSync(path.join(base, 'tsdtop-ssh-'));
	const controlPath = (index: number) => path.join(dir, `control${index}`);
	const masters: Array<Promise<string> | undefined> = [];
	let closed = false;
	const close = () => {
		if (closed) {
			return;
		}

		closed = true;
		for (const [index, master] of masters.entries()) {
			if (master) {
				stopMaster(target, controlPath(index));
			}
		}

		rmSync(dir, {recursive: true, force: true});
	};

	const up = new Set<number>();
	const master = async (wanted: number): Promise<string> => {
		const index = Math.min(wanted, maxConnections - 1);
		// A master that lost its connection (network gone, server restarted, killed) is gone: log in
		// again, rather than let ssh fall back to a login of its own for every channel.
		const current = masters[index];
		if (current && up.has(index) && !(await listening(controlPath(index))) && masters[index] === current) {
			up.delete(index);
			rmSync(controlPath(index), {force: true});
			masters[index] = undefined;
		}

		masters[index] ??= startMaster(target, controlPath(index), where).then(() => {
			up.add(index);
			return controlPath(index);
		});
		return masters[index]!.catch(error => {
			// A later channel may try again.
			masters[index] = undefined;
			throw error;
		});
	};

	try {
		await master(0);
	} catch (error) {
		close();
		throw error;
	}

	const agent = new ChannelAgent(target, master, where);
	return {
		agent,
		close() {
			agent.destroy();
			close();
		},
	};
}

/** True when something accepts connections on the unix socket (a live master on its control socket). */
async function listening(socketPath: string): Promise<boolean> {
	return new Promise(resolve => {
		const socket = net.connect(socketPath);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => {
			resolve(false);
		});
	});
}
