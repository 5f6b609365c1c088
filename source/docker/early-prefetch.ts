import {existsSync} from 'node:fs';
import {currentContextName, defaultSocket, type Env} from './docker-config.js';
import {type Prefetch, prefetch} from './prefetch.js';

let early: {readonly socketPath: string; readonly answers: Prefetch} | undefined;

/**
 * The socket the Engine plainly is when tsdtop is started bare: DOCKER_HOST's unix:// path, or the
 * default socket when neither DOCKER_HOST nor a current context says otherwise. Undefined when
 * arguments, a tcp:// or ssh:// host or a context decide (cli.tsx resolves those).
 */
export function plainLocalSocket(argv: readonly string[], env: Env, localSocket = defaultSocket): string | undefined {
	if (argv.length > 0) {
		return undefined;
	}

	const host = env['DOCKER_HOST']?.trim();
	if (host) {
		return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
	}

	const context = currentContextName(env);
	return (context === undefined || context === 'default') && existsSync(localSocket) ? localSocket : undefined;
}

/**
 * Called by the bin before the rest of tsdtop loads: asks the plain local socket for the version
 * and the list at once, so that the Engine answers while about 100 ms of modules load.
 */
export function prefetchPlainSocket(argv: readonly string[], env: Env): void {
	const socketPath = plainLocalSocket(argv, env);
	if (socketPath !== undefined) {
		early = {socketPath, answers: prefetch({label: '', source: 'default', options: {socketPath}})!};
	}
}

/** Those answers, if the connection cli.tsx resolved is that very socket. */
export function takeEarlyAnswers(socketPath: string | undefined): Prefetch | undefined {
	const answers = early !== undefined && early.socketPath === socketPath ? early.answers : undefined;
	early = undefined;
	return answers;
}
