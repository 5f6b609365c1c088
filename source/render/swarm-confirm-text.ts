import type {ConfirmRequest, SwarmAction, Target} from '../core/confirm.js';
import type {ConfirmText} from './confirm-types.js';
import {sanitizeLine} from './sanitize.js';

const line = (t: Target) => `${sanitizeLine(t.name)}${t.detail ? `  (${sanitizeLine(t.detail)})` : ''}`;

/** The words of a Swarm confirmation (issue 17): the service or node named, and what moves or goes. */
export function describeSwarmConfirm(request: ConfirmRequest & {readonly action: SwarmAction}): ConfirmText {
	const {targets} = request;
	const name = sanitizeLine(targets[0]?.name ?? '');
	switch (request.action) {
		case 'service-restart': {
			return {title: `Restart service ${name}? Every task is replaced, a few at a time (its update settings).`, lines: targets.map(t => line(t)), choices: [{key: 'y', label: 'restart', targets, force: false}]};
		}

		case 'service-remove': {
			return {title: `Remove service ${name}${targets[0]?.detail ? ` and its ${sanitizeLine(targets[0].detail)}` : ''}? Its containers go with it.`, lines: targets.map(t => line(t)), choices: [{key: 'y', label: 'remove', targets, force: false}]};
		}

		case 'node-drain': {
			const tasks = request.tasks ?? [];
			return {
				title: tasks.length === 0 ? `Drain node ${name}? It runs no task now; it will take none.` : `Drain node ${name}? ${tasks.length === 1 ? 'This task moves' : `These ${tasks.length} tasks move`} to other nodes:`,
				lines: tasks.map(t => line(t)),
				choices: [{key: 'y', label: 'drain', targets, force: false}],
			};
		}

		case 'node-activate': {
			return {title: `Make node ${name} active again? It will take new tasks.`, lines: targets.map(t => line(t)), choices: [{key: 'y', label: 'make active', targets, force: false}]};
		}
	}
}
