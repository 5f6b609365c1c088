import type {ProjectAction, Target} from '../core/confirm.js';
import {selectList} from '../store/list-selectors.js';
import {type ProjectRow, projectTargets, projectToggleVerb} from '../store/projects.js';
import type {AppState} from '../store/state.js';
import {say, type CommandServices, type Handler, type Handlers} from './services.js';

/** The projects a command acts on: the marked ones in view, else the selected one. */
export function chosenProjects(state: AppState): readonly ProjectRow[] {
	const rows = selectList(state, 'projects').rows as readonly ProjectRow[];
	const marked = rows.filter(row => state.ui.marks.has(row.name));
	if (marked.length > 0) {
		return marked;
	}

	const selected = rows.find(row => row.name === state.ui.selectedId);
	return selected ? [selected] : [];
}

const stateOf = (state: AppState, id: string) => state.containers?.find(c => c.id === id)?.state;

/** Asks about `verb` on every container of the projects it applies to; says why not when none does. */
function ask(services: CommandServices, state: AppState, verb: 'stop' | 'start' | 'restart' | 'remove'): void {
	const projects = chosenProjects(state);
	if (projects.length === 0) {
		return say(services, 'no project selected', 'error');
	}

	const targets: Target[] = projects.flatMap(row => projectTargets(row, verb).map(t => {
		const containerState = stateOf(state, t.id);
		return {id: t.id, name: t.name, ...(containerState ? {state: containerState} : {})};
	}));
	if (targets.length === 0) {
		return say(services, `nothing to ${verb}: no container of ${projects.map(p => p.name).join(', ')} is ${verb === 'stop' ? 'running' : 'stopped'}`);
	}

	const action = `project-${verb}` as ProjectAction;
	services.store.dispatch({type: 'overlay/confirm', request: {action, targets, projects: projects.map(p => p.name), marked: state.ui.marks.size > 0}});
}

/** `s`: stop what runs of the chosen projects, or, when nothing of them runs, start them all. */
const toggleRun: Handler = (services, state) => {
	const projects = chosenProjects(state);
	ask(services, state, projects.some(row => projectToggleVerb(row) === 'stop') ? 'stop' : 'start');
};

/** The Projects pane's commands (issue 16 items 1 and 2). */
export const projectHandlers = {
	'project.mark': ({store}) => store.dispatch({type: 'mark/toggle'}),
	'project.open'(services, state) {
		const [project] = chosenProjects({...state, ui: {...state.ui, marks: new Set()}});
		if (project) {
			services.store.dispatch({type: 'projects/open', project: project.name});
		}
	},
	'project.toggleRun': toggleRun,
	'project.restart': (services, state) => ask(services, state, 'restart'),
	'project.remove': (services, state) => ask(services, state, 'remove'),
	'project.logs'(services, state) {
		const projects = chosenProjects(state);
		if (projects.length === 0) {
			return say(services, 'no project selected', 'error');
		}

		const names = projects.map(p => p.name);
		const sources = projects.flatMap(p => p.containers.map(({id, name}) => ({id, name})));
		// One project: the list beside the log (120 columns and more) is narrowed to it too.
		services.store.dispatch(names.length === 1 ? {type: 'projects/open', project: names[0]!} : {type: 'pane/select', pane: 'containers'});
		services.store.dispatch({type: 'logs/open', containerId: `project:${names.join(',')}`, name: names.join(', '), merged: {sources, projects: names, returnTo: 'projects'}});
	},
} satisfies Handlers;
