import type {ConfirmRequest, ResourceAction, SwarmAction, Target} from '../core/confirm.js';
import {describeSwarmConfirm} from './swarm-confirm-text.js';
import {describeResourceConfirm} from './resource-confirm-text.js';
import {describeUpdateConfirm} from './update-confirm-text.js';
import {describeProjectConfirm} from './project-confirm-text.js';
import type {ConfirmChoice, ConfirmText} from './confirm-types.js';
import {sanitizeLine} from './sanitize.js';

export type {ConfirmChoice, ConfirmText} from './confirm-types.js';

// `removing` is not stopped either: a plain remove of it would fail.
const isRunning = (t: Target) => t.state === 'running' || t.state === 'paused' || t.state === 'restarting' || t.state === 'removing';

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The v choice: what the first choice removes (force when that is force), with the containers'
 * anonymous volumes, and a note that says they are left orphaned otherwise. Nothing when the
 * containers have none (named volumes always stay: `v=true` leaves them).
 */
function withVolumes(choices: readonly ConfirmChoice[]): {choices: ConfirmChoice[]; note: {volumeNote?: string}} {
	const [first] = choices;
	const volumes = first?.targets.reduce((sum, t) => sum + (t.anonymousVolumes ?? 0), 0) ?? 0;
	if (!first || volumes === 0) {
		return {choices: [], note: {}};
	}

	const they = volumes === 1 ? 'it' : 'them';
	return {
		choices: [{key: 'v', label: `${first.force ? 'force, ' : ''}with ${volumes === 1 ? 'its anonymous volume' : 'their anonymous volumes'}`, targets: first.targets, force: first.force, volumes: true}],
		note: {volumeNote: `${count(volumes, 'anonymous volume')} would stay, orphaned: v removes ${they} too.`},
	};
}

/** The words of a confirmation, derived from plain data so that tests can read them without a screen. */
export function describeConfirm(request: ConfirmRequest): ConfirmText {
	const {targets} = request;
	const lines = targets.map(t => `${sanitizeLine(t.name)}  (${t.state}, ${t.id.slice(0, 12)}${t.anonymousVolumes ? `, ${count(t.anonymousVolumes, 'anonymous volume')}` : ''})`);
	switch (request.action) {
		case 'kill': {
			return {
				title: `Kill ${count(targets.length, 'container')}? (SIGKILL: no chance to shut down cleanly)`,
				lines,
				choices: [{key: 'y', label: 'kill', targets, force: false}],
			};
		}

		case 'remove': {
			const running = targets.filter(t => isRunning(t));
			const stopped = targets.filter(t => !isRunning(t));
			const choices: ConfirmChoice[] = [];
			if (stopped.length > 0) {
				choices.push({key: 'y', label: running.length > 0 ? `remove the ${count(stopped.length, 'stopped container')} only` : 'remove', targets: stopped, force: false});
			}

			if (running.length > 0) {
				choices.push({key: 'f', label: targets.length === 1 ? 'force: kill and remove it' : `force: kill and remove all ${targets.length}`, targets, force: true});
			}

			// Issue 12 item 14: the Engine keeps anonymous volumes too (orphaned) unless asked (v=true).
			const volumes = withVolumes(choices);
			return {
				title: `Remove ${count(targets.length, 'container')}? ${targets.length === 1 ? 'Its filesystem goes with it' : 'Their filesystems go with them'}; volumes stay.`,
				lines,
				choices: [...choices, ...volumes.choices],
				...(running.length > 0 ? {note: `${count(running.length, 'container')} ${running.length === 1 ? 'is' : 'are'} running: only force removes ${running.length === 1 ? 'it' : 'them'}.`} : {}),
				...volumes.note,
			};
		}

		case 'image-remove':
		case 'image-prune':
		case 'image-prune-all':
		case 'network-remove':
		case 'network-prune':
		case 'volume-remove':
		case 'volume-prune': {
			return describeResourceConfirm(request as ConfirmRequest & {readonly action: ResourceAction});
		}

		case 'update': {
			return describeUpdateConfirm(request);
		}

		case 'service-restart':
		case 'service-remove':
		case 'node-drain':
		case 'node-activate': {
			return describeSwarmConfirm(request as ConfirmRequest & {readonly action: SwarmAction});
		}

		case 'project-stop':
		case 'project-start':
		case 'project-restart':
		case 'project-remove': {
			return describeProjectConfirm(request as ConfirmRequest & {readonly action: 'project-stop'});
		}

		case 'cleanup': {
			const choices: ConfirmChoice[] = [{key: 'y', label: `remove ${targets.length}`, targets, force: false}];
			const volumes = withVolumes(choices);
			return {
				title: `Clean up: remove ${request.filter ? `the ${count(targets.length, 'stopped container')} matching "${sanitizeLine(request.filter)}"` : `all ${count(targets.length, 'stopped container')}`}?`,
				lines,
				choices: [...choices, ...volumes.choices],
				...volumes.note,
			};
		}
	}
}
