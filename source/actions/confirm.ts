import {describeConfirm} from '../render/confirm-text.js';
import type {AppState} from '../store/state.js';
import {runJobs} from './container-actions.js';
import {isProjectAction} from '../render/project-confirm-text.js';
import {runProjectAction} from './project-run.js';
import {removeResources} from './resource-actions.js';
import {cleanupRequest} from './resource-requests.js';
import {ask} from './resources.js';
import {isSwarmAction} from '../core/confirm.js';
import {answerSwarm} from './swarm-answers.js';
import {say, type CommandServices, type Handler, type Handlers} from './services.js';
import {runUpdates} from './update.js';

/** Yes to the dialog open now, with the choice its key `key` names (y, f or v). */
function answer(key: 'y' | 'f' | 'v'): Handler {
	return (services: CommandServices, state: AppState) => {
		const {overlay} = state.ui;
		if (overlay?.kind !== 'confirm') {
			return;
		}

		const {request} = overlay;
		const choice = describeConfirm(request).choices.find(c => c.key === key);
		if (!choice) {
			return;
		}

		if (request.typeToConfirm !== undefined && overlay.typed !== request.typeToConfirm) {
			return say(services, `type "${request.typeToConfirm}" exactly, then Enter (Esc cancels)`, 'error');
		}

		const {engine, store} = services;
		store.dispatch({type: 'overlay/close'});
		// The marks of what the dialog listed; marks hidden by the filter were not asked about and stay.
		store.dispatch({type: 'marks/clear', ids: request.targets.map(t => t.id)});
		if (request.action === 'update') {
			void runUpdates(services, choice.targets);
			return;
		}

		if (isSwarmAction(request.action)) {
			void answerSwarm(services, request.action, choice.targets);
			return;
		}

		if (isProjectAction(request.action)) {
			store.dispatch({type: 'marks/clear', ids: request.projects ?? []});
			void runProjectAction(engine, store, request.action, choice.targets, request.projects ?? []);
			return;
		}

		if (request.action !== 'kill' && request.action !== 'remove' && request.action !== 'cleanup') {
			void removeResources(engine, store, request.action, choice.targets, {force: choice.force, watcher: services.resources});
			return;
		}

		const verb = request.action === 'kill' ? 'kill' : 'remove';
		void runJobs(engine, store, choice.targets.map(target => ({target, verb})), {force: choice.force, ...(choice.volumes ? {volumes: true} : {})});
	};
}

const close: Handler = ({store}) => store.dispatch({type: 'overlay/close'});

/** A confirmation's answers; the dialog that wants a name typed has Enter and Esc only. */
export const confirmHandlers = {
	'confirm.yes': answer('y'),
	'confirm.force': answer('f'),
	'confirm.volumes': answer('v'),
	'confirm.no': close,
	'confirm.allUnused'(services, state) {
		const {overlay} = state.ui;
		if (overlay?.kind === 'confirm' && overlay.request.action === 'image-prune') {
			ask(services, cleanupRequest(state, 'images', true));
		}
	},
	'confirmtype.apply': answer('y'),
	'confirmtype.cancel': close,
} satisfies Handlers;
