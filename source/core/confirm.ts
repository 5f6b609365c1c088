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
};

/** What a confirmation will do once the person says yes. Plain data; the dialog text is derived from it. */
export type ConfirmRequest = {
	readonly action: 'kill' | 'remove' | 'cleanup' | ResourceAction | ProjectAction;
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
};

export type ResourceAction = 'image-remove' | 'image-prune' | 'image-prune-all' | 'network-remove' | 'network-prune' | 'volume-remove' | 'volume-prune';

/** Issue 16 item 1: s, r and D on the Projects pane, on every container of the projects chosen. */
export type ProjectAction = 'project-stop' | 'project-start' | 'project-restart' | 'project-remove';
