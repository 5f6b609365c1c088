import type Docker from 'dockerode';
import {lineOf} from './one-by-one.js';
import {type PullOptions, type PullResult, pullImage} from './pull.js';
import type {ContainerInspect} from './recreate-spec.js';

/** Phase one of an update: what the pull found, before anything is recreated. */
export type UpdateCheck = {
	readonly containerId: string;
	readonly name: string;
	/** The container's image reference (Config.Image), e.g. 127.0.0.1:5000/app:1. */
	readonly reference: string;
	/** The image the container runs now. */
	readonly oldImageId: string;
	/** The reference's image after the pull; absent when the pull failed. */
	readonly newImageId?: string;
	/** The container would run another image: false means "recreate anyway?". */
	readonly changed: boolean;
	readonly pull: PullResult;
};

/**
 * Pulls the container's image reference and says whether the container would change. Compares the
 * container's own image with the reference's after the pull, not the pull's old and new ids: a
 * container made before someone else pulled the tag is out of date even when the pull says
 * "up to date". Never throws: a failure is a pull result of kind 'error'.
 */
export async function checkForUpdate(docker: Docker, id: string, options: PullOptions = {}): Promise<UpdateCheck> {
	let inspect: ContainerInspect;
	try {
		inspect = await docker.getContainer(id).inspect() as unknown as ContainerInspect;
	} catch (error) {
		const message = lineOf(docker, error);
		return {containerId: id, name: id.slice(0, 12), reference: '', oldImageId: '', changed: false, pull: {kind: 'error', reference: '', message}};
	}

	const base = {containerId: inspect.Id, name: inspect.Name.replace(/^\//, ''), reference: inspect.Config.Image ?? '', oldImageId: inspect.Image};
	if (!base.reference || /^(sha256:)?[a-f\d]{12,64}$/.test(base.reference)) {
		return {...base, changed: false, pull: {kind: 'error', reference: base.reference, message: `${base.name} was created from an image id, not a name: there is nothing to pull`}};
	}

	const pull = await pullImage(docker, base.reference, options);
	if (pull.kind === 'error') {
		return {...base, changed: false, pull};
	}

	const newImageId = pull.kind === 'pulled' ? pull.newId : pull.imageId;
	return {...base, newImageId, changed: newImageId !== inspect.Image, pull};
}
