import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ConnectionError, defaultSocket, resolveConnection} from '../../../source/docker/connection.js';

let certDir: string;

beforeAll(() => {
	certDir = mkdtempSync(path.join(tmpdir(), 'tsdtop-certs-'));
	writeFileSync(path.join(certDir, 'ca.pem'), 'dummy ca');
	writeFileSync(path.join(certDir, 'cert.pem'), 'dummy cert');
	writeFileSync(path.join(certDir, 'key.pem'), 'dummy key');
});

afterAll(() => {
	rmSync(certDir, {recursive: true, force: true});
});

function connectionError(run: () => unknown): ConnectionError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ConnectionError);
		return error as ConnectionError;
	}

	throw new Error('expected a ConnectionError, got none');
}

describe('resolveConnection: which host wins', () => {
	it('uses the local socket when nothing is set', () => {
		expect(defaultSocket).toBe('/var/run/docker.sock');
		expect(resolveConnection(undefined, {})).toEqual({label: 'unix:///var/run/docker.sock', source: 'default', options: {socketPath: '/var/run/docker.sock'}});
	});

	it('ignores an empty or blank DOCKER_HOST', () => {
		expect(resolveConnection(undefined, {DOCKER_HOST: ''}).source).toBe('default');
		expect(resolveConnection(undefined, {DOCKER_HOST: '   '}).source).toBe('default');
	});

	it('uses DOCKER_HOST over the default', () => {
		const connection = resolveConnection(undefined, {DOCKER_HOST: 'tcp://10.0.0.5:2375'});
		expect(connection.source).toBe('DOCKER_HOST');
		expect(connection.label).toBe('tcp://10.0.0.5:2375');
	});

	it('uses --host over DOCKER_HOST', () => {
		const connection = resolveConnection('unix:///run/user/1000/docker.sock', {DOCKER_HOST: 'tcp://10.0.0.5:2375'});
		expect(connection.source).toBe('--host');
		expect(connection.options).toEqual({socketPath: '/run/user/1000/docker.sock'});
	});

	it('reads process.env when no env is given', () => {
		const saved = process.env['DOCKER_HOST'];
		process.env['DOCKER_HOST'] = 'unix:///tmp/from-process-env.sock';
		try {
			expect(resolveConnection(undefined).options).toEqual({socketPath: '/tmp/from-process-env.sock'});
		} finally {
			if (saved === undefined) {
				delete process.env['DOCKER_HOST'];
			} else {
				process.env['DOCKER_HOST'] = saved;
			}
		}
	});
});

