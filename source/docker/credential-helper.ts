import {execFile} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {dockerConfigDir, type Env} from './docker-config.js';
import {type DockerAuthConfig, findCredentials, type HelperAnswer, type RegistryAuth} from './registry-auth.js';

/** ~/.docker/config.json (DOCKER_CONFIG honoured); empty when it is missing or unreadable. */
export async function readAuthConfig(env: Env): Promise<DockerAuthConfig> {
	try {
		return JSON.parse(await readFile(path.join(dockerConfigDir(env), 'config.json'), 'utf8')) as DockerAuthConfig;
	} catch {
		return {};
	}
}

/**
 * `docker-credential-<helper> get`, the credential helper protocol: the server on stdin, JSON
 * {ServerURL, Username, Secret} on stdout. A helper that knows no such server exits non-zero saying
 * "credentials not found": that is no credentials, not a failure. Anything else (no such helper on
 * PATH, a locked keychain) throws one line, as the docker CLI fails the pull then too.
 */
export async function runCredentialHelper(helper: string, server: string, env: Env = process.env): Promise<HelperAnswer | undefined> {
	const program = `docker-credential-${helper}`;
	return new Promise((resolve, reject) => {
		const child = execFile(program, ['get'], {env: env as NodeJS.ProcessEnv, timeout: 30_000, maxBuffer: 1024 * 1024}, (error, stdout, stderr) => {
			const said = `${stdout}${stderr}`.trim();
			if (error) {
				if (/credentials not found/i.test(said)) {
					resolve(undefined);
				} else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
					reject(new Error(`credential helper ${program} not found on PATH (credsStore/credHelpers in config.json)`));
				} else {
					reject(new Error(`credential helper ${program} failed: ${said.replaceAll(/\s+/g, ' ') || error.message}`));
				}

				return;
			}

			try {
				resolve(JSON.parse(stdout) as HelperAnswer);
			} catch {
				reject(new Error(`credential helper ${program} answered something other than JSON`));
			}
		});
		child.stdin?.end(server);
	});
}

/** The credentials the docker CLI would send to a registry, read from the person's config. */
export async function credentialsFor(registry: string, env: Env = process.env): Promise<RegistryAuth | undefined> {
	return findCredentials(await readAuthConfig(env), registry, async (helper, server) => runCredentialHelper(helper, server, env));
}
