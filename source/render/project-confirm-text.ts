import type {ConfirmRequest, ProjectAction} from '../core/confirm.js';
import type {ConfirmText} from './confirm-types.js';
import {sanitizeLine} from './sanitize.js';

const words: Readonly<Record<ProjectAction, {readonly verb: string; readonly note?: string}>> = {
	'project-stop': {verb: 'stop'},
	'project-start': {verb: 'start'},
	'project-restart': {verb: 'restart'},
	'project-remove': {verb: 'remove', note: 'Running ones are stopped and removed too; every volume stays (named and anonymous).'},
};

/**
 * The words of a project action's confirmation (issue 16 item 1): the projects in the title and every
 * container it acts on, one a line, so nothing goes that the person did not see; No is the default.
 */
export function describeProjectConfirm(request: ConfirmRequest & {readonly action: ProjectAction}): ConfirmText {
	const {targets} = request;
	const {verb, note} = words[request.action];
	const projects = (request.projects ?? []).map(p => sanitizeLine(p));
	const of = projects.length === 1 ? `of project ${projects[0]}` : `of ${projects.length} projects (${projects.join(', ')})`;
	const noun = `${targets.length} container${targets.length === 1 ? '' : 's'}`;
	return {
		title: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${noun} ${of}?`,
		lines: targets.map(t => `${sanitizeLine(t.name)}  (${t.state ?? '?'}, ${t.id.slice(0, 12)})`),
		choices: [{key: 'y', label: `${verb} ${targets.length === 1 ? 'it' : `all ${targets.length}`}`, targets, force: request.action === 'project-remove'}],
		...(note ? {note} : {}),
	};
}

/** Whether a confirmation is a project action's. */
export function isProjectAction(action: ConfirmRequest['action']): action is ProjectAction {
	return action.startsWith('project-');
}
