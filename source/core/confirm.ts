import type {Container} from './types.js';

/** A container named in a confirmation: enough to say exactly what will go. */
export type Target = {
	readonly id: string;
	readonly name: string;
	/** A container's state; resources leave it out. */
	readonly state?: Container['state'];
	/** What the dialog adds after the name, e.g. a size. */
	readonly detail?: string;
	/** For an image: the tag this row removes (untag), when the image has other tags too. */
	readonly reference?: string;
	/** Its size in bytes, where the dialog adds up a total (images). */
	readonly bytes?: number;
	/** A container's anonymous volumes (named by the Engine), which a plain remove leaves behind. */
	readonly anonymousVolumes?: number;
	/** U: what the check (pull and compare) found for this container. */
	readonly update?: UpdatePlan;
};

/** U, after the pull: the container's image reference, the image it runs and the one it would run. */
export type UpdatePlan = {
	readonly reference: string;
	readonly oldImageId: string;
	readonly newImageId: string;
	/** False: the reference still names the image the container runs ("recreate anyway?"). */
	readonly changed: boolean;
};

/** What a confirmation will do once the person says yes. Plain data; the dialog text is derived from it. */
export type ConfirmRequest = {
	readonly action: 'kill' | 'remove' | 'cleanup' | 'update' | ResourceAction | SwarmAction | ProjectAction;
	/** Issue 16: the compose projects a project action is on, for the dialog's title. */
	readonly projects?: readonly string[];
	readonly targets: readonly Target[];
	/** The filter a cleanup was limited to, so the dialog can say so. */
	readonly filter?: string;
	/** Containers that use the target (image removal names them; force only when all are stopped). */
	readonly users?: readonly Target[];
	/** Removing the marked objects (D), not every unused one (C): the dialog says which. */
	readonly marked?: boolean;
	/** For volumes: the text to type before anything goes (the volume's name, or "prune"). */
	readonly typeToConfirm?: string;
	/** U: the containers whose pull failed, one line each, named in the dialog and left alone. */
	readonly skipped?: readonly string[];
	/** Swarm: the tasks a drain will move elsewhere (issue 17). */
	readonly tasks?: readonly Target[];
};

/** Swarm (issue 17): a rolling restart or removal of a service, a node drained or made active. */
export type SwarmAction = 'service-restart' | 'service-remove' | 'node-drain' | 'node-activate';

export function isSwarmAction(action: ConfirmRequest['action']): action is SwarmAction {
	return action === 'service-restart' || action === 'service-remove' || action === 'node-drain' || action === 'node-activate';
}

export type ResourceAction = 'image-remove' | 'image-prune' | 'image-prune-all' | 'network-remove' | 'network-prune' | 'volume-remove' | 'volume-prune';

/** Issue 16 item 1: s, r and D on the Projects pane, on every container of the projects chosen. */
export type ProjectAction = 'project-stop' | 'project-start' | 'project-restart' | 'project-remove';
