import {reduceDetail} from './detail-reducer.js';
import {reduceEdit} from './edit-reducer.js';
import {reduceEngine} from './engine-reducer.js';
import {reduceList} from './list-reducer.js';
import {openLogs, reduceLogs} from './log-reducer.js';
import {isSplit} from './log-selectors.js';
import type {Action} from './actions.js';
import {reduceOverlay} from './overlay-reducer.js';
import {reducePulls} from './pull-reducer.js';
import {reduceProjects} from './project-reducer.js';
import {reduceScroll} from './scroll-reducer.js';
import {selectPaneKeys, tableHeight} from './selectors.js';
import {placeSelection} from './list-selectors.js';
import type {AppState} from './state.js';
import {reduceSwitcher} from './switcher-reducer.js';
import {reduceSwarm} from './swarm-reducer.js';

export {panes} from './list-reducer.js';
export {maxOutputLines} from './overlay-reducer.js';
export {errorHistory} from './ui-update.js';

/** Small pure reducers, one a feature: each returns undefined for an action that is not its own. */
const reducers: ReadonlyArray<(state: AppState, action: Action) => AppState | undefined> = [
	reduceScroll, reduceEdit, reduceLogs, reduceDetail, reduceSwitcher, reduceEngine, reduceList, reduceOverlay,
	reducePulls,
	reduceSwarm,
	reduceProjects,
];

/** The one place state changes. Pure: same state and action, same result. */
export function reducer(state: AppState, action: Action): AppState {
	let next = state;
	for (const reduce of reducers) {
		const result = reduce(state, action);
		if (result) {
			next = result;
			break;
		}
	}

	return next === state ? state : followSelection(settleSelection(next));
}

/** Side by side, the log follows the selection as it moves through the list. */
function followSelection(state: AppState): AppState {
	const id = state.ui.selectedId;
	// A merged log (issue 16 item 2) stays what it is while the selection moves.
	if (!isSplit(state) || !id || state.ui.pane !== 'containers' || state.logs?.containerId === id || state.logs?.sources) {
		return state;
	}

	const name = state.containers?.find(c => c.id === id)?.name ?? id.slice(0, 12);
	return {...state, logs: openLogs(state, id, name)};
}

/**
 * Keeps the selection on the same container (by id) whatever moved, falls back to the row where it
 * was when that container is gone or filtered out, and scrolls just enough to keep it on screen.
 */
function settleSelection(state: AppState): AppState {
	const {ui} = state;
	const {cursor, selectedId, scrollTop} = placeSelection(selectPaneKeys(state), ui, tableHeight(state));
	if (cursor === ui.cursor && selectedId === ui.selectedId && scrollTop === ui.scrollTop) {
		return state;
	}

	return {...state, ui: {...ui, cursor, selectedId, scrollTop}};
}
