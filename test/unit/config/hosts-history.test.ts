import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {addHost, hostsFile, maxHosts, readHosts, rememberHost} from '../../../source/config/hosts-history.js';

const stateHome = () => mkdtempSync(path.join(tmpdir(), 'tsdtop-state-'));
const hosts = (n: number) => Array.from({length: n}, (_, i) => `tcp://h${i}:2375`);

describe('hostsFile', () => {
	it('is under XDG_STATE_HOME, else ~/.local/state', () => {
		expect(hostsFile({XDG_STATE_HOME: '/s', HOME: '/home/me'})).toBe('/s/tsdtop/hosts.json');
		expect(hostsFile({HOME: '/home/me'})).toBe('/home/me/.local/state/tsdtop/hosts.json');
		expect(hostsFile({XDG_STATE_HOME: '', HOME: '/home/me'})).toBe('/home/me/.local/state/tsdtop/hosts.json');
	});
});

describe('addHost', () => {
	it.each<[string, readonly string[], string, readonly string[]]>([
		['puts a new host first', ['tcp://a:2375'], 'tcp://b:2375', ['tcp://b:2375', 'tcp://a:2375']],
		['moves a known host to the front, never twice', ['tcp://a:2375', 'tcp://b:2375', 'tcp://c:2375'], 'tcp://c:2375', ['tcp://c:2375', 'tcp://a:2375', 'tcp://b:2375']],
		['keeps the newest ten', hosts(10), 'ssh://me@new', ['ssh://me@new', ...hosts(9)]],
		['starts an empty history', [], 'unix:///x.sock', ['unix:///x.sock']],
	])('%s', (_name, before, host, after) => {
		expect(addHost(before, host)).toEqual(after);
	});
});

describe('readHosts and rememberHost', () => {
	it('reads nothing from a missing file', () => {
		expect(readHosts({XDG_STATE_HOME: stateHome()})).toEqual([]);
	});

	it('writes the file, newest first, at most ten', () => {
		const env = {XDG_STATE_HOME: stateHome()};
		for (const host of hosts(12)) {
			rememberHost(host, env);
		}

		rememberHost('tcp://h5:2375', env);
		const read = readHosts(env);
		expect(read).toHaveLength(maxHosts);
		expect(read[0]).toBe('tcp://h5:2375');
		expect(read[1]).toBe('tcp://h11:2375');
		expect(read).not.toContain('tcp://h0:2375');
		expect(JSON.parse(readFileSync(hostsFile(env), 'utf8'))).toEqual({hosts: read});
		// Written through a temporary file, which is gone afterwards.
		expect(existsSync(`${hostsFile(env)}.${process.pid}.tmp`)).toBe(false);
	});

	it.each([
		['not JSON', '{hosts: ['],
		['JSON of the wrong shape', '["tcp://a:2375"]'],
		['hosts that is not a list', '{"hosts": "tcp://a:2375"}'],
		['null', 'null'],
	])('ignores a file that is %s, and rememberHost replaces it', (_name, text) => {
		const env = {XDG_STATE_HOME: stateHome()};
		mkdirSync(path.dirname(hostsFile(env)), {recursive: true});
		writeFileSync(hostsFile(env), text);
		expect(readHosts(env)).toEqual([]);
		rememberHost('tcp://a:2375', env);
		expect(readHosts(env)).toEqual(['tcp://a:2375']);
	});

	it('keeps only non-empty strings, without repeats, in the file\'s order', () => {
		const env = {XDG_STATE_HOME: stateHome()};
		mkdirSync(path.dirname(hostsFile(env)), {recursive: true});
		writeFileSync(hostsFile(env), JSON.stringify({hosts: ['tcp://a:2375', 7, '', 'tcp://b:2375', 'tcp://a:2375', null, ...hosts(12)]}));
		expect(readHosts(env)).toEqual(['tcp://a:2375', 'tcp://b:2375', ...hosts(8)]);
	});

	it('does not throw when the state folder cannot be made', () => {
		const base = stateHome();
		// A file where the folder should be.
		writeFileSync(path.join(base, 'tsdtop'), 'x');
		expect(() => {
			rememberHost('tcp://a:2375', {XDG_STATE_HOME: base});
		}).not.toThrow();
		expect(readHosts({XDG_STATE_HOME: base})).toEqual([]);
	});
});
