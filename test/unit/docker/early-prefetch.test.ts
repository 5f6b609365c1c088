import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {plainLocalSocket} from '../../../source/docker/early-prefetch.js';

// The bin asks this socket for the list before cli.tsx has resolved the connection: it must be
// the socket cli.tsx would pick, or none.
describe('plainLocalSocket', () => {
	const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-early-'));
	const socket = path.join(home, 'docker.sock');
	writeFileSync(socket, '');
	const noConfig = {DOCKER_CONFIG: path.join(home, 'none')};

	it('is DOCKER_HOST\'s path when that is a unix:// URL', () => {
		expect(plainLocalSocket([], {DOCKER_HOST: ' unix:///run/user/1000/docker.sock '}, socket)).toBe('/run/user/1000/docker.sock');
	});

	it('is the default socket when nothing names another Engine', () => {
		expect(plainLocalSocket([], noConfig, socket)).toBe(socket);
	});

	it('is none for arguments, tcp:// and ssh:// hosts, a context, or a missing default socket', () => {
		expect(plainLocalSocket(['--host', 'unix:///x.sock'], noConfig, socket)).toBeUndefined();
		expect(plainLocalSocket([], {DOCKER_HOST: 'tcp://10.0.0.5:2375'}, socket)).toBeUndefined();
		expect(plainLocalSocket([], {DOCKER_HOST: 'ssh://me@box'}, socket)).toBeUndefined();
		expect(plainLocalSocket([], {...noConfig, DOCKER_CONTEXT: 'prod'}, socket)).toBeUndefined();
		expect(plainLocalSocket([], noConfig, path.join(home, 'missing.sock'))).toBeUndefined();
		const config = path.join(home, 'with-context');
		mkdirIn(config, '{"currentContext": "prod"}');
		expect(plainLocalSocket([], {DOCKER_CONFIG: config}, socket)).toBeUndefined();
		const defaultContext = path.join(home, 'default-context');
		mkdirIn(defaultContext, '{"currentContext": "default"}');
		expect(plainLocalSocket([], {DOCKER_CONFIG: defaultContext}, socket)).toBe(socket);
	});
});

function mkdirIn(dir: string, config: string): void {
	mkdirSync(dir, {recursive: true});
	writeFileSync(path.join(dir, 'config.json'), config);
}
