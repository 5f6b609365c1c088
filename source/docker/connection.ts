import {existsSync, readFileSync} from 'node:fs';
import type {Agent} from 'node:http';
import {homedir} from 'node:os';
import path from 'node:path';
import type {DockerOptions} from 'dockerode';
import {currentContextName, podmanSockets, readContext} from './contexts.js';
import {defaultSocket} from './docker-config.js';
import type {SshTarget} from './ssh-args.js';

/** Where tsdtop connects, and how it names that place to the person. */
export type Connection = {
	/** Shown in the header and in error messages, e.g. unix:///var/run/docker.sock. */
	readonly label: string;
	/** Where the URL came from, in the order of precedence. */
	readonly source: '--host' | 'DOCKER_HOST' | '--context' | 'DOCKER_CONTEXT' | 'config' | 'default' | 'podman';
	/** The docker context it came from, if any. */
	readonly context?: string;
	readonly options: EngineOptions;
	/** Set for ssh:// Engines: options gets its agent from connectOverSsh (ssh-tunnel.ts) before use. */
	readonly ssh?: SshTarget;
};

/** dockerode's options; docker-modem also takes an http.Agent, which its types leave out. */
export type EngineOptions = DockerOptions & {agent?: Agent};

export {defaultSocket} from './docker-config.js';

export class ConnectionError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Picks the Engine as the docker CLI does: --host, DOCKER_HOST, --context, DOCKER_CONTEXT, the
 * current context in ~/.docker/config.json, then the local socket, and Podman's sockets when there
 * is no Docker socket at all. Throws ConnectionError on anything it cannot use.
 */
export function resolveConnection(hostFlag: string | undefined, env: Env = process.env, contextFlag?: string): Connection {
	if (hostFlag) {
		return {...parseHost(hostFlag, env), source: '--host'};
	}

	const fromEnv = env['DOCKER_HOST']?.trim();
	if (fromEnv) {
		return {...parseHost(fromEnv, env), source: 'DOCKER_HOST'};
	}

	const contextName = contextFlag ?? currentContextName(env);
	if (contextName) {
		let context;
		try {
			context = readContext(contextName, env);
		} catch (error) {
			throw new ConnectionError((error as Error).message);
		}

		if (context) {
			const source = contextFlag ? '--context' : (env['DOCKER_CONTEXT'] ? 'DOCKER_CONTEXT' : 'config');
			// A context's own TLS material stands in for DOCKER_CERT_PATH.
			const contextEnv = context.tlsDir ? {...env, DOCKER_CERT_PATH: context.tlsDir, DOCKER_TLS_VERIFY: context.skipTlsVerify ? '' : '1'} : env;
			const parsed = parseHost(context.host, contextEnv);
			return {...parsed, label: `${parsed.label} (context ${context.name})`, source, context: context.name};
		}
	}

	if (!existsSync(defaultSocket)) {
		const podman = podmanSockets(env).find(socket => existsSync(socket));
		if (podman) {
			return {label: `unix://${podman} (Podman)`, options: {socketPath: podman}, source: 'podman'};
		}
	}

	return {label: `unix://${defaultSocket}`, options: {socketPath: defaultSocket}, source: 'default'};
}

function parseHost(raw: string, env: Env, value = raw.trim()): Omit<Connection, 'source'> {
	if (value.startsWith('/')) {
		return {label: `unix://${value}`, options: {socketPath: value}};
	}

	const match = /^([a-z][a-z\d+.-]*):\/\/(.*)$/i.exec(value);
	if (!match) {
		// Docker accepts a bare host:port as tcp.
		return parseHost(raw, env, `tcp://${value}`);
	}

	const scheme = match[1]!.toLowerCase();
	const rest = match[2]!;
	switch (scheme) {
		case 'unix': {
			if (!rest.startsWith('/')) {
				throw new ConnectionError(`bad host "${raw}": a unix socket needs an absolute path, e.g. unix:///var/run/docker.sock`);
			}

			return {label: `unix://${rest}`, options: {socketPath: rest}};
		}

		case 'tcp':
		case 'http':
		case 'https': {
			const url = safeUrl(`${scheme === 'tcp' ? 'http' : scheme}://${rest}`, raw);
			// As the docker CLI does: any non-empty DOCKER_TLS_VERIFY turns TLS on.
			const tlsVerify = Boolean(env['DOCKER_TLS_VERIFY']);
			const port = explicitPort(rest) ?? (tlsVerify || scheme === 'https' ? 2376 : 2375);
			const secure = scheme === 'https' || tlsVerify || port === 2376;
			const options: DockerOptions = {host: url.hostname, port, protocol: secure ? 'https' : 'http'};
			if (secure) {
				Object.assign(options, tlsMaterial(env));
			}

			return {label: `${scheme}://${url.hostname}:${port}`, options};
		}

		case 'ssh': {
			const url = safeUrl(value, raw);
			const user = url.username ? decodeURIComponent(url.username) : undefined;
			const ssh: SshTarget = {host: url.hostname, ...(user ? {user} : {}), ...(url.port ? {port: Number(url.port)} : {})};
			return {
				label: `ssh://${url.username ? `${url.username}@` : ''}${url.hostname}${url.port ? `:${url.port}` : ''}`,
				// Plain HTTP through the agent connectOverSsh adds: each socket is a channel on one SSH
				// connection. The host name only fills the Host header.
				options: {protocol: 'http', host: 'docker', port: 80},
				ssh,
			};
		}

		case 'npipe': {
			throw new ConnectionError(`bad host "${raw}": named pipes (npipe://) exist only on Windows; use unix://, tcp:// or ssh://`);
		}

		default: {
			throw new ConnectionError(`bad host "${raw}": unsupported scheme "${scheme}://"; use unix://, tcp://, https:// or ssh://`);
		}
	}
}

function safeUrl(value: string, raw: string): URL {
	try {
		const url = new URL(value);
		if (!url.hostname) {
			throw new Error('no host');
		}

		return url;
	} catch {
		throw new ConnectionError(`bad host "${raw}": not a valid URL, e.g. tcp://10.0.0.5:2375 or ssh://me@server`);
	}
}

// URL drops a port equal to the scheme's default (:80, :443), so read it from the text.
function explicitPort(authority: string): number | undefined {
	const match = /^(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/]*):(\d+)/.exec(authority);
	return match ? Number(match[1]) : undefined;
}

/** DOCKER_CERT_PATH must hold the files; the CLI's default, ~/.docker, is used when they are there. */
function tlsMaterial(env: Env): Pick<DockerOptions, 'ca' | 'cert' | 'key'> {
	if (env['DOCKER_CERT_PATH']) {
		return readTlsMaterial(env['DOCKER_CERT_PATH']);
	}

	const fallback = path.join(env['HOME'] ?? homedir(), '.docker');
	return ['ca.pem', 'cert.pem', 'key.pem'].every(name => existsSync(path.join(fallback, name))) ? readTlsMaterial(fallback) : {};
}

function readTlsMaterial(certPath: string): Pick<DockerOptions, 'ca' | 'cert' | 'key'> {
	const read = (name: string) => {
		try {
			return readFileSync(path.join(certPath, name));
		} catch {
			throw new ConnectionError(`cannot read ${name} in DOCKER_CERT_PATH (${certPath})`);
		}
	};

	return {ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem')};
}
