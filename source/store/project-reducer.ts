import type {Action} from './actions.js';
import {switchPane} from './list-reducer.js';
import type {AppState} from './state.js';

/**
 * Enter on a project (issue 16 item 1): the Containers pane narrowed to its containers, stopped ones
 * shown too (a stopped project would look empty otherwise); Esc there (projects/leave) comes back to
 * the Projects pane where it was. Undefined for actions that are not its own.
 */
export function reduceProjects(state: AppState, action: Action): AppState | undefined {
	switch (action.type) {
		case 'projects/open': {
			const moved = switchPane(state, 'containers');
			return {...moved, ui: {...moved.ui, project: action.project, showAll: true, filter: {open: false, text: '', cursor: 0}, cursor: 0, scrollTop: 0, selectedId: undefined}};
		}

		case 'projects/leave': {
			const cleared = {...state, ui: {...state.ui, project: undefined}};
			return switchPane(cleared, 'projects');
		}

		default: return undefined;
	}
}
