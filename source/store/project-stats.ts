import {selectList} from './list-selectors.js';
import type {ProjectRow} from './projects.js';
import {tableHeight} from './selectors.js';
import type {AppState} from './state.js';

/**
 * The Projects pane's CPU and MEM are sums over each project's running containers: on that pane the
 * stats watcher reads those of the projects on screen (from the cgroup files on a local Engine).
 */
export function projectStatsWanted(state: AppState): Set<string> {
	const ids = new Set<string>();
	const rows = selectList(state, 'projects').rows as readonly ProjectRow[];
	for (const row of rows.slice(state.ui.scrollTop, state.ui.scrollTop + tableHeight(state))) {
		for (const container of row.containers) {
			if (container.running) {
				ids.add(container.id);
			}
		}
	}

	return ids;
}
