import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pullImage} from '../../source/docker/pull.js';
import type {PullProgress} from '../../source/docker/pull-progress.js';
import {publishVariant, registryPassword, removeMadeImages, registryUser, startRegistry, tagLocally} from '../helpers/registry.js';
import {docker, uniquePrefix} from '../helpers/test-containers.js';

// Pulls from real loopback registries (test/engine/registry.sh) into the private Engine.
const p = uniquePrefix('pull');
let plain: string;
let locked: string;
let home: string;

/** A DOCKER_CONFIG folder of its own, so the real ~/.docker is never read. */
function configEnv(config: object, extra: Record<string, string> = {}): Record<string, string> {
	const dir = mkdtempSync(path.join(home, 'docker-config-'));
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
	return {HOME: home, DOCKER_CONFIG: dir, PATH: process.env['PATH'] ?? '', ...extra};
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

beforeAll(async () => {
	home = mkdtempSync(path.join(tmpdir(), 'tsdtop-pull-'));
	plain = startRegistry('plain');
	locked = startRegistry('auth');
	await publishVariant(`${locked}/${p}/app:1`, {version: 'locked'}, {username: registryUser, password: registryPassword, serveraddress: locked});
});

afterAll(async () => {
	rmSync(home, {recursive: true, force: true});
	await removeMadeImages();
});

describe('pullImage', () => {
	it('says up to date when the registry has the image this host has', async () => {
		const reference = `${plain}/${p}/same:1`;
		const id = await publishVariant(reference, {version: 'same'});
		const result = await pullImage(docker, reference, {env: configEnv({})});
		expect(result).toEqual({kind: 'up-to-date', reference, imageId: id});
	});

	it('pulls a newer image under the same tag, with per-layer progress and a total', async () => {
		const reference = `${plain}/${p}/app:1`;
		// 4 MB that do not compress: a layer that takes a while to come down.
		const older = await publishVariant(reference, {version: 'one'});
		const newer = await publishVariant(reference, {version: 'two', script: 'head -c 4194304 /dev/urandom > /blob'});
		expect(newer).not.toBe(older);
		await tagLocally(older, reference);
		// Its layers leave this host too, so the pull downloads them.
		await docker.getImage(newer).remove();
		const updates: PullProgress[] = [];
		const result = await pullImage(docker, reference, {env: configEnv({}), onProgress: progress => updates.push(progress)});
		expect(result).toEqual({kind: 'pulled', reference, oldId: older, newId: newer});
		const last = updates.at(-1)!;
		// The busybox layer is here already; the layer with /version comes down.
		expect(last.layers.some(layer => layer.phase === 'exists')).toBe(true);
		expect(last.layers.some(layer => layer.phase === 'done')).toBe(true);
		// The Engine drops progress messages a slow reader has not taken yet (only the latest waits), so
		// on a busy machine a layer can go from "Pulling fs layer" to "Pull complete" with no byte count.
		for (const update of updates) {
			expect(update.downloaded).toBeLessThanOrEqual(update.total);
		}

		expect(last.downloaded).toBe(last.total);
		expect(last.total).toBe(last.layers.reduce((sum, layer) => sum + (layer.phase === 'exists' ? 0 : layer.size ?? 0), 0));
		expect(last.digest).toMatch(/^sha256:[a-f\d]{64}$/);
		expect(last.messages.at(-1)).toMatch(/Downloaded newer image/);
	});

	it('says in one line that a tag does not exist', async () => {
		const result = await pullImage(docker, `${plain}/${p}/app:nope`, {env: configEnv({})});
		expect(result).toEqual({kind: 'error', reference: `${plain}/${p}/app:nope`, message: `${plain}/${p}/app:nope: no such image or tag on ${plain}`});
	});

	it('says in one line that the registry cannot be reached', async () => {
		// Port 1 on loopback: nothing listens there.
		const result = await pullImage(docker, `127.0.0.1:1/${p}/app:1`, {env: configEnv({})});
		expect(result.kind).toBe('error');
		expect(result.kind === 'error' && result.message).toMatch(/^cannot reach the registry 127\.0\.0\.1:1: .*connection refused/);
	});

	it('says the login was refused, without credentials and with wrong ones', async () => {
		const reference = `${locked}/${p}/app:1`;
		const none = await pullImage(docker, reference, {env: configEnv({})});
		expect(none.kind === 'error' && none.message).toMatch(new RegExp(`^${locked} refused the login for ${reference} \\(docker login ${locked}, or check ~/.docker/config.json\\): `));
		const wrong = await pullImage(docker, reference, {env: configEnv({auths: {[locked]: {auth: basic(registryUser, 'wrong')}}})});
		expect(wrong.kind === 'error' && wrong.message).toMatch(new RegExp(`^${locked} refused the login`));
	});

	it('logs in with the auths entry of config.json, matched by host', async () => {
		const reference = `${locked}/${p}/app:1`;
		await docker.getImage(reference).remove({force: true}).catch(() => undefined);
		const result = await pullImage(docker, reference, {env: configEnv({auths: {[`http://${locked}/v2/`]: {auth: basic(registryUser, registryPassword)}}})});
		expect(result.kind).toBe('pulled');
	});

	it('logs in through a docker-credential helper named by credsStore or credHelpers', async () => {
		const bin = path.join(home, 'bin');
		mkdirSync(bin, {recursive: true});
		const asked = path.join(home, 'helper-asked');
		// A real helper speaking the protocol: the server on stdin, JSON on stdout, "not found" otherwise.
		writeFileSync(path.join(bin, 'docker-credential-tsdtoptest'), [
			'#!/bin/sh',
			'[ "$1" = get ] || exit 2',
			'read -r server',
			`echo "$server" >> '${asked}'`,
			`if [ "$server" = '${locked}' ]; then`,
			`  printf '{"ServerURL":"%s","Username":"${registryUser}","Secret":"${registryPassword}"}' "$server"`,
			'else echo "credentials not found in native keychain"; exit 1; fi',
		].join('\n'));
		chmodSync(path.join(bin, 'docker-credential-tsdtoptest'), 0o755);
		const withBin = {PATH: `${bin}:${process.env['PATH'] ?? ''}`};
		const reference = `${locked}/${p}/app:1`;
		for (const config of [{credsStore: 'tsdtoptest'}, {credsStore: 'missing-helper', credHelpers: {[locked]: 'tsdtoptest'}}]) {
			// eslint-disable-next-line no-await-in-loop
			await docker.getImage(reference).remove({force: true}).catch(() => undefined);
			// eslint-disable-next-line no-await-in-loop
			const result = await pullImage(docker, reference, {env: configEnv(config, withBin)});
			expect(result.kind).toBe('pulled');
		}

		expect(readFileSync(asked, 'utf8').trim().split('\n')).toEqual([locked, locked]);
		// A helper that has nothing for the registry means an anonymous pull: the plain registry answers.
		const open = await pullImage(docker, `${plain}/${p}/app:1`, {env: configEnv({credsStore: 'tsdtoptest'}, withBin)});
		expect(open.kind).not.toBe('error');
		// A helper that is not installed is one line, as with the docker CLI.
		const missing = await pullImage(docker, reference, {env: configEnv({credsStore: 'missing-helper'}, withBin)});
		expect(missing).toMatchObject({kind: 'error', message: expect.stringContaining('docker-credential-missing-helper not found on PATH') as string});
	});
});
