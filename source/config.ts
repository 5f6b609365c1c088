import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/**
 * The config file: JSON, every key optional. Keys tsdtop does not know are ignored, so a newer file
 * still works with an older tsdtop.
 *
 *   {"shell": "/bin/zsh"}
 */
export type Config = {
	/** The shell `e` opens, as a command line ("/bin/zsh", "bash -l"); --shell wins over it. */
	readonly shell?: string;
};

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** TSDTOP_CONFIG, else $XDG_CONFIG_HOME/tsdtop/config.json, else ~/.config/tsdtop/config.json. */
export function configPath(env: Env = process.env): string {
	if (env['TSDTOP_CONFIG']) {
		return env['TSDTOP_CONFIG'];
	}

	const base = env['XDG_CONFIG_HOME'] || path.join(env['HOME'] || homedir(), '.config');
	return path.join(base, 'tsdtop', 'config.json');
}

/** Reads the config file; a missing default file is an empty config, anything unusable a ConfigError. */
export function loadConfig(env: Env = process.env, read: (file: string) => string = file => readFileSync(file, 'utf8')): Config {
	const file = configPath(env);
	let text;
	try {
		text = read(file);
	} catch (error) {
		// A file named in TSDTOP_CONFIG must exist; the default one is optional.
		if ((error as {code?: string}).code === 'ENOENT' && !env['TSDTOP_CONFIG']) {
			return {};
		}

		const code = (error as {code?: string}).code;
		const reason = code === 'ENOENT' ? 'it does not exist' : (code === 'EACCES' ? 'permission denied' : (code === 'EISDIR' ? 'it is a directory' : (error as Error).message));
		throw new ConfigError(`cannot read the config file ${file}: ${reason}`);
	}

	return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): Config {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(`the config file ${file} is not valid JSON: ${(error as Error).message}`);
	}

	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		throw new ConfigError(`the config file ${file} must hold a JSON object, e.g. {"shell": "/bin/bash"}`);
	}

	const config: {shell?: string} = {};
	const {shell} = json as Record<string, unknown>;
	if (shell !== undefined) {
		const problem = shellProblem(shell);
		if (problem) {
			throw new ConfigError(`"shell" in the config file ${file} ${problem}`);
		}

		config.shell = (shell as string).trim();
	}

	return config;
}

/** Why a --shell or config value cannot be used, or undefined when it can. */
export function shellProblem(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') {
		return 'must name a shell, e.g. /bin/bash or "bash -l"';
	}

	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001F\u007F]/.test(value)) {
		return 'must not contain control characters';
	}

	return undefined;
}
