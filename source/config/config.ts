import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {checkSettings, type Config, ConfigProblem} from './config-check.js';
import {jsonLines, jsonSyntaxProblem, lineOf} from './config-lines.js';

export type {Config} from './config-check.js';

/*
 * The config file: JSON, every key optional (readme.md, "Config file"). A key tsdtop does not know
 * is an error, not ignored: a typo ("theem") must not quietly leave the default in place.
 */

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** --config, else TSDTOP_CONFIG, else $XDG_CONFIG_HOME/tsdtop/config.json, else ~/.config/tsdtop/config.json. */
export function configPath(env: Env = process.env, named?: string): string {
	if (named !== undefined) {
		return named;
	}

	if (env['TSDTOP_CONFIG']) {
		return env['TSDTOP_CONFIG'];
	}

	const base = env['XDG_CONFIG_HOME'] || path.join(env['HOME'] || homedir(), '.config');
	return path.join(base, 'tsdtop', 'config.json');
}

/** Reads the config file; a missing default file is an empty config, anything unusable a ConfigError. */
export function loadConfig(env: Env = process.env, read: (file: string) => string = file => readFileSync(file, 'utf8'), named?: string): Config {
	const file = configPath(env, named);
	let text;
	try {
		text = read(file);
	} catch (error) {
		// A file named by --config or TSDTOP_CONFIG must exist; the default one is optional.
		if ((error as {code?: string}).code === 'ENOENT' && !env['TSDTOP_CONFIG'] && named === undefined) {
			return {};
		}

		const code = (error as {code?: string}).code;
		const reason = code === 'ENOENT' ? 'it does not exist' : (code === 'EACCES' ? 'permission denied' : (code === 'EISDIR' ? 'it is a directory' : (error as Error).message));
		throw new ConfigError(`cannot read the config file ${file}: ${reason}`);
	}

	return parseConfig(text, file);
}

/** Checks the text of a config file; the first unusable setting is a ConfigError naming its line. */
export function parseConfig(text: string, file: string): Config {
	// Notepad and PowerShell's UTF-8 start a file with a byte order mark, which JSON.parse refuses (issue 12).
	text = text.replace(/^\uFEFF/, '');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		const {line, message} = jsonSyntaxProblem(text, error as Error);
		throw new ConfigError(`the config file ${file}, line ${line}: not valid JSON: ${message}`);
	}

	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		throw new ConfigError(`the config file ${file} must hold a JSON object, e.g. {"theme": "light"}`);
	}

	const object = json as Record<string, unknown>;
	try {
		const {shell} = object;
		if (shell !== undefined && shellProblem(shell)) {
			throw new ConfigProblem('shell', `"shell" ${shellProblem(shell)!}`);
		}

		return {...checkSettings(object), ...(shell === undefined ? {} : {shell: (shell as string).trim()})};
	} catch (error) {
		if (error instanceof ConfigProblem) {
			const line = lineOf(jsonLines(text), error.path);
			throw new ConfigError(`the config file ${file}${line === undefined ? '' : `, line ${line}`}: ${error.message}`);
		}

		throw error;
	}
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
