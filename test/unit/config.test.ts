import {describe, expect, it} from 'vitest';
import {ConfigError, configPath, loadConfig, parseConfig, shellProblem} from '../../source/config.js';

const missing = () => {
	throw Object.assign(new Error('ENOENT: no such file'), {code: 'ENOENT'});
};

describe('configPath', () => {
	it('is TSDTOP_CONFIG, else under XDG_CONFIG_HOME, else ~/.config', () => {
		expect(configPath({TSDTOP_CONFIG: '/etc/tsdtop.json', XDG_CONFIG_HOME: '/x', HOME: '/home/me'})).toBe('/etc/tsdtop.json');
		expect(configPath({XDG_CONFIG_HOME: '/x', HOME: '/home/me'})).toBe('/x/tsdtop/config.json');
		expect(configPath({HOME: '/home/me'})).toBe('/home/me/.config/tsdtop/config.json');
	});
});

describe('loadConfig', () => {
	it('is empty when the default file does not exist', () => {
		expect(loadConfig({HOME: '/home/me'}, missing)).toEqual({});
	});

	it('refuses a TSDTOP_CONFIG that does not exist: the person named it', () => {
		expect(() => loadConfig({TSDTOP_CONFIG: '/nope.json'}, missing)).toThrow(ConfigError);
		expect(() => loadConfig({TSDTOP_CONFIG: '/nope.json'}, missing)).toThrow('cannot read the config file /nope.json: it does not exist');
	});

	it('says why a file it cannot read is unreadable', () => {
		const denied = () => {
			throw Object.assign(new Error('EACCES: permission denied, open'), {code: 'EACCES'});
		};

		expect(() => loadConfig({HOME: '/h'}, denied)).toThrow('cannot read the config file /h/.config/tsdtop/config.json: permission denied');
	});

	it('reads the shell', () => {
		expect(loadConfig({HOME: '/h'}, () => '{"shell": " /bin/zsh "}')).toEqual({shell: '/bin/zsh'});
	});
});

describe('parseConfig', () => {
	it('ignores keys it does not know, so newer files still load', () => {
		expect(parseConfig('{"shell": "bash -l", "tail": 500}', 'c.json')).toEqual({shell: 'bash -l'});
		expect(parseConfig('{}', 'c.json')).toEqual({});
	});

	it.each([
		['{not json', 'the config file c.json is not valid JSON'],
		['[1, 2]', 'the config file c.json must hold a JSON object'],
		['"text"', 'the config file c.json must hold a JSON object'],
		['{"shell": 42}', '"shell" in the config file c.json must name a shell'],
		['{"shell": "  "}', '"shell" in the config file c.json must name a shell'],
		['{"shell": "/bin/sh\\u001b[2J"}', '"shell" in the config file c.json must not contain control characters'],
	])('%s is a clear error', (text, message) => {
		expect(() => parseConfig(text, 'c.json')).toThrow(message);
	});
});

describe('shellProblem', () => {
	it('accepts a path or a command with arguments', () => {
		expect(shellProblem('/bin/bash')).toBeUndefined();
		expect(shellProblem('bash -l')).toBeUndefined();
	});

	it('refuses an empty value', () => {
		expect(shellProblem('')).toMatch(/must name a shell/);
	});
});
