import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

import {currentContextName, dockerConfigDir, type Env} from './docker-config.js';
import {naturalCompare} from '../core/natural-order.js';

export {currentContextName} from './docker-config.js';

/** A docker context as the docker CLI stores it under ~/.docker/contexts. */
export type DockerContext = {
	readonly name: string;
	readonly host: string;
	readonly skipTlsVerify: boolean;
	/** Folder with ca.pem, cert.pem and key.pem, when the context has TLS material. */
	readonly tlsDir?: string;
};

const contextDigest = (name: string) => createHash('sha256').update(name).digest('hex');

/** Reads one context; undefined for "default" (which means DOCKER_HOST or the local socket). */
export function readContext(name: string, env: Env): DockerContext | undefined {
	if (name === 'default') {
		return undefined;
	}

	const base = path.join(dockerConfigDir(env), 'contexts');
	const digest = contextDigest(name);
	let meta: {Endpoints?: {docker?: {Host?: string; SkipTLSVerify?: boolean}}};
	try {
		meta = JSON.parse(readFileSync(path.join(base, 'meta', digest, 'meta.json'), 'utf8')) as typeof meta;
	} catch {
		throw new Error(`docker context "${name}" not found in ${path.join(base, 'meta')} (docker context ls lists them)`);
	}

	const host = meta.Endpoints?.docker?.Host;
	if (!host) {
		throw new Error(`docker context "${name}" has no docker endpoint`);
	}

	const tlsDir = path.join(base, 'tls', digest, 'docker');
	return {name, host, skipTlsVerify: Boolean(meta.Endpoints?.docker?.SkipTLSVerify), ...(existsSync(tlsDir) ? {tlsDir} : {})};
}

/** Every context, for a switcher: name and host. */
export function listContexts(env: Env): Array<{readonly name: string; readonly host: string}> {
	const meta = path.join(dockerConfigDir(env), 'contexts', 'meta');
	try {
		return readdirSync(meta).flatMap(digest => {
			try {
				const data = JSON.parse(readFileSync(path.join(meta, digest, 'meta.json'), 'utf8')) as {Name?: string; Endpoints?: {docker?: {Host?: string}}};
				return data.Name && data.Endpoints?.docker?.Host ? [{name: data.Name, host: data.Endpoints.docker.Host}] : [];
			} catch {
				return [];
			}
		}).sort((a, b) => naturalCompare(a.name, b.name));
	} catch {
		return [];
	}
}

/** Podman's Docker-compatible sockets, tried when there is no Docker socket at all. */
export function podmanSockets(env: Env): string[] {
	return [env['XDG_RUNTIME_DIR'] ? path.join(env['XDG_RUNTIME_DIR'], 'podman', 'podman.sock') : '', '/run/podman/podman.sock'].filter(Boolean);
}
