/** An image reference split the way the docker CLI splits it (distribution's reference package). */
export type ImageReference = {
	/** The registry's host[:port]; 'docker.io' for Docker Hub. */
	readonly registry: string;
	/** The path on the registry, with Docker Hub's 'library/' for official images. */
	readonly repository: string;
	/** Absent only when a digest is given without a tag. */
	readonly tag?: string;
	readonly digest?: string;
	/** What the Engine's pull takes as fromImage: the name as the person wrote it, without tag. */
	readonly name: string;
	/** The full form, e.g. docker.io/library/busybox:latest. */
	readonly canonical: string;
};

export const dockerHub = 'docker.io';

const component = /^[a-z\d]+(?:(?:\.|_|__|-+)[a-z\d]+)*$/;
const tagShape = /^\w[\w.-]{0,127}$/;
const digestShape = /^[a-z\d]+(?:[.+_-][a-z\d]+)*:[a-f\d]{32,}$/i;

/**
 * Parses "busybox", "me/app:1", "127.0.0.1:5000/app@sha256:...". The first path component is a
 * registry when it has a dot or a colon or is "localhost" (as the CLI decides); otherwise the image
 * is on Docker Hub, and a one-component name there gets "library/". No tag and no digest means
 * "latest". Throws an Error whose message is one line for anything the Engine would refuse.
 */
export function parseReference(text: string): ImageReference {
	const input = text.trim();
	if (!input) {
		throw new Error('no image reference given');
	}

	let rest = input;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at !== -1) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!digestShape.test(digest)) {
			throw new Error(`invalid digest in ${input}`);
		}
	}

	let tag: string | undefined;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
		if (!tagShape.test(tag)) {
			throw new Error(`invalid tag "${tag}" in ${input}`);
		}
	}

	const parts = rest.split('/');
	const first = parts[0]!;
	const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
	const registry = hasRegistry ? first : dockerHub;
	const path = hasRegistry ? parts.slice(1) : parts;
	if (path.length === 0 || path.some(part => !component.test(part))) {
		throw new Error(`invalid image name "${rest}" (lower-case letters, digits and . _ - separated by /)`);
	}

	const isHub = registry === dockerHub || registry === 'index.docker.io';
	const repository = (isHub && path.length === 1 ? ['library', ...path] : path).join('/');
	tag ??= digest ? undefined : 'latest';
	const hubRegistry = isHub ? dockerHub : registry;
	return {
		registry: hubRegistry,
		repository,
		...(tag ? {tag} : {}),
		...(digest ? {digest} : {}),
		name: rest,
		canonical: `${hubRegistry}/${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`,
	};
}

/** The reference as the Engine names the image locally: "busybox:latest", "127.0.0.1:5000/app:1". */
export function localName(reference: ImageReference): string {
	return `${reference.name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}
