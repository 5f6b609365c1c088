import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {engineHost} from '../helpers/engine-paths.js';
import {fingerprint, wroteRealHosts} from '../helpers/real-state.js';
import {terminalPool} from '../helpers/tmux.js';

// Issue 12 item 18: tests ran tsdtop with the person's HOME, so `--host` wrote their
// ~/.local/state/tsdtop/hosts.json and their config changed what the tests saw.
const pool = terminalPool();

afterEach(() => {
	pool.closeAll();
});

describe('every tsdtop a test starts lives in a HOME of its own', () => {
	it('--host writes the hosts history into the terminal\'s own XDG_STATE_HOME, never the person\'s', async () => {
		const term = pool.open({args: ['--host', engineHost]});
		await term.waitFor(/\d+ running, \d+ stopped, \d+ total/);
		const own = path.join(term.home.XDG_STATE_HOME, 'tsdtop', 'hosts.json');
		// A --host that answered is remembered: wait for the file, then read it.
		await term.waitFor(() => fingerprint(own) !== 'absent');
		expect(JSON.parse(readFileSync(own, 'utf8'))).toEqual({hosts: [engineHost]});
		expect(term.home.HOME.startsWith(term.dir)).toBe(true);
		expect(wroteRealHosts(inject('realHostsJson'), fingerprint())).toBeUndefined();
	});
});
