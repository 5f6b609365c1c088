import {spawn, spawnSync} from 'node:child_process';
import {closeSync, openSync, readFileSync} from 'node:fs';
import {describeSshFailure, exitArgs, masterArgs, type SshTarget} from './ssh-args.js';

/** A login or channel that failed; the message is one line for the person (see describeSshFailure). */
export class SshError extends Error {
	readonly code = 'ESSH';
}

// Longer than ConnectTimeout: a ProxyJump or a slow login may take a while, but never forever.
const loginTimeoutMs = 25_000;

/**
 * Logs in and leaves a ControlMaster on controlPath; resolves once the connection is up, rejects
 * with an SshError naming what went wrong (unknown host key, refused login, no such host...).
 */
export async function startMaster(target: SshTarget, controlPath: string, where: string): Promise<void> {
	// ssh -f keeps stderr open in the background master: a file, not a pipe, so nothing waits on it
	// and nothing it prints later reaches the terminal.
	const errorFile = `${controlPath}.err`;
	const errorFd = openSync(errorFile, 'w', 0o600);
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
	} finally {
		closeSync(errorFd);
	}
}

/** Asks the master to close its connection; synchronous, so it can run while the process exits. */
export function stopMaster(target: SshTarget, controlPath: string): void {
	spawnSync('ssh', exitArgs(target, controlPath), {stdio: 'ignore', timeout: 3000});
}
