import {actOnContainers, type ProjectVerb} from '../docker/project-actions.js';
import type {Engine} from '../docker/engine.js';
import type {ProjectAction, Target} from '../core/confirm.js';
import type {ContainerVerb} from '../core/types.js';
import type {Store} from '../store/create-store.js';
import {sanitizeLine} from '../render/sanitize.js';

const verbs: Readonly<Record<ProjectAction, ProjectVerb>> = {
	'project-stop': 'stop', 'project-start': 'start', 'project-restart': 'restart', 'project-remove': 'remove',
};
const progressive: Readonly<Record<ProjectVerb, string>> = {stop: 'stopping', start: 'starting', restart: 'restarting', remove: 'removing'};
const past: Readonly<Record<ProjectVerb, string>> = {stop: 'stopped', start: 'started', restart: 'restarted', remove: 'removed'};

/** "shop" or "2 projects": how the status line names what was acted on. */
function projectWord(projects: readonly string[]): string {
	return projects.length === 1 ? `project ${sanitizeLine(projects[0]!)}` : `${projects.length} projects`;
}

/**
 * Runs a project action through the API, container by container (docker/project-actions.ts): the
 * status line counts them as they go and ends in one line that says how many succeeded and names
 * every failure with the Engine's reason. Never throws.
 */
export async function runProjectAction(engine: Engine, store: Store, action: ProjectAction, targets: readonly Target[], projects: readonly string[]): Promise<void> {
	const verb = verbs[action];
	const word = projectWord(projects);
	let done = 0;
	const say = (kind: 'progress' | 'success' | 'error', text: string) => {
		store.dispatch({type: 'status', status: {kind, text}});
	};

	say('progress', `${progressive[verb]} ${targets.length} container${targets.length === 1 ? '' : 's'} of ${word}...`);
	store.dispatch({type: 'pending/set', ids: targets.map(t => t.id), label: progressive[verb]});
	const outcomes = await actOnContainers(engine, targets, verb, outcome => {
		done++;
		store.dispatch({type: 'pending/clear', ids: [outcome.item.id]});
		if (outcome.ok) {
			// The row says the result now, whether or not the Engine's event has come yet.
			store.dispatch({type: 'containers/acted', id: outcome.item.id, verb: verb as ContainerVerb, at: Date.now()});
		}

		if (done < targets.length) {
			say('progress', `${progressive[verb]} ${word}: ${done} of ${targets.length} done (${sanitizeLine(outcome.item.name)} ${outcome.ok ? past[verb] : 'failed'})`);
		}
	});
	store.dispatch({type: 'pending/clear', ids: targets.map(t => t.id)});
	const failed = outcomes.filter(o => !o.ok);
	const succeeded = outcomes.length - failed.length;
	if (failed.length === 0) {
		say('success', `${past[verb]} ${succeeded} container${succeeded === 1 ? '' : 's'} of ${word}`);
		return;
	}

	const reasons = failed.map(o => `${sanitizeLine(o.item.name)}: ${o.ok ? '' : o.message}`).join('; ');
	say('error', `${past[verb]} ${succeeded} of ${outcomes.length} containers of ${word}; ${failed.length} failed: ${reasons}`);
}
