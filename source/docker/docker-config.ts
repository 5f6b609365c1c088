import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/**
 * What the docker CLI's own configuration says about where the Engine is, without the contexts
 * themselves (contexts.ts): small enough for the bin to load before anything else.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export const defaultSocket = '/var/run/docker.sock';

export function dockerConfigDir(env: Env): string {
	return env['DOCKER_CONFIG'] ?? path.join(env['HOME'] ?? homedir(), '.docker');
}

/** The context the docker CLI would use: DOCKER_CONTEXT, else currentContext in config.json. */
export function currentContextName(env: Env): string | undefined {
	if (env['DOCKER_CONTEXT']) {
		return env['DOCKER_CONTEXT'];
	}

	try {
		const config = JSON.parse(readFileSync(path.join(dockerConfigDir(env), 'config.json'), 'utf8')) as {currentContext?: string};
		return config.currentContext || undefined;
	} catch {
		return undefined;
	}
}
