import type {Action} from '../store/actions.js';
import type {AppState} from '../store/state.js';
import type {DetailState} from './types.js';

/** Samples the stats view keeps: one a second, so two minutes of sparkline. */
export const statsHistory = 120;

/** The detail views' share of the reducer: undefined for actions that are not theirs. */
export function reduceDetail(state: AppState, action: Action): AppState | undefined {
	const {detail} = state;
	const set = (patch: Partial<DetailState>): AppState => (detail ? {...state, detail: {...detail, ...patch}} : state);
	switch (action.type) {
		case 'detail/open': return {...state, detail: {kind: action.kind, containerId: action.containerId, name: action.name, scroll: 0, stats: []}};
		case 'detail/close': return {...state, detail: undefined};
		case 'detail/loaded': return detail?.containerId === action.containerId ? set(action.patch) : state;
		case 'detail/stats': return detail?.containerId === action.containerId ? set({stats: [...detail.stats.slice(-(statsHistory - 1)), action.point]}) : state;
		case 'detail/scroll': return detail ? set({scroll: Math.max(0, detail.scroll + action.delta)}) : state;
		case 'focus/toggle': return state.logs ? {...state, ui: {...state.ui, focus: state.ui.focus === 'list' ? 'logs' : 'list'}} : state;
		default: return undefined;
	}
}
