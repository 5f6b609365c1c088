import type {ResourcePane} from '../store/resource-selectors.js';
import {inspectResource} from './resource-inspect.js';
import {cleanupRequest, type Request, removeRequest} from './resource-requests.js';
import {say, type CommandServices, type Handlers} from './services.js';

/** A confirmation to show, or why there is nothing to ask about. */
export function ask(services: CommandServices, answer: Request): void {
	if ('refusal' in answer) {
		say(services, answer.refusal, 'error');
	} else {
		services.store.dispatch({type: 'overlay/confirm', request: answer.request});
	}
}

/** The Images, Networks and Volumes panes' commands. */
export const resourceHandlers = {
	'resource.mark': ({store}) => store.dispatch({type: 'mark/toggle'}),
	'resource.remove': (services, state) => ask(services, removeRequest(state, state.ui.pane as ResourcePane)),
	'resource.cleanup': (services, state) => ask(services, cleanupRequest(state, state.ui.pane as ResourcePane)),
	'resource.inspect'({engine, store}, state) {
		void inspectResource(engine, store, state.ui.pane as ResourcePane);
	},
} satisfies Handlers;
