import {describe, expect, it} from 'vitest';
import {localName, parseReference} from '../../../source/docker/image-reference.js';
import {describePullError} from '../../../source/docker/pull-error.js';
import {emptyPull, type PullMessage, reducePull} from '../../../source/docker/pull-progress.js';
import {type DockerAuthConfig, findCredentials, fromAuths, helperFor, registryOfKey, type RunHelper} from '../../../source/docker/registry-auth.js';

describe('parseReference', () => {
	it.each([
		['busybox', {registry: 'docker.io', repository: 'library/busybox', tag: 'latest', name: 'busybox', canonical: 'docker.io/library/busybox:latest'}],
		['me/app:1.2', {registry: 'docker.io', repository: 'me/app', tag: '1.2', name: 'me/app', canonical: 'docker.io/me/app:1.2'}],
		['docker.io/nginx', {registry: 'docker.io', repository: 'library/nginx', tag: 'latest', name: 'docker.io/nginx'}],
		['index.docker.io/me/app', {registry: 'docker.io', repository: 'me/app'}],
		['127.0.0.1:5000/team/app:2', {registry: '127.0.0.1:5000', repository: 'team/app', tag: '2', name: '127.0.0.1:5000/team/app'}],
		['localhost/app', {registry: 'localhost', repository: 'app', tag: 'latest'}],
		['ghcr.io/o/r/app:v1-rc.1', {registry: 'ghcr.io', repository: 'o/r/app', tag: 'v1-rc.1'}],
		// A port without a tag: the colon is the registry's, not a tag.
		['registry:5000/app', {registry: 'registry:5000', repository: 'app', tag: 'latest'}],
		[`alpine@sha256:${'a'.repeat(64)}`, {registry: 'docker.io', repository: 'library/alpine', digest: `sha256:${'a'.repeat(64)}`, canonical: `docker.io/library/alpine@sha256:${'a'.repeat(64)}`}],
	])('%s', (text, expected) => {
		const parsed = parseReference(text);
		expect(parsed).toMatchObject(expected);
		if (!('digest' in expected)) {
			expect(parsed.digest).toBeUndefined();
		}
	});

	it('names the image locally as the Engine does', () => {
		expect(localName(parseReference('busybox'))).toBe('busybox:latest');
		expect(localName(parseReference('127.0.0.1:5000/app:2'))).toBe('127.0.0.1:5000/app:2');
	});

	it.each([
		['', 'no image reference given'],
		['Busybox', 'invalid image name "Busybox" (lower-case letters, digits and . _ - separated by /)'],
		['app:bad tag', 'invalid tag "bad tag" in app:bad tag'],
		['app@sha256:xyz', 'invalid digest in app@sha256:xyz'],
	])('refuses %j in one line', (text, message) => {
		expect(() => parseReference(text)).toThrow(message);
	});
});

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('credentials', () => {
	it.each([
		['https://index.docker.io/v1/', 'docker.io'],
		['registry-1.docker.io', 'docker.io'],
		['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
		['Ghcr.io', 'ghcr.io'],
	])('the key %s names %s', (key, registry) => {
		expect(registryOfKey(key)).toBe(registry);
	});

	const config: DockerAuthConfig = {
		auths: {
			'https://index.docker.io/v1/': {auth: base64('hubber:p:w')},
			'127.0.0.1:5000': {username: 'plain', password: 'text'},
			'token.example': {identitytoken: 'refresh'},
		},
		credsStore: 'desktop',
		credHelpers: {'gcr.io': 'gcloud'},
	};

	it('reads auths by host: base64 auth (a colon in the password kept), plain fields, tokens', () => {
		expect(fromAuths(config, 'docker.io')).toEqual({serveraddress: 'https://index.docker.io/v1/', username: 'hubber', password: 'p:w'});
		expect(fromAuths(config, '127.0.0.1:5000')).toEqual({serveraddress: '127.0.0.1:5000', username: 'plain', password: 'text'});
		expect(fromAuths(config, 'token.example')).toEqual({serveraddress: 'token.example', identitytoken: 'refresh'});
		expect(fromAuths(config, 'other.example')).toBeUndefined();
	});

	it('picks credHelpers by host before credsStore', () => {
		expect(helperFor(config, 'gcr.io')).toBe('gcloud');
		expect(helperFor(config, 'docker.io')).toBe('desktop');
		expect(helperFor({}, 'docker.io')).toBeUndefined();
	});

	it('asks the helper with the server name, falls back to auths when it has nothing', async () => {
		const asked: string[] = [];
		const helper: RunHelper = async (name, server) => {
			asked.push(`${name} ${server}`);
			if (server === 'gcr.io') {
				return {Username: '<token>', Secret: 'identity'};
			}

			return server === 'https://index.docker.io/v1/' ? {Username: 'me', Secret: 'pw'} : undefined;
		};

		expect(await findCredentials(config, 'gcr.io', helper)).toEqual({serveraddress: 'gcr.io', identitytoken: 'identity'});
		expect(await findCredentials(config, 'docker.io', helper)).toEqual({serveraddress: 'https://index.docker.io/v1/', username: 'me', password: 'pw'});
		expect(await findCredentials(config, '127.0.0.1:5000', helper)).toEqual({serveraddress: '127.0.0.1:5000', username: 'plain', password: 'text'});
		expect(await findCredentials(config, 'nowhere.example', helper)).toBeUndefined();
		expect(asked).toEqual(['gcloud gcr.io', 'desktop https://index.docker.io/v1/', 'desktop 127.0.0.1:5000', 'desktop nowhere.example']);
	});
});

describe('reducePull', () => {
	const run = (messages: PullMessage[]) => messages.reduce((state, message) => reducePull(state, message), emptyPull);
	const a = 'aaaaaaaaaaaa';
	const b = 'bbbbbbbbbbbb';
	const c = 'cccccccccccc';

	it('follows each layer through its phases and sums the bytes of the known sizes', () => {
		const state = run([
			{status: 'Pulling from team/app', id: '1'},
			{status: 'Already exists', id: a},
			{status: 'Pulling fs layer', id: b},
			{status: 'Pulling fs layer', id: c},
			{status: 'Downloading', id: b, progressDetail: {current: 100, total: 1000}},
			{status: 'Downloading', id: c, progressDetail: {current: 50, total: 200}},
		]);
		expect(state.layers.map(layer => [layer.id, layer.phase])).toEqual([[a, 'exists'], [b, 'downloading'], [c, 'downloading']]);
		expect([state.downloaded, state.total]).toEqual([150, 1200]);
		expect(state.messages).toEqual(['1: Pulling from team/app']);

		const later = [
			{status: 'Download complete', id: c},
			{status: 'Extracting', id: c, progressDetail: {current: 10, total: 200}},
			{status: 'Downloading', id: b, progressDetail: {current: 600, total: 1000}},
		].reduce((s, message) => reducePull(s, message), state);
		// Extraction's bytes are not download bytes: c counts as downloaded whole.
		expect([later.downloaded, later.total]).toEqual([800, 1200]);
		expect(later.layers[2]).toMatchObject({phase: 'extracting', status: 'Extracting', current: 10, total: 200, size: 200});

		const done = [
			{status: 'Pull complete', id: c},
			{status: 'Verifying Checksum', id: b},
			{status: 'Pull complete', id: b},
			{status: `Digest: sha256:${'d'.repeat(64)}`},
			{status: 'Status: Downloaded newer image for 127.0.0.1:5000/team/app:1'},
		].reduce((s, message) => reducePull(s, message), later);
		expect([done.downloaded, done.total]).toEqual([1200, 1200]);
		expect(done.digest).toBe(`sha256:${'d'.repeat(64)}`);
		expect(done.messages.at(-1)).toBe('Status: Downloaded newer image for 127.0.0.1:5000/team/app:1');
		expect(done.error).toBeUndefined();
	});

	it('takes a layer\'s size from extraction when no download progress came', () => {
		const state = run([
			{status: 'Pulling fs layer', id: a},
			{status: 'Download complete', id: a},
			{status: 'Extracting', id: a, progressDetail: {current: 5, total: 300}},
			{status: 'Pull complete', id: a},
		]);
		expect(state.layers[0]).toMatchObject({phase: 'done', size: 300});
		expect([state.downloaded, state.total]).toEqual([300, 300]);
	});

	it('keeps the stream\'s error as one line', () => {
		const state = run([{status: 'Pulling from x', id: '1'}, {error: 'manifest unknown:\n manifest unknown', errorDetail: {message: 'manifest unknown:\n manifest unknown'}}]);
		expect(state.error).toBe('manifest unknown: manifest unknown');
	});
});

describe('describePullError', () => {
	const ref = parseReference('127.0.0.1:5000/team/app:1');
	// The Engine's own messages (Docker 28), as the loopback registries made it say them.
	it.each([
		['manifest for 127.0.0.1:5000/team/app:1 not found: manifest unknown: manifest unknown', '127.0.0.1:5000/team/app:1: no such image or tag on 127.0.0.1:5000'],
		['Head "http://127.0.0.1:5000/v2/team/app/manifests/1": no basic auth credentials', '127.0.0.1:5000 refused the login for 127.0.0.1:5000/team/app:1 (docker login 127.0.0.1:5000, or check ~/.docker/config.json): Head "http://127.0.0.1:5000/v2/team/app/manifests/1": no basic auth credentials'],
		['(HTTP code 500) server error - Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused', 'cannot reach the registry 127.0.0.1:5000: Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused'],
		['something\nelse', 'pull of 127.0.0.1:5000/team/app:1 failed: something else'],
	])('%s', (message, line) => {
		expect(describePullError(message, ref)).toBe(line);
	});

	it('says plain docker login for Docker Hub', () => {
		expect(describePullError('unauthorized: authentication required', parseReference('me/private'))).toContain('(docker login, or check');
	});
});
