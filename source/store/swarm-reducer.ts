import type {Action} from './actions.js';
import {switchPane} from './list-reducer.js';
import type {AppState} from './state.js';
import {swarmPanes} from './swarm-panes.js';
import type {SwarmState} from './swarm-state.js';

/** Swarm mode's share of the reducer (issue 17): undefined for actions that are not its own. */
export function reduceSwarm(state: AppState, action: Action): AppState | undefined {
	const {swarm} = state;
	const set = (patch: Partial<SwarmState>): AppState => (swarm ? {...state, swarm: {...swarm, ...patch}} : state);
	switch (action.type) {
		case 'swarm/role': {
			if (JSON.stringify(swarm?.role) === JSON.stringify(action.role)) {
				return state;
			}

			// Another role (a demotion, a node that left): nothing the old one listed stays.
			const next: AppState = {...state, swarm: {role: action.role}};
			return action.role.kind !== 'manager' && swarmPanes.has(state.ui.pane) ? switchPane(next, 'containers') : next;
		}

		case 'swarm/services': return set({services: action.services});
		case 'swarm/nodes': return set({nodes: action.nodes});
		case 'swarm/tasks/open': return set({tasks: {serviceId: action.serviceId, name: action.name, scroll: 0}});
		case 'swarm/tasks': {
			return swarm?.tasks?.serviceId === action.serviceId ? set({tasks: {...swarm.tasks, tasks: action.tasks}}) : state;
		}

		case 'swarm/tasks/close': return set({tasks: undefined});
		case 'swarm/scale/open': return set({scale: {serviceId: action.serviceId, name: action.name, text: action.text, cursor: action.text.length}});
		case 'swarm/scale/close': return set({scale: undefined});
		default: return undefined;
	}
}
