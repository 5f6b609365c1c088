import {changesEngine, type Command} from '../keys/keymap.js';
import {appHandlers} from './app.js';
import {confirmHandlers} from './confirm.js';
import {containerHandlers} from './containers.js';
import {detailHandlers} from './detail.js';
import {logHandlers} from './logs.js';
import {projectHandlers} from './projects.js';
import {resourceHandlers} from './resources.js';
import {editHandlers, scrollHandlers} from './scroll.js';
import type {CommandServices, Handler} from './services.js';
import {switcherHandlers} from './switcher.js';
import {pullHandlers} from './pull.js';
import {updateHandlers} from './update.js';
import {swarmHandlers} from './swarm.js';

/**
 * Every command's handler, gathered from the features that own them. `satisfies` makes tsc refuse a
 * command in keys/commands.ts that no feature handles (and a handler for a command that is not one).
 */
export const handlers = {
	...scrollHandlers, ...editHandlers, ...appHandlers, ...containerHandlers, ...resourceHandlers,
	...confirmHandlers, ...logHandlers, ...detailHandlers, ...switcherHandlers,
	...pullHandlers, ...updateHandlers,
	...swarmHandlers,
	...projectHandlers,
} satisfies Record<Command, Handler>;

/**
 * Runs a command's handler. --read-only is refused here, the one place: the keymap hides those
 * commands from help and footer, and a key that still reaches one (a remap, a late key) is refused.
 */
export function runCommand(command: Command, services: CommandServices): void {
	const state = services.store.getState();
	if (state.ui.readOnly && changesEngine(command)) {
		services.store.dispatch({type: 'status', status: {kind: 'error', text: 'read-only: tsdtop was started with --read-only, so nothing that changes the Engine is done'}});
		return;
	}

	(handlers as Record<Command, Handler>)[command](services, state);
}
