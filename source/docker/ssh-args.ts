/**
 * The pure half of ssh:// Engines: the ssh(1) command lines and what ssh's stderr means.
 *
 * tsdtop runs the system OpenSSH client, as the docker CLI does, instead of a JavaScript SSH
 * library: the person's ~/.ssh/config (aliases, ProxyJump, IdentityFile), ssh-agent and
 * known_hosts then apply with nothing to re-implement. One ControlMaster connection carries every
 * channel, so an API call costs a channel on a live connection, not a new SSH handshake.
 */

/** Where ssh:// points: the host (or a ~/.ssh/config alias), and a user and port when the URL names them. */
export type SshTarget = {
	readonly host: string;
	readonly user?: string;
	readonly port?: number;
};

/** Seconds ssh waits for the TCP connection before it gives up (the docker CLI uses 30). */
export const connectTimeoutSeconds = 10;

/**
 * Options every ssh command gets. BatchMode: a password or host-key prompt must never take over the
 * UI's terminal; the login fails at once with a message instead. Anything the URL does not say
 * (user, port, key, proxy) comes from ~/.ssh/config, as with plain `ssh`.
 */
function common(target: SshTarget, controlPath: string): string[] {
	return [
		'-o', 'BatchMode=yes',
		'-o', `ConnectTimeout=${connectTimeoutSeconds}`,
		'-o', `ControlPath=${controlPath}`,
		...(target.user ? ['-l', target.user] : []),
		...(target.port ? ['-p', String(target.port)] : []),
	];
}

/**
 * Starts the shared connection: -f puts it in the background once logged in, so the exit code and
 * stderr of this command say whether the login worked. ControlPersist is a safety net: should
 * tsdtop die without `ssh -O exit`, the master leaves by itself once its last channel has closed.
 */
export function masterArgs(target: SshTarget, controlPath: string): string[] {
	return [...common(target, controlPath), '-o', 'ControlMaster=yes', '-o', 'ControlPersist=30', '-f', '-N', '--', target.host];
}

/**
 * One channel to the Engine over the shared connection: the far side's `docker system dial-stdio`
 * joins the channel to its Engine socket (its DOCKER_HOST or docker context), as the docker CLI's
 * own ssh:// support does. No TTY, no X11: the channel carries HTTP only.
 */
export function dialArgs(target: SshTarget, controlPath: string): string[] {
	return [...common(target, controlPath), '-o', 'ControlMaster=no', '-T', '-x', '--', target.host, 'docker', 'system', 'dial-stdio'];
}

/** Asks the master to close the connection. */
export function exitArgs(target: SshTarget, controlPath: string): string[] {
	return [...common(target, controlPath), '-O', 'exit', '--', target.host];
}

/** ssh's own chatter that says nothing about a failure. */
const noise = /^(?:Warning: Permanently added|Connection to \S+ closed\.?$|Shared connection to|Exit request sent|debug\d:)/;

/**
 * Turns what ssh (or the far side's shell or docker) printed into one line a person can act on.
 * `where` names the place, e.g. ssh://me@server.
 */
export function describeSshFailure(stderr: string, where: string, exitCode?: number | null): string {
	const text = stderr.replaceAll('\r', '');
	const has = (pattern: RegExp) => pattern.exec(text);
	let match: RegExpExecArray | null;
	if (has(/REMOTE HOST IDENTIFICATION HAS CHANGED/)) {
		return `${where}: the SSH host key has CHANGED since it was saved in known_hosts (a reinstalled server, or someone in between); check it, then fix known_hosts`;
	}

	if (has(/No \S+ host key is known for|Host key verification failed/)) {
		return `${where}: the SSH host key is not known: check it and accept it once with plain ssh (tsdtop never asks)`;
	}

	if ((match = has(/Permission denied \(([^)]*)\)/))) {
		return `${where}: SSH login refused (Permission denied, ${match[1]!}): check the key, ssh-agent or ~/.ssh/config; tsdtop cannot ask for a password`;
	}

	if ((match = has(/Could not resolve hostname ([^:\s]+)/))) {
		return `${where}: cannot resolve the host name ${match[1]!} (not in DNS, nor a Host in ~/.ssh/config)`;
	}

	if (has(/Connection refused/)) {
		return `${where}: SSH connection refused (is sshd running, on that port?)`;
	}

	if (has(/timed out|Connection timed out/i)) {
		return `${where}: no answer from the SSH server within ${connectTimeoutSeconds} s`;
	}

	if (has(/No route to host|Network is unreachable/)) {
		return `${where}: no route to the SSH server`;
	}

	if (has(/docker: (?:command )?not found|docker: No such file or directory/) || exitCode === 127) {
		return `${where}: docker is not installed on the far side, or not in the PATH of an ssh command (ssh host docker version must work)`;
	}

	if (has(/unknown command "dial-stdio"|unknown command: docker system dial-stdio/)) {
		return `${where}: the docker CLI on the far side is too old for ssh:// (it lacks docker system dial-stdio, added in 18.09)`;
	}

	if ((match = has(/permission denied while trying to connect to the Docker daemon socket[^\n]*/i))) {
		return `${where}: the SSH user may not use the Docker socket there (add it to the docker group)`;
	}

	if ((match = has(/Cannot connect to the Docker daemon[^\n]*/))) {
		return `${where}: ${match[0].trim()}`;
	}

	if (has(/Session open refused by peer|administratively prohibited/)) {
		return `${where}: the SSH server refused another channel on the connection (its sshd_config MaxSessions is too low for tsdtop's streams)`;
	}

	if (has(/Connection closed by|Connection reset|Broken pipe|kex_exchange_identification/)) {
		return `${where}: the SSH server closed the connection`;
	}

	const last = text.split('\n').map(line => line.trim()).filter(line => line && !noise.test(line)).at(-1);
	if (last) {
		return `${where}: ${last}`;
	}

	return `${where}: ssh exited with code ${exitCode ?? 'unknown'}`;
}
