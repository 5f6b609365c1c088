import type {PaneId} from '../core/types.js';
import type {AppState} from './state.js';

/** The panes Swarm mode adds (issue 17): keys 6 and 7. */
export const swarmPanes: ReadonlySet<PaneId> = new Set<PaneId>(['services', 'nodes']);

export function isManager(state: AppState): boolean {
	return state.swarm?.role.kind === 'manager';
}

/** Whether a pane is offered now: the Swarm panes only while the Engine is a swarm manager. */
export function paneShown(state: AppState, pane: PaneId): boolean {
	return !swarmPanes.has(pane) || isManager(state);
}
