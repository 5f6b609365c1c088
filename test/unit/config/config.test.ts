import {describe, expect, it} from 'vitest';
import {ConfigError, configPath, loadConfig, parseConfig, shellProblem} from '../../../source/config/config.js';

const missing = () => {
	throw Object.assign(new Error('ENOENT: no such file'), {code: 'ENOENT'});
};

describe('configPath', () => {
	it('is --config, else TSDTOP_CONFIG, else under XDG_CONFIG_HOME, else ~/.config', () => {
		expect(configPath({TSDTOP_CONFIG: '/etc/tsdtop.json'}, './mine.json')).toBe('./mine.json');
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

	it('refuses a --config file that does not exist', () => {
		expect(() => loadConfig({HOME: '/h'}, missing, '/nope.json')).toThrow('cannot read the config file /nope.json: it does not exist');
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
	it('is empty for an empty object', () => {
		expect(parseConfig('{}', 'c.json')).toEqual({});
	});

	it('reads a file that starts with a UTF-8 byte order mark (issue 12)', () => {
		expect(parseConfig('\uFEFF{"theme": "none"}', 'c.json')).toEqual({theme: 'none'});
		expect(loadConfig({TSDTOP_CONFIG: 'c.json'}, () => Buffer.from([0xEF, 0xBB, 0xBF, ...Buffer.from('{"pane": "images"}')]).toString('utf8'))).toEqual({pane: 'images'});
	});

	it('reads every setting', () => {
		const config = parseConfig(JSON.stringify({
			shell: 'bash -l', refresh: {events: 100, poll: 30, stats: false}, logs: {tail: 50, buffer: 2000}, pane: 'volumes',
			columns: ['state', 'name', 'cpu'], theme: 'light', keys: {'container.restart': ['R', 'Ctrl+R']}, confirm: {kill: false},
		}), 'c.json');
		expect(config).toMatchObject({
			shell: 'bash -l', refresh: {events: 100, poll: 30, stats: false}, logs: {tail: 50, buffer: 2000}, pane: 'volumes',
			columns: ['state', 'name', 'cpu'], theme: 'light', confirm: {kill: false},
		});
		expect(config.keymap!.find(b => b.command === 'container.restart')!.keys).toEqual(['R', 'ctrl+r']);
	});

	it('takes one key as a plain string', () => {
		expect(parseConfig('{"keys": {"quit": "Q"}}', 'c.json').keymap!.find(b => b.command === 'quit')!.keys).toEqual(['Q']);
	});

	// Each bad file names the line the trouble is on (the line of the key, or of the list item).
	it.each([
		['{not json', 'the config file c.json, line 1: not valid JSON'],
		['{\n  "theme": "dark",\n}', 'the config file c.json, line 3: not valid JSON'],
		['{\n  "theme": "dark"', 'the config file c.json, line 2: not valid JSON'],
		// Node 20 gives no position for this one: found by parsing ever shorter starts of the text.
		['{\n  "pane": "images",\n  "theme": light\n}', 'the config file c.json, line 3: not valid JSON: Unexpected token \'l\''],
		['{\n  "pane": "images"\n}\n}', 'the config file c.json, line 4: not valid JSON: Unexpected non-whitespace character after JSON'],
		['[1, 2]', 'the config file c.json must hold a JSON object'],
		['"text"', 'the config file c.json must hold a JSON object'],
		['{\n"shell": 42}', 'c.json, line 2: "shell" must name a shell'],
		['{"shell": "  "}', 'c.json, line 1: "shell" must name a shell'],
		['{"shell": "/bin/sh\\u001b[2J"}', '"shell" must not contain control characters'],
		['{\n  "theem": "dark"\n}', 'c.json, line 2: unknown setting "theem" (known: "shell", "refresh"'],
		['{\n  "theme": "solarized"\n}', 'c.json, line 2: "theme" must be one of "dark", "light", "none", not "solarized"'],
		['{\n  "pane": "logs"\n}', 'line 2: "pane" must be one of "containers", "images", "networks", "volumes"'],
		['{\n  "refresh": {\n    "poll": 0\n  }\n}', 'line 3: "refresh.poll" must be a number of seconds from 1 to 3600, not 0'],
		['{\n  "refresh": {"events": 12.5}\n}', 'line 2: "refresh.events" must be a whole number of milliseconds'],
		['{"refresh": {"stats": true}}', '"refresh.stats" must be a number of seconds (or false for none) from 1 to 60, not true'],
		['{"refresh": {"often": 1}}', 'unknown setting "often" in "refresh" (known: "events", "poll", "stats")'],
		['{"refresh": 5}', '"refresh" must be an object'],
		['{"logs": {"tail": -1}}', '"logs.tail" must be a whole number of lines from 0'],
		['{"logs": {"buffer": 10}}', '"logs.buffer" must be a whole number of lines from 100'],
		['{\n  "columns": ["name", "cpu",\n    "bogus"]\n}', 'line 3: unknown column "bogus" in "columns" (known: "name", "state"'],
		['{"columns": ["name", "cpu", "cpu"]}', 'column "cpu" is in "columns" twice'],
		['{"columns": ["cpu", "state"]}', '"columns" must include "name"'],
		['{"columns": []}', '"columns" must be a list of column names'],
		['{\n  "confirm": {\n    "volumes": false\n  }\n}', 'line 3: "confirm.volumes": removing volumes always asks first; only "kill", "remove" can be turned off'],
		['{"confirm": {"kill": "no"}}', '"confirm.kill" must be true or false, not "no"'],
		['{\n  "keys": {\n    "nope.x": ["R"]\n  }\n}', 'line 3: "nope.x" is not a command'],
		['{"keys": {"restart": ["R"]}}', 'did you mean "container.restart"?'],
		['{\n  "keys": {\n    "quit": ["q",\n      "s"]\n  }\n}', 'line 4: "s" for quit clashes with container.toggleRun, which has it too (global and containers are active together)'],
		['{\n  "keys": {\n    "container.restart": ["x", "ctrl+m"]\n  }\n}', 'line 3: "ctrl+m" reaches tsdtop as Enter'],
		['{"keys": {"filter.apply": ["x"]}}', '"x" cannot do filter.apply: there it is typed as text'],
		['{"keys": {"quit": []}}', '"quit" needs at least one key'],
		['{"keys": {"quit": [7]}}', '"keys" of "quit" must be a list of key names'],
		['{"keys": {"quit": ["shift+q"]}}', '"shift+q" is not a key name'],
	])('%s is a clear error', (text, message) => {
		expect(() => parseConfig(text, 'c.json')).toThrow(ConfigError);
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
