import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** How many hosts the switcher remembers. */
export const maxHosts = 10;

/** $XDG_STATE_HOME/tsdtop/hosts.json, else ~/.local/state/tsdtop/hosts.json. */
export function hostsFile(env: Env = process.env): string {
	const base = env['XDG_STATE_HOME'] || path.join(env['HOME'] || homedir(), '.local', 'state');
	return path.join(base, 'tsdtop', 'hosts.json');
}

/** The list with `host` first and no repeat, cut to the last `maxHosts`. Pure. */
export function addHost(hosts: readonly string[], host: string): string[] {
	return [host, ...hosts.filter(h => h !== host)].slice(0, maxHosts);
}

/**
 * Hosts given with --host (or picked in the switcher) that worked, newest first. A missing or
 * unreadable file is an empty history: it is a convenience, never a reason to fail.
 */
export function readHosts(env: Env = process.env): string[] {
	try {
		const data = JSON.parse(readFileSync(hostsFile(env), 'utf8')) as unknown;
		const hosts = (data as {hosts?: unknown})?.hosts;
		if (!Array.isArray(hosts)) {
			return [];
		}

		// Only strings, no repeats, at most maxHosts: a hand-edited file may hold anything.
		return hosts.filter((h): h is string => typeof h === 'string' && h.trim() !== '').reduceRight<string[]>((list, h) => addHost(list, h), []).slice(0, maxHosts);
	} catch {
		return [];
	}
}

/** Puts `host` first in the history file. Errors are swallowed: a read-only home must not stop tsdtop. */
export function rememberHost(host: string, env: Env = process.env): void {
	const file = hostsFile(env);
	try {
		mkdirSync(path.dirname(file), {recursive: true});
		// Written aside and renamed: two tsdtops saving at once leave one whole file, never a torn one.
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, `${JSON.stringify({hosts: addHost(readHosts(env), host)}, undefined, 2)}\n`);
		renameSync(temporary, file);
	} catch {}
}
