import type {SwarmAction, Target} from '../core/confirm.js';
import {describeError} from '../docker/errors.js';
import {say, type CommandServices} from './services.js';

const doing: Readonly<Record<SwarmAction, readonly [string, string]>> = {
	'service-restart': ['restarting', 'restart of {} started: tasks are replaced one by one'],
	'service-remove': ['removing', 'removed {}'],
	'node-drain': ['draining', 'drained {}: its tasks move to other nodes'],
	'node-activate': ['activating', '{} is active again'],
};

/** Yes to a Swarm confirmation (issue 17): does it, says it is under way and then how it went. */
export async function answerSwarm(services: CommandServices, action: SwarmAction, targets: readonly Target[]): Promise<void> {
	const {engine, store} = services;
	const swarm = engine.swarm;
	const [target] = targets;
	if (!swarm || !target) {
		return;
	}

	const [progress, done] = doing[action];
	store.dispatch({type: 'status', status: {kind: 'progress', text: `${progress} ${target.name}...`}});
	try {
		switch (action) {
			case 'service-restart': {
				await swarm.restart(target.id);
				break;
			}

			case 'service-remove': {
				await swarm.removeService(target.id);
				break;
			}

			case 'node-drain': {
				await swarm.setAvailability(target.id, 'drain');
				break;
			}

			case 'node-activate': {
				await swarm.setAvailability(target.id, 'active');
				break;
			}
		}

		store.dispatch({type: 'status', status: {kind: 'success', text: done.replace('{}', target.name)}});
	} catch (error) {
		say(services, `cannot ${action.replace('-', ' ')} ${target.name}: ${describeError(error, engine.host)}`, 'error');
	}
}
