import {readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/** The person's own hosts history, where tsdtop writes it when nothing points it elsewhere. */
export const realHostsJson = path.join(process.env['XDG_STATE_HOME'] || path.join(homedir(), '.local', 'state'), 'tsdtop', 'hosts.json');

/** What the file holds and when it last changed, or 'absent': equal before and after the suite, or a test wrote it. */
export function fingerprint(file = realHostsJson): string {
	try {
		return `${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`;
	} catch {
		return 'absent';
	}
}
