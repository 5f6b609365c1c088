import type {PullProgress} from '../docker/pull-progress.js';
import {panelLayerRows} from '../render/pull-panel.js';
import type {TextValue} from './text-edit.js';

/** A pull started with P, as the progress panel shows it. */
export type PullJob = {
	/** Tells this pull from the one before, so a late progress message of an ended pull is dropped. */
	readonly id: number;
	readonly reference: string;
	readonly progress: PullProgress;
};

/** P on the Images pane: the reference being typed, and the pull under way. */
export type PullsState = {
	/** Open while the person types the reference; drawn in the status line. */
	readonly input?: TextValue;
	readonly running?: PullJob;
};

export const noPulls: PullsState = {};

/** What P does to the state, as data (store/pull-reducer.ts applies it). */
export type PullAction =
	| {readonly type: 'pull/input'; readonly text: string}
	| {readonly type: 'pull/input/close'}
	| {readonly type: 'pull/started'; readonly id: number; readonly reference: string}
	/** Throttled by the caller (actions/pull.ts): the Engine sends a message per chunk. */
	| {readonly type: 'pull/progress'; readonly id: number; readonly progress: PullProgress}
	| {readonly type: 'pull/finished'; readonly id: number};

/** Lines the pull panel takes above the status bar: its title and layer rows while a pull runs, else none. */
export function pullPanelHeight(pulls: PullsState): number {
	return pulls.running ? 1 + panelLayerRows : 0;
}
