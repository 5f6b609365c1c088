import type {EngineEvent} from '../core/types.js';
import type {Action} from './actions.js';
import {applyEvent, eventOfAction, isStateEvent, mergeList} from './container-events.js';
import type {AppState} from './state.js';
import {withError, withUi} from './ui-update.js';

/** The connection and what the Engine lists: undefined for other actions. */
export function reduceEngine(state: AppState, action: Action): AppState | undefined {
	const {ui} = state;
	switch (action.type) {
		case 'viewport': {
			const {viewport} = ui;
			return viewport.columns === action.columns && viewport.rows === action.rows ? state : withUi(state, {viewport: {columns: action.columns, rows: action.rows}});
		}

		case 'engine/connected': {
			const {connection} = state;
			// Reconnecting to the same Engine changes nothing on screen: no new frame for it.
			if (connection.status === 'connected' && JSON.stringify(connection.info) === JSON.stringify(action.info)) {
				return state;
			}

			const {error: _error, retryAt: _retryAt, ...kept} = connection;
			return {...state, connection: {...kept, status: 'connected', info: action.info}};
		}

		case 'engine/disconnected': {
			// Keep the last data on screen: the person still sees what was there.
			const next = {...state, connection: {...state.connection, status: 'disconnected' as const, error: action.error, retryAt: action.retryAt}};
			// The status bar shows it, so the history (!) keeps it: once an outage, not once a retry
			// (issue 12: an Engine gone, or one switched to that never answered, was missing there).
			const repeat = state.connection.status === 'disconnected' && state.connection.error === action.error;
			return repeat ? next : withError(next, `disconnected: ${action.error}`, Date.now());
		}

		case 'containers/loaded': {
			if (!action.requested) {
				return pruneGone({...state, containers: action.containers, eventMarks: {seq: state.eventMarks.seq, byId: {}}});
			}

			const {containers, marks} = mergeList(state.containers, state.eventMarks, action.containers, action.requested);
			return pruneGone({...state, containers, eventMarks: marks});
		}

		case 'containers/event': {
			return applyContainerEvent(state, action.event, action.at);
		}

		case 'containers/acted': {
			return applyContainerEvent(state, eventOfAction(action.id, action.verb, Math.floor(action.at / 1000), action.name), action.at);
		}

		case 'stats/loaded': {
			return {...state, stats: {...state.stats, ...action.stats}};
		}

		case 'images/loaded': {
			return {...state, images: action.images};
		}

		case 'networks/loaded': {
			return {...state, networks: action.networks};
		}

		case 'volumes/loaded': {
			// Sizes come from system df, which answers later and less often: keep the last ones.
			const sizes = new Map((state.volumes ?? []).filter(v => v.size !== undefined).map(v => [v.name, v.size!]));
			return {...state, volumes: action.volumes.map(v => (v.size === undefined && sizes.has(v.name) ? {...v, size: sizes.get(v.name)} : v))};
		}

		case 'diskUsage/loaded': {
			const volumes = state.volumes?.map(v => (action.volumeSizes.has(v.name) ? {...v, size: action.volumeSizes.get(v.name)} : v));
			return {...state, diskUsage: action.usage, ...(volumes ? {volumes} : {})};
		}

		default: return undefined;
	}
}

/** An event changes its row at once and marks it, so a list asked for before it cannot undo it. */
function applyContainerEvent(state: AppState, event: EngineEvent, at: number): AppState {
	if (event.type !== 'container' || !isStateEvent(event)) {
		return state;
	}

	const containers = state.containers ? applyEvent(state.containers, event) : undefined;
	// An event about a row not shown (and not a removal) has nothing for a list to confirm. Before the
	// first list every event is kept: that list may have been asked for before it.
	if (state.containers && !containers && event.action !== 'destroy') {
		return state;
	}

	const seq = state.eventMarks.seq + 1;
	const mark = {seq, at, ...(event.action === 'destroy' ? {gone: true} : {})};
	const next = {...state, ...(containers ? {containers} : {}), eventMarks: {seq, byId: {...state.eventMarks.byId, [event.id]: mark}}};
	return containers && event.action === 'destroy' ? pruneGone(next) : next;
}

/** Drops marks and stats of containers that no longer exist (only the Containers list's marks). */
function pruneGone(state: AppState): AppState {
	const ids = new Set(state.containers?.map(c => c.id));
	const stats = Object.fromEntries(Object.entries(state.stats).filter(([id]) => ids.has(id)));
	const {ui} = state;
	const marks = ui.pane === 'containers' ? ui.marks : ui.parked.containers?.marks;
	if (!marks || ![...marks].some(id => !ids.has(id))) {
		return {...state, stats};
	}

	const kept = new Set([...marks].filter(id => ids.has(id)));
	return ui.pane === 'containers'
		? {...state, stats, ui: {...ui, marks: kept}}
		: {...state, stats, ui: {...ui, parked: {...ui.parked, containers: {...ui.parked.containers!, marks: kept}}}};
}
