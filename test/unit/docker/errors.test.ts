import {describe, expect, it} from 'vitest';
import {describeError, isNotFound} from '../../../source/docker/errors.js';

const socketHost = 'unix:///var/run/docker.sock';
const tcpHost = 'tcp://10.0.0.5:2375';

/** A socket error as Node raises it. */
function systemError(code: string, message = `connect ${code} /var/run/docker.sock`): NodeJS.ErrnoException {
	return Object.assign(new Error(message), {code, errno: -1, syscall: 'connect'});
}

const runningMessage = 'You cannot remove a running container abc. Stop the container before attempting removal or force remove';
/** What docker-modem rejects with when the Engine answers 409. */
const conflict = Object.assign(new Error(`(HTTP code 409) unexpected - ${runningMessage} `), {
	reason: undefined,
	statusCode: 409,
	json: {message: runningMessage},
});

describe('describeError', () => {
	it('ENOENT names the socket and says how to point elsewhere', () => {
		const text = describeError(systemError('ENOENT'), socketHost);
		expect(text).toContain('/var/run/docker.sock does not exist');
		expect(text).not.toContain('unix://');
		expect(text).toMatch(/DOCKER_HOST/);
		expect(text).toMatch(/--host/);
	});

	// Issue 6: on Podman's socket the hint is Podman's service, not dockerd.
	it.each([
		['ENOENT', 'unix:///run/user/1000/podman/podman.sock (Podman)', 'cannot reach the Docker Engine: /run/user/1000/podman/podman.sock does not exist (is the Podman service running? systemctl [--user] start podman.socket)'],
		['ECONNREFUSED', 'unix:///run/podman/podman.sock', 'cannot reach the Docker Engine at unix:///run/podman/podman.sock: connection refused (is the Podman service running? systemctl [--user] start podman.socket)'],
	])('%s on Podman\'s socket names the Podman service', (code, host, expected) => {
		expect(describeError(systemError(code), host)).toBe(expected);
	});

	it.each(['EACCES', 'EPERM'])('%s mentions the docker group', code => {
		const text = describeError(systemError(code), socketHost);
		expect(text).toMatch(/permission denied on \/var\/run\/docker\.sock/);
		expect(text).toMatch(/docker group/);
		expect(text).toMatch(/usermod -aG docker/);
	});

	it('ECONNREFUSED names the host', () => {
		const text = describeError(systemError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:2375'), tcpHost);
		expect(text).toBe('cannot reach the Docker Engine at tcp://10.0.0.5:2375: connection refused (is dockerd running?)');
	});

	it.each([
		['ECONNRESET', /lost the connection .* tcp:\/\/10\.0\.0\.5:2375/],
		['EPIPE', /lost the connection/],
		['ETIMEDOUT', /did not answer in time/],
		['ESOCKETTIMEDOUT', /did not answer in time/],
		['ENOTFOUND', /cannot resolve the host of tcp:\/\/10\.0\.0\.5:2375/],
		['EAI_AGAIN', /cannot resolve the host/],
	])('%s', (code, pattern) => {
		expect(describeError(systemError(code), tcpHost)).toMatch(pattern);
	});

	it('a docker-modem Engine error gives the Engine\'s own message, without the HTTP prefix', () => {
		expect(describeError(conflict, socketHost)).toBe(runningMessage);
	});

	it('reads the Engine message out of the docker-modem text when json is missing', () => {
		const error = Object.assign(new Error('(HTTP code 404) no such container - No such container: 0123abcd '), {statusCode: 404});
		expect(describeError(error, socketHost)).toBe('No such container: 0123abcd');
	});

	it('falls back to the message of a plain error', () => {
		expect(describeError(new Error('something odd'), socketHost)).toBe('something odd');
	});

	it.each<[string, unknown]>([
		['a string', 'boom'],
		['undefined', undefined],
		['null', null],
		['a number', 42],
		['an object without a message', {}],
	])('does not throw on %s', (_name, value) => {
		expect(() => describeError(value, socketHost)).not.toThrow();
		expect(describeError(value, socketHost).length).toBeGreaterThan(0);
	});

	it('is always one line', () => {
		const multiLine = [
			Object.assign(new Error('(HTTP code 500) server error - line one\nline two\r\n\tline three '), {statusCode: 500}),
			Object.assign(new Error('(HTTP code 500) server error'), {statusCode: 500, json: {message: 'a\nb\n\nc'}}),
			new Error('first\nsecond'),
			conflict,
			systemError('ENOENT'),
			systemError('EACCES'),
			systemError('ECONNREFUSED'),
		];
		for (const error of multiLine) {
			const text = describeError(error, socketHost);
			expect(text).not.toMatch(/[\r\n\t]/);
			expect(text).toBe(text.trim());
		}

		expect(describeError(multiLine[0], socketHost)).toBe('line one line two line three');
		expect(describeError(multiLine[1], socketHost)).toBe('a b c');
	});
});

describe('isNotFound', () => {
	it.each<[string, unknown, boolean]>([
		['404', {statusCode: 404}, true],
		['409', conflict, false],
		['500', {statusCode: 500}, false],
		['a socket error', systemError('ENOENT'), false],
		['undefined', undefined, false],
		['null', null, false],
	])('%s', (_name, error, expected) => {
		expect(isNotFound(error)).toBe(expected);
	});
});
