import Docker from 'dockerode';
import type {Connection} from './connection.js';
import {type PullOptions, type PullResult, pullImage} from './pull.js';
import {type RecreateOptions, type RecreateResult, recreateContainer} from './recreate.js';
import {checkForUpdate, type UpdateCheck} from './update-check.js';
import {type UpdateOptions, type UpdateOutcome, updateContainers} from './update-containers.js';

/** Pull and update, bound to one connection: what the Images and Containers panes' P and U call. */
export type ImageUpdates = {
	pull(reference: string, options?: PullOptions): Promise<PullResult>;
	/** Phase one of U: pull the container's reference and say whether its image would change. */
	check(id: string, options?: PullOptions): Promise<UpdateCheck>;
	/** Phase two of U, after the person said yes: recreate on the reference's image, rolling back on failure. */
	recreate(id: string, options?: RecreateOptions): Promise<RecreateResult>;
	/** Both phases for marked containers, one after another. */
	updateAll(ids: readonly string[], options?: UpdateOptions): Promise<UpdateOutcome[]>;
};

/**
 * The same dockerode settings as createEngine (engine.ts), so an ssh:// connection's agent is
 * shared: call it with the connection after connectOverSsh has filled in its agent.
 */
export function createImageUpdates(connection: Connection): ImageUpdates {
	return imageUpdatesOf(new Docker(connection.options));
}

/** Pull and update on a dockerode client already made (createEngine shares its own). */
export function imageUpdatesOf(docker: Docker): ImageUpdates {
	return {
		pull: async (reference, options) => pullImage(docker, reference, options),
		check: async (id, options) => checkForUpdate(docker, id, options),
		recreate: async (id, options) => recreateContainer(docker, id, options),
		updateAll: async (ids, options) => updateContainers(docker, ids, options),
	};
}
