// Every tsdtop the benchmark starts gets a HOME and XDG folders of its own, so a person's config
// (a theme, "refresh" settings, a start pane) never changes the numbers, and their hosts history
// (~/.local/state/tsdtop/hosts.json) is never written.
import {mkdirSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** `env` with HOME, XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME and XDG_DATA_HOME in a new temp folder. */
export function sandboxEnv(env = process.env) {
	const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-bench-home-'));
	const folders = {
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_STATE_HOME: path.join(home, '.local', 'state'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
		XDG_DATA_HOME: path.join(home, '.local', 'share'),
	};
	for (const folder of Object.values(folders)) {
		mkdirSync(folder, {recursive: true});
	}

	const clean = {...env};
	// A person's TSDTOP_CONFIG, DOCKER_CONFIG or DOCKER_CONTEXT would reach past the sandbox.
	for (const name of ['TSDTOP_CONFIG', 'DOCKER_CONFIG', 'DOCKER_CONTEXT']) {
		delete clean[name];
	}

	return {...clean, ...folders};
}
