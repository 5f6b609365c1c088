import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConnectionError, defaultSocket, resolveConnection} from '../../../source/docker/connection.js';
import {listContexts} from '../../../source/docker/contexts.js';

/** A HOME with a docker config and contexts, as `docker context create` leaves them. */
function home(options: {current?: string; contexts?: Record<string, string>; tls?: string[]} = {}) {
	const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-ctx-'));
	const docker = path.join(dir, '.docker');
	mkdirSync(docker, {recursive: true});
	if (options.current) {
		writeFileSync(path.join(docker, 'config.json'), JSON.stringify({currentContext: options.current}));
	}

	for (const [name, host] of Object.entries(options.contexts ?? {})) {
		const digest = createHash('sha256').update(name).digest('hex');
		mkdirSync(path.join(docker, 'contexts', 'meta', digest), {recursive: true});
		writeFileSync(path.join(docker, 'contexts', 'meta', digest, 'meta.json'), JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}}));
		if (options.tls?.includes(name)) {
			const tls = path.join(docker, 'contexts', 'tls', digest, 'docker');
			mkdirSync(tls, {recursive: true});
			for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
				writeFileSync(path.join(tls, file), `${name}-${file}`);
			}
		}
	}

	return dir;
}

describe('docker contexts', () => {
	const contexts = {prod: 'tcp://10.0.0.5:2376', local: 'unix:///run/other.sock'};

	it('uses the current context of ~/.docker/config.json', () => {
		const connection = resolveConnection(undefined, {HOME: home({current: 'local', contexts})});
		expect(connection).toMatchObject({source: 'config', context: 'local', options: {socketPath: '/run/other.sock'}});
		expect(connection.label).toBe('unix:///run/other.sock (context local)');
	});

	it('DOCKER_CONTEXT beats the config file, --context beats both, DOCKER_HOST and --host beat every context', () => {
		const HOME = home({current: 'local', contexts});
		expect(resolveConnection(undefined, {HOME, DOCKER_CONTEXT: 'prod'})).toMatchObject({source: 'DOCKER_CONTEXT', context: 'prod', options: {host: '10.0.0.5', port: 2376}});
		expect(resolveConnection(undefined, {HOME, DOCKER_CONTEXT: 'prod'}, 'local')).toMatchObject({source: '--context', context: 'local'});
		expect(resolveConnection(undefined, {HOME, DOCKER_HOST: 'unix:///x.sock'}, 'prod')).toMatchObject({source: 'DOCKER_HOST', options: {socketPath: '/x.sock'}});
		expect(resolveConnection('unix:///y.sock', {HOME, DOCKER_HOST: 'unix:///x.sock'}, 'prod')).toMatchObject({source: '--host', options: {socketPath: '/y.sock'}});
	});

	it('reads the context\'s own TLS material', () => {
		const connection = resolveConnection(undefined, {HOME: home({contexts, tls: ['prod']})}, 'prod');
		expect(connection.options.protocol).toBe('https');
		expect(String(connection.options.ca)).toBe('prod-ca.pem');
		expect(String(connection.options.key)).toBe('prod-key.pem');
	});

	it('"default" means the local socket, and an unknown context is a clear error', () => {
		expect(resolveConnection(undefined, {HOME: home({current: 'default', contexts})}).source).not.toBe('config');
		expect(() => resolveConnection(undefined, {HOME: home({contexts})}, 'nope')).toThrow(ConnectionError);
		expect(() => resolveConnection(undefined, {HOME: home({contexts})}, 'nope')).toThrow(/docker context "nope" not found/);
	});

	it('lists every context for a switcher, sorted', () => {
		expect(listContexts({HOME: home({contexts})})).toEqual([{name: 'local', host: 'unix:///run/other.sock'}, {name: 'prod', host: 'tcp://10.0.0.5:2376'}]);
		expect(listContexts({HOME: home()})).toEqual([]);
	});
});

describe('Podman', () => {
	it('uses Podman\'s socket when there is no Docker socket and nothing else is set', () => {
		const runtime = mkdtempSync(path.join(tmpdir(), 'tsdtop-xdg-'));
		mkdirSync(path.join(runtime, 'podman'));
		writeFileSync(path.join(runtime, 'podman', 'podman.sock'), '');
		const connection = resolveConnection(undefined, {HOME: home(), XDG_RUNTIME_DIR: runtime});
		// Where a Docker socket exists, Docker wins; the test machines have none.
		expect(connection).toMatchObject(existsSync(defaultSocket)
			? {source: 'default'}
			: {source: 'podman', label: `unix://${path.join(runtime, 'podman', 'podman.sock')} (Podman)`, options: {socketPath: path.join(runtime, 'podman', 'podman.sock')}});
	});
});