describe('resolveConnection: URL forms', () => {
	it.each([
		['unix:///var/run/docker.sock', 'unix:///var/run/docker.sock', {socketPath: '/var/run/docker.sock'}],
		['unix:///run/user/1000/podman/podman.sock', 'unix:///run/user/1000/podman/podman.sock', {socketPath: '/run/user/1000/podman/podman.sock'}],
		['/var/run/docker.sock', 'unix:///var/run/docker.sock', {socketPath: '/var/run/docker.sock'}],
		['  /tmp/docker.sock  ', 'unix:///tmp/docker.sock', {socketPath: '/tmp/docker.sock'}],
		['tcp://h:2375', 'tcp://h:2375', {host: 'h', port: 2375, protocol: 'http'}],
		['tcp://10.0.0.5:2375', 'tcp://10.0.0.5:2375', {host: '10.0.0.5', port: 2375, protocol: 'http'}],
		['tcp://h', 'tcp://h:2375', {host: 'h', port: 2375, protocol: 'http'}],
		['TCP://h:2375', 'tcp://h:2375', {host: 'h', port: 2375, protocol: 'http'}],
		['tcp://h:2376', 'tcp://h:2376', {host: 'h', port: 2376, protocol: 'https'}],
		['tcp://h:12345', 'tcp://h:12345', {host: 'h', port: 12_345, protocol: 'http'}],
		['h:2375', 'tcp://h:2375', {host: 'h', port: 2375, protocol: 'http'}],
		['localhost', 'tcp://localhost:2375', {host: 'localhost', port: 2375, protocol: 'http'}],
		['http://h:2375', 'http://h:2375', {host: 'h', port: 2375, protocol: 'http'}],
		['http://h', 'http://h:2375', {host: 'h', port: 2375, protocol: 'http'}],
		['https://h', 'https://h:2376', {host: 'h', port: 2376, protocol: 'https'}],
		['https://h:3000', 'https://h:3000', {host: 'h', port: 3000, protocol: 'https'}],
	])('%s', (host, label, options) => {
		const connection = resolveConnection(host, {});
		expect(connection.label).toBe(label);
		expect(connection.options).toEqual(options);
	});

	// An explicit port must be used as written. WHATWG URL reports the scheme's default port
	// (80 for http:, 443 for https:) as '', which must not turn into 2375/2376.
	it.each([
		['tcp://h:80', 80],
		['http://h:80', 80],
		['https://h:443', 443],
	])('keeps the explicit port of %s', (host, port) => {
		expect(resolveConnection(host, {}).options.port).toBe(port);
	});

	it('uses https with DOCKER_TLS_VERIFY=1 and reads the certificates from DOCKER_CERT_PATH', () => {
		const connection = resolveConnection('tcp://h:2375', {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir});
		expect(connection.options).toMatchObject({host: 'h', port: 2375, protocol: 'https'});
		expect(String(connection.options.ca)).toBe('dummy ca');
		expect(String(connection.options.cert)).toBe('dummy cert');
		expect(String(connection.options.key)).toBe('dummy key');
	});

	it('defaults to port 2376 with DOCKER_TLS_VERIFY=1 and no port', () => {
		expect(resolveConnection(undefined, {DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1'}).options).toMatchObject({port: 2376, protocol: 'https'});
	});

	it('stays on http when DOCKER_TLS_VERIFY is empty', () => {
		expect(resolveConnection('tcp://h:2375', {DOCKER_TLS_VERIFY: ''}).options.protocol).toBe('http');
	});

	// The docker CLI (and Docker's "Protect the Docker daemon socket" guide) reads ca.pem, cert.pem and
	// key.pem from ~/.docker when DOCKER_TLS_VERIFY is set and DOCKER_CERT_PATH is not; the help text
	// promises these variables work "as for the docker CLI".
	it('reads the certificates from ~/.docker when DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH is unset', () => {
		const home = mkdtempSync(path.join(tmpdir(), 'tsdtop-home-'));
		const savedHome = process.env['HOME'];
		try {
			mkdirSync(path.join(home, '.docker'));
			for (const name of ['ca', 'cert', 'key']) {
				writeFileSync(path.join(home, '.docker', `${name}.pem`), `home ${name}`);
			}

			process.env['HOME'] = home;
			const connection = resolveConnection('tcp://h:2376', {DOCKER_TLS_VERIFY: '1', HOME: home});
			expect(connection.options.protocol).toBe('https');
			expect(String(connection.options.ca)).toBe('home ca');
			expect(String(connection.options.cert)).toBe('home cert');
			expect(String(connection.options.key)).toBe('home key');
		} finally {
			if (savedHome === undefined) {
				delete process.env['HOME'];
			} else {
				process.env['HOME'] = savedHome;
			}

			rmSync(home, {recursive: true, force: true});
		}
	});

	it('does not read certificates for plain http', () => {
		const connection = resolveConnection('tcp://h:2375', {DOCKER_CERT_PATH: certDir});
		expect(connection.options.ca).toBeUndefined();
	});

	it('says which certificate file it cannot read', () => {
		const missing = path.join(certDir, 'nope');
		const error = connectionError(() => resolveConnection('tcp://h:2376', {DOCKER_CERT_PATH: missing}));
		expect(error.message).toContain('ca.pem');
		expect(error.message).toContain(missing);
	});

	it('ssh://me@host:2222', () => {
		const connection = resolveConnection('ssh://me@host:2222', {SSH_AUTH_SOCK: '/tmp/agent.sock'});
		expect(connection.label).toBe('ssh://me@host:2222');
		// The system ssh does the SSH part (ssh-tunnel.ts); dockerode speaks plain HTTP over its channels.
		expect(connection.ssh).toEqual({host: 'host', port: 2222, user: 'me'});
		expect(connection.options).toMatchObject({protocol: 'http'});
	});

	it('ssh://host leaves the user and port to ~/.ssh/config', () => {
		const connection = resolveConnection('ssh://host', {});
		expect(connection.label).toBe('ssh://host');
		// No user, no port: ~/.ssh/config (or ssh's defaults) decide, as with plain ssh.
		expect(connection.ssh).toEqual({host: 'host'});
		expect(connection.options.username).toBeUndefined();
	});
});

describe('resolveConnection: hosts it cannot use', () => {
	it('npipe:// throws a ConnectionError that says named pipes are Windows only', () => {
		const error = connectionError(() => resolveConnection('npipe:////./pipe/docker_engine', {}));
		expect(error.message).toContain('npipe:////./pipe/docker_engine');
		expect(error.message).toMatch(/Windows/);
		expect(error.message).toMatch(/unix:\/\//);
	});

	it.each([
		'not a url',
		'tcp://',
		'tcp://:2375',
		'tcp://h:notaport',
		'http://',
		'ssh://',
		'::::',
	])('garbage %j throws a ConnectionError naming it', host => {
		const error = connectionError(() => resolveConnection(host, {}));
		expect(error.message).toContain(host);
		expect(error.message).not.toContain('\n');
	});

	it('unix:// with a relative path throws a ConnectionError', () => {
		const error = connectionError(() => resolveConnection('unix://docker.sock', {}));
		expect(error.message).toMatch(/absolute path/);
	});

	it.each(['ftp://h', 'fd://', 'docker://h'])('unknown scheme %s throws a ConnectionError naming the scheme', host => {
		const error = connectionError(() => resolveConnection(host, {}));
		expect(error.message).toContain(`${host.split('://')[0]}://`);
		expect(error.message).toMatch(/unsupported scheme/);
	});

	it('a bad DOCKER_HOST throws too', () => {
		connectionError(() => resolveConnection(undefined, {DOCKER_HOST: 'npipe:////./pipe/docker_engine'}));
	});
});
