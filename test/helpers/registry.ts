import {execFileSync} from 'node:child_process';
import type Docker from 'dockerode';
import {engineDir, testImage} from './engine-paths.js';
import {docker, testLabel} from './test-containers.js';

/** The login of the 'auth' registry (test/engine/registry.sh). */
export const registryUser = 'tsdtop';
export const registryPassword = 'tsdtop-secret';

/**
 * Starts (or finds) a loopback registry of the private Engine's folder and returns its address,
 * 127.0.0.1:PORT. The global teardown stops it (test/helpers/engine-setup.ts).
 */
export function startRegistry(kind: 'plain' | 'auth' = 'plain'): string {
	return execFileSync('bash', ['test/engine/registry.sh', 'start', kind], {encoding: 'utf8', timeout: 60_000, env: {...process.env, TSDTOP_ENGINE_DIR: engineDir}}).trim();
}

async function follow(stream: NodeJS.ReadableStream): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		docker.modem.followProgress(stream, (error: Error | null, output: Array<{error?: string}>) => {
			const failed = error ?? output.find(message => message.error);
			if (failed) {
				reject(new Error(String((failed as {error?: string}).error ?? (failed as Error).message)));
			} else {
				resolve();
			}
		});
	});
}

/** Every image makeVariant made, so that a file's afterAll can remove them, tagged or not. */
export const madeImages = new Set<string>();

/** Removes the images this file made (and its tags of them); never anyone else's. */
export async function removeMadeImages(): Promise<void> {
	for (const id of madeImages) {
		// eslint-disable-next-line no-await-in-loop
		await docker.getImage(id).remove({force: true}).catch(() => undefined);
	}

	madeImages.clear();
}

export type VariantOptions = {
	/** Written to /version, so that each variant is a different image. */
	readonly version: string;
	/** Shell run in the image before it is committed, e.g. 'rm /bin/app'. */
	readonly script?: string;
	/** The image's own settings (Dockerfile-like), e.g. {Env: ['FROM_IMAGE=1'], Entrypoint: [...]}. */
	readonly config?: Docker.ContainerCreateOptions;
};

/**
 * Makes an image under `reference` from the offline test image, by committing a container that
 * wrote /version (and ran `script`): two versions under one tag are "a newer image". Returns its id.
 */
export async function makeVariant(reference: string, options: VariantOptions): Promise<string> {
	const script = `echo ${options.version} > /version; printf '#!/bin/sh\\nexec "$@"\\n' > /bin/app; chmod +x /bin/app; ${options.script ?? ':'}`;
	const container = await docker.createContainer({Image: testImage, Cmd: ['sh', '-c', script], Labels: {[testLabel]: 'variant'}, HostConfig: {NetworkMode: 'none'}});
	try {
		await container.start();
		const {StatusCode} = await container.wait() as {StatusCode: number};
		if (StatusCode !== 0) {
			throw new Error(`the variant script exited with ${StatusCode}`);
		}

		const colon = reference.lastIndexOf(':');
		const [repo, tag] = colon > reference.lastIndexOf('/') ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest'];
		// The body is the image's config (merged over the container's by the Engine), the query names it.
		const committed = await container.commit({_query: {container: container.id, repo, tag}, _body: {Cmd: ['sh'], ...options.config}}) as {Id: string};
		madeImages.add(committed.Id);
		return committed.Id;
	} finally {
		await container.remove({force: true});
	}
}

/** Pushes a local reference to its registry; rejects with the Engine's error. */
export async function pushImage(reference: string, auth?: Docker.AuthConfig): Promise<void> {
	const registry = reference.split('/')[0]!;
	await follow(await docker.getImage(reference).push({authconfig: auth ?? {serveraddress: registry}}) as NodeJS.ReadableStream);
}

/** Makes a variant and pushes it: the registry's `reference` is then this version. */
export async function publishVariant(reference: string, options: VariantOptions, auth?: Docker.AuthConfig): Promise<string> {
	const id = await makeVariant(reference, options);
	await pushImage(reference, auth);
	return id;
}

/** Points the local tag back at an image id, as if this host had pulled it before the registry moved on. */
export async function tagLocally(id: string, reference: string): Promise<void> {
	const colon = reference.lastIndexOf(':');
	await docker.getImage(id).tag({repo: reference.slice(0, colon), tag: reference.slice(colon + 1)});
}
