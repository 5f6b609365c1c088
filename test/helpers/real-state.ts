import {readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {engineDir} from './engine-paths.js';

/** The person's own hosts history, where tsdtop writes it when nothing points it elsewhere. */
export const realHostsJson = path.join(process.env['XDG_STATE_HOME'] || path.join(homedir(), '.local', 'state'), 'tsdtop', 'hosts.json');

/** What the file holds and when it last changed, or 'absent'. */
export function fingerprint(file = realHostsJson): string {
	try {
		return `${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`;
	} catch {
		return 'absent';
	}
}

function hostsIn(snapshot: string): string[] {
	const text = snapshot === 'absent' ? '' : snapshot.slice(snapshot.indexOf(' ') + 1);
	try {
		const {hosts} = JSON.parse(text) as {hosts?: unknown};
		return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
	} catch {
		return [];
	}
}

/**
 * Why the suite must fail, when this suite's tsdtop wrote the person's hosts history between two
 * snapshots. On a shared machine others write it too (another checkout's tests, the person's own
 * tsdtop), so a change alone proves nothing: tsdtop puts the host it used first, so the suite wrote it
 * if the file changed and now starts with one of this suite's Engines (every socket of theirs lies
 * under engineDir or beside it: -res, -sw, -rc, /podman), or holds one it did not hold before.
 */
export function wroteRealHosts(before: string, after: string): string | undefined {
	if (before === after) {
		return undefined;
	}

	const ours = (host: string) => host.includes(engineDir);
	const was = new Set(hostsIn(before).filter(host => ours(host)));
	const is = hostsIn(after);
	const wrote = (is[0] !== undefined && ours(is[0])) || is.some(host => ours(host) && !was.has(host));
	return wrote ? `a test wrote ${realHostsJson} (${JSON.stringify(is.filter(host => ours(host)))}): every tsdtop a test starts must have a HOME and XDG folders of its own` : undefined;
}
