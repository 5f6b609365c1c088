import type {Readable} from 'node:stream';
import type Docker from 'dockerode';
import {credentialsFor} from './credential-helper.js';
import type {Env} from './docker-config.js';
import {type ImageReference, localName, parseReference} from './image-reference.js';
import {jsonLines} from './json-lines.js';
import {describePullError} from './pull-error.js';
import {emptyPull, type PullMessage, type PullProgress, reducePull} from './pull-progress.js';
import type {RegistryAuth} from './registry-auth.js';

/** How a pull ended: one of three, each ready to show as one line. */
export type PullResult =
	| {readonly kind: 'up-to-date'; readonly reference: string; readonly imageId: string}
	| {readonly kind: 'pulled'; readonly reference: string; readonly oldId?: string; readonly newId: string}
	| {readonly kind: 'error'; readonly reference: string; readonly message: string};

export type PullOptions = {
	/** Called with the whole progress after each message of the Engine's stream. */
	readonly onProgress?: (progress: PullProgress) => void;
	readonly signal?: AbortSignal;
	/** Where DOCKER_CONFIG, HOME and PATH (for credential helpers) come from; process.env by default. */
	readonly env?: Env;
	/** Credentials to use instead of the ones in config.json. */
	readonly auth?: RegistryAuth;
};

/** The local image id of a reference, or undefined when there is no such image. */
export async function imageIdOf(docker: Docker, reference: string): Promise<string | undefined> {
	try {
		return (await docker.getImage(reference).inspect()).Id;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 404) {
			return undefined;
		}

		throw error;
	}
}

function errorText(error: unknown): string {
	const error_ = error as {json?: {message?: string}; message?: string};
	return error_?.json?.message ?? error_?.message ?? String(error);
}

async function streamPull(docker: Docker, parsed: ImageReference, auth: RegistryAuth | undefined, options: PullOptions): Promise<PullProgress> {
	const query = {fromImage: parsed.name, tag: parsed.digest ?? parsed.tag, ...(options.signal ? {abortSignal: options.signal} : {})};
	// Without credentials the Engine still wants the header on some versions: an empty one is anonymous.
	const stream = await docker.createImage({...(auth ?? {serveraddress: parsed.registry})} as Docker.AuthConfig, query as object) as unknown as Readable;
	let progress = emptyPull;
	try {
		for await (const message of jsonLines<PullMessage>(stream)) {
			progress = reducePull(progress, message);
			options.onProgress?.(progress);
		}
	} finally {
		stream.destroy();
	}

	return progress;
}

/**
 * Pulls an image reference ("busybox", "127.0.0.1:5000/app:2") through the Engine, with the
 * credentials the docker CLI would use (credential-helper.ts). Never throws for a failed pull: the
 * result is 'up-to-date' (the local image did not change), 'pulled' (old id -> new id), or 'error'
 * with one line that says what went wrong (unknown tag, refused login, unreachable registry).
 */
export async function pullImage(docker: Docker, reference: string, options: PullOptions = {}): Promise<PullResult> {
	let parsed: ImageReference;
	try {
		parsed = parseReference(reference);
	} catch (error) {
		return {kind: 'error', reference, message: (error as Error).message};
	}

	const name = localName(parsed);
	try {
		const auth = options.auth ?? await credentialsFor(parsed.registry, options.env ?? process.env);
		const oldId = await imageIdOf(docker, name);
		const progress = await streamPull(docker, parsed, auth, options);
		if (progress.error) {
			return {kind: 'error', reference: name, message: describePullError(progress.error, parsed, name)};
		}

		const newId = await imageIdOf(docker, name);
		if (!newId) {
			return {kind: 'error', reference: name, message: `pull of ${name} ended without an image`};
		}

		return newId === oldId ? {kind: 'up-to-date', reference: name, imageId: newId} : {kind: 'pulled', reference: name, ...(oldId ? {oldId} : {}), newId};
	} catch (error) {
		if (options.signal?.aborted) {
			return {kind: 'error', reference: name, message: `pull of ${name} cancelled`};
		}

		return {kind: 'error', reference: name, message: describePullError(errorText(error), parsed, name)};
	}
}
