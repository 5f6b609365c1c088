import {dockerHub} from './image-reference.js';

/** What the Engine takes in X-Registry-Auth (dockerode's authconfig). */
export type RegistryAuth = {
	readonly username?: string;
	readonly password?: string;
	/** An OAuth refresh token (`docker login` to some registries stores one instead of a password). */
	readonly identitytoken?: string;
	readonly registrytoken?: string;
	readonly serveraddress: string;
};

/** The parts of ~/.docker/config.json that name credentials. */
export type DockerAuthConfig = {
	readonly auths?: Readonly<Record<string, {readonly auth?: string; readonly username?: string; readonly password?: string; readonly identitytoken?: string; readonly registrytoken?: string}>>;
	readonly credsStore?: string;
	readonly credHelpers?: Readonly<Record<string, string>>;
};

/** What a docker-credential-* helper answers to `get` (Username "<token>": Secret is an identity token). */
export type HelperAnswer = {readonly Username?: string; readonly Secret?: string};

/** Runs `docker-credential-<helper> get` with the server on stdin; undefined when it has nothing. */
export type RunHelper = (helper: string, server: string) => Promise<HelperAnswer | undefined>;

/** Docker Hub's key in config.json and to helpers, kept from the v1 registry's days. */
export const hubServer = 'https://index.docker.io/v1/';

/** The registry a config.json key names: "https://index.docker.io/v1/" and "docker.io" are one registry. */
export function registryOfKey(key: string): string {
	const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
	return host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'registry.hub.docker.com' ? dockerHub : host;
}

/** The server name a helper and the Engine expect for a registry. */
export function serverOf(registry: string): string {
	return registry === dockerHub ? hubServer : registry;
}

/** The credentials stored in config.json's `auths` for a registry, matched by host. */
export function fromAuths(config: DockerAuthConfig, registry: string): RegistryAuth | undefined {
	const entry = Object.entries(config.auths ?? {}).find(([key]) => registryOfKey(key) === registry)?.[1];
	if (!entry) {
		return undefined;
	}

	const serveraddress = serverOf(registry);
	let {username, password} = entry;
	if (entry.auth) {
		const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon > 0) {
			username = decoded.slice(0, colon);
			password = decoded.slice(colon + 1);
		}
	}

	if (entry.identitytoken) {
		return {serveraddress, identitytoken: entry.identitytoken, ...(username ? {username} : {})};
	}

	if (entry.registrytoken) {
		return {serveraddress, registrytoken: entry.registrytoken};
	}

	return username && password !== undefined ? {serveraddress, username, password} : undefined;
}

/** The helper that holds a registry's credentials: credHelpers by host first, then credsStore. */
export function helperFor(config: DockerAuthConfig, registry: string): string | undefined {
	const own = Object.entries(config.credHelpers ?? {}).find(([key]) => registryOfKey(key) === registry)?.[1];
	return own || config.credsStore || undefined;
}

/**
 * Credentials for a registry as the docker CLI finds them: from the registry's credential helper
 * (credHelpers, else credsStore), else from `auths`. The CLI stops at the helper; falling back to
 * `auths` when the helper has nothing costs nothing and finds logins made before a helper was set.
 * Undefined means an anonymous pull.
 */
export async function findCredentials(config: DockerAuthConfig, registry: string, runHelper: RunHelper): Promise<RegistryAuth | undefined> {
	const helper = helperFor(config, registry);
	if (helper) {
		const answer = await runHelper(helper, serverOf(registry));
		if (answer?.Secret) {
			const serveraddress = serverOf(registry);
			return answer.Username === '<token>' ? {serveraddress, identitytoken: answer.Secret} : {serveraddress, username: answer.Username ?? '', password: answer.Secret};
		}
	}

	return fromAuths(config, registry);
}
