import type {Target} from '../core/confirm.js';

/** What a confirmation says, derived from its request (confirm-text.ts), laid out by confirm-layout.ts. */
export type ConfirmChoice = {
	readonly key: 'y' | 'f' | 'v';
	readonly label: string;
	readonly targets: readonly Target[];
	readonly force: boolean;
	/** Containers: their anonymous volumes go too. */
	readonly volumes?: boolean;
};

export type ConfirmText = {
	readonly title: string;
	/** Every target, one a line: the person sees exactly what will go. */
	readonly lines: readonly string[];
	readonly choices: readonly ConfirmChoice[];
	readonly note?: string;
	/** Containers: the anonymous volumes they leave behind unless v. */
	readonly volumeNote?: string;
	/** The size of everything listed, e.g. "1.2 GB in all" (images). */
	readonly total?: string;
};
