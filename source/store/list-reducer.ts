import type {PaneId} from '../core/types.js';
import type {Action} from './actions.js';
import {nextSortColumn} from './resource-selectors.js';
import {type AppState, emptyList, type ListUi} from './state.js';
import {moveTo, withUi} from './ui-update.js';
import {paneShown} from './swarm-panes.js';

export const panes: readonly PaneId[] = ['containers', 'images', 'networks', 'volumes', 'projects', 'services', 'nodes'];

/** The focused list: pane, sort, filter box, marks; undefined for other actions. */
export function reduceList(state: AppState, action: Action): AppState | undefined {
	const {ui} = state;
	switch (action.type) {
		case 'sort/cycle': {
			// The Containers pane has an order of its own (running first), which the cycle comes back to.
			return withUi(state, {sort: nextSortColumn(action.columns, ui.sort ?? action.current, ui.pane === 'containers')});
		}

		case 'sort/reverse': {
			return ui.sort ? withUi(state, {sort: {...ui.sort, descending: !ui.sort.descending}}) : state;
		}

		case 'pane/select': {
			return switchPane(state, action.pane);
		}

		case 'pane/cycle': {
			const shown = panes.filter(pane => paneShown(state, pane));
			const index = shown.indexOf(ui.pane);
			return switchPane(state, shown[(index + action.delta + shown.length) % shown.length]!);
		}

		case 'showAll/toggle': {
			return withUi(state, {showAll: !ui.showAll});
		}

		case 'filter/open': {
			return withUi(state, {filter: {...ui.filter, open: true, cursor: ui.filter.text.length}});
		}

		case 'filter/close': {
			return withUi(state, {filter: action.keep ? {...ui.filter, open: false} : {open: false, text: '', cursor: 0}});
		}

		case 'mark/toggle': {
			const id = ui.selectedId;
			if (!id) {
				return state;
			}

			const marks = new Set(ui.marks);
			if (marks.has(id)) {
				marks.delete(id);
			} else {
				marks.add(id);
			}

			// Like a file manager: marking moves on, so Space Space Space marks three rows.
			return moveTo(withUi(state, {marks}), ui.cursor + 1);
		}

		case 'marks/clear': {
			if (ui.marks.size === 0) {
				return state;
			}

			const {ids} = action;
			if (!ids) {
				return withUi(state, {marks: new Set()});
			}

			// Marks gathered under other filters were not acted on: they stay (issue 12 item 9).
			const gone = new Set(ids);
			const marks = new Set([...ui.marks].filter(key => !gone.has(key) && !gone.has(key.split('|')[0]!)));
			return marks.size === ui.marks.size ? state : withUi(state, {marks});
		}

		default: return undefined;
	}
}

/** Parks the focused list's selection, marks, filter and sort, and brings back the new pane's. */
export function switchPane(state: AppState, pane: PaneId): AppState {
	const {ui} = state;
	// Keys 6 and 7 do nothing where the Engine is no swarm manager (issue 17).
	if (pane === ui.pane || !paneShown(state, pane)) {
		return state;
	}

	const current: ListUi = {selectedId: ui.selectedId, cursor: ui.cursor, scrollTop: ui.scrollTop, marks: ui.marks, filter: {...ui.filter, open: false}, sort: ui.sort, project: ui.project};
	const next = ui.parked[pane] ?? emptyList;
	const moved = withUi(state, {...next, selectedId: next.selectedId, sort: next.sort, project: next.project, pane, overlay: undefined, parked: {...ui.parked, [ui.pane]: current}});
	// A service's log belongs to the Services pane (issue 17): it closes as the pane is left.
	return state.logs?.kind === 'service' ? {...moved, logs: undefined, ui: {...moved.ui, focus: 'list'}} : moved;
}
