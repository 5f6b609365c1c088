import {detailLines, findLine} from '../render/detail-lines.js';
import type {Action} from './actions.js';
import {tableHeight} from './selectors.js';
import type {AppState} from './state.js';
import type {DetailState} from './log-state.js';

/** Samples the stats view keeps: one a second, so two minutes of sparkline. */
export const statsHistory = 120;

/** The view shows `height` lines below its title; scrolling stops where the last line is on screen. */
export function detailBottom(state: AppState, detail: DetailState): number {
	return Math.max(0, detailLines(detail, state.ui.viewport.columns).length - tableHeight(state));
}

/** The detail views' share of the reducer: undefined for actions that are not theirs. */
export function reduceDetail(state: AppState, action: Action): AppState | undefined {
	const {detail} = state;
	const set = (patch: Partial<DetailState>): AppState => (detail ? {...state, detail: {...detail, ...patch}} : state);
	const bottom = (d: DetailState) => detailBottom(state, d);
	switch (action.type) {
		case 'detail/open': return {...state, detail: {kind: action.kind, containerId: action.containerId, name: action.name, scroll: 0, stats: []}};
		case 'detail/close': return {...state, detail: undefined};
		case 'detail/loaded': return detail?.containerId === action.containerId ? set(action.patch) : state;
		case 'detail/stats': return detail?.containerId === action.containerId ? set({stats: [...detail.stats.slice(-(statsHistory - 1)), action.point]}) : state;
		case 'detail/input': return detail ? set({input: {text: detail.search ?? '', cursor: (detail.search ?? '').length}}) : state;
		case 'detail/input/close': {
			if (!detail?.input) {
				return state;
			}

			const text = detail.input.text.trim();
			if (!action.keep || text === '') {
				return set({input: undefined});
			}

			// The first match from the top of the view down, as a pager does.
			return show({...detail, input: undefined, search: text}, findLine(detailLines(detail, state.ui.viewport.columns), text, detail.scroll, 1));
		}

		case 'detail/match': {
			if (!detail?.search) {
				return state;
			}

			const lines = detailLines(detail, state.ui.viewport.columns);
			const from = detail.match === undefined ? detail.scroll : detail.match + action.direction;
			return show(detail, findLine(lines, detail.search, from, action.direction));
		}

		case 'detail/search/clear': return detail ? set({search: undefined, match: undefined, input: undefined}) : state;
		case 'focus/toggle': return state.logs ? {...state, ui: {...state.ui, focus: state.ui.focus === 'list' ? 'logs' : 'list'}} : state;
		default: return undefined;
	}

	/** Puts the match on screen (a third from the top when it has to move), or keeps the view with none. */
	function show(next: DetailState, match: number | undefined): AppState {
		const {match: _old, ...rest} = next;
		if (match === undefined) {
			return {...state, detail: rest};
		}

		const height = tableHeight(state);
		const visible = match >= next.scroll && match < next.scroll + height;
		const scroll = visible ? next.scroll : Math.min(bottom(next), Math.max(0, match - Math.floor(height / 3)));
		return {...state, detail: {...rest, match, scroll}};
	}
}
