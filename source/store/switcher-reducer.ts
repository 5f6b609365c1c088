import type {Action} from './actions.js';
import {type AppState, emptyList, type ListUi} from './state.js';
import {clampSwitcher, type Switcher} from './switcher.js';
import {noPulls} from './pull-state.js';

/** Switcher actions, and the reset after a switch; undefined for any other action. */
export function reduceSwitcher(state: AppState, action: Action): AppState | undefined {
	const overlay = state.ui.overlay;
	const switcher = overlay?.kind === 'switcher' ? overlay.switcher : undefined;
	const withSwitcher = (next: Switcher): AppState => ({...state, ui: {...state.ui, overlay: {kind: 'switcher', switcher: next}}});
	switch (action.type) {
		case 'switcher/open': {
			// The cursor starts on the Engine in use, so Enter right away changes nothing.
			const inUse = action.entries.findIndex(e => e.inUse);
			return withSwitcher({entries: action.entries, cursor: Math.max(0, inUse), filter: {open: false, text: '', cursor: 0}});
		}

		case 'switcher/filter': {
			if (!switcher) {
				return state;
			}

			return withSwitcher(clampSwitcher(action.open ? {...switcher, filter: {...switcher.filter, open: true}} : {...switcher, filter: {open: false, text: '', cursor: 0}}));
		}

		case 'engine/switched': {
			return switchedState(state, action);
		}

		default: {
			return undefined;
		}
	}
}

/**
 * Everything that came from the old Engine goes (lists, stats, logs, detail, marks, selection);
 * what the person chose stays: the pane, showAll, read-only, each list's filter and sort.
 */
function switchedState(state: AppState, action: Extract<Action, {type: 'engine/switched'}>): AppState {
	const {ui} = state;
	const keep = (list: ListUi): ListUi => ({...emptyList, filter: {...list.filter, open: false}, ...(list.sort ? {sort: list.sort} : {})});
	const parked = Object.fromEntries(Object.entries(ui.parked).map(([pane, list]) => [pane, keep(list)]));
	const {containers: _c, images: _i, networks: _n, volumes: _v, diskUsage: _d, logs: _l, detail: _t, swarm: _s, ...rest} = state;
	return {
		...rest,
		connection: {status: 'connecting', host: action.host, ...(action.origin ? {origin: action.origin} : {}), ...(action.target ? {target: action.target} : {})},
		stats: {},
		pending: {},
		// The old Engine's pull cannot end here any more (its messages stop at the closed gate).
		pulls: noPulls,
		eventMarks: {seq: state.eventMarks.seq, byId: {}},
		ui: {
			...ui,
			...keep(ui),
			selectedId: undefined,
			focus: 'list',
			parked,
			overlay: undefined,
			prompt: undefined,
			status: {kind: 'info', text: `switched to ${action.host}`},
		},
	};
}
