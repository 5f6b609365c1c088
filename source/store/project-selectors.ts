import type {Container} from '../core/types.js';
import {composeLabels, type ProjectRow, projectRows} from './projects.js';
import type {AppState} from './state.js';

let rowsMemo: {containers?: readonly Container[]; stats: AppState['stats']; rows?: readonly ProjectRow[]} | undefined;

/** The Projects pane's rows: the same array until the containers or their stats change. */
export function selectProjects(state: AppState): readonly ProjectRow[] | undefined {
	if (!rowsMemo || rowsMemo.containers !== state.containers || rowsMemo.stats !== state.stats) {
		rowsMemo = {containers: state.containers, stats: state.stats, rows: state.containers ? projectRows(state.containers, state.stats) : undefined};
	}

	return rowsMemo.rows;
}

/** The project the Containers list is narrowed to (Enter on the Projects pane), wherever that list is parked. */
export function containersProject(state: AppState): string | undefined {
	return state.ui.pane === 'containers' ? state.ui.project : state.ui.parked.containers?.project;
}

let scopedMemo: {containers?: readonly Container[]; project?: string; out?: readonly Container[]} | undefined;

/** The Containers pane's items: every container, or only the project's while it is narrowed to one. */
export function selectContainerItems(state: AppState): readonly Container[] | undefined {
	const project = containersProject(state);
	if (!project || !state.containers) {
		return state.containers;
	}

	if (scopedMemo?.containers !== state.containers || scopedMemo.project !== project) {
		scopedMemo = {containers: state.containers, project, out: state.containers.filter(c => c.labels[composeLabels.project] === project)};
	}

	return scopedMemo.out;
}

/** The rows of the projects named, in the order given (marked ones, or the selected one). */
export function projectsNamed(state: AppState, names: readonly string[]): ProjectRow[] {
	const rows = selectProjects(state) ?? [];
	return names.map(name => rows.find(row => row.name === name)).filter((row): row is ProjectRow => row !== undefined);
}

