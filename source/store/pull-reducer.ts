import {emptyPull} from '../docker/pull-progress.js';
import type {Action} from './actions.js';
import type {AppState} from './state.js';

/** P's input line and the pull under way; undefined for any other action. */
export function reducePulls(state: AppState, action: Action): AppState | undefined {
	const {pulls} = state;
	switch (action.type) {
		case 'pull/input': {
			return {...state, pulls: {...pulls, input: {text: action.text, cursor: action.text.length}}};
		}

		case 'pull/input/close': {
			const {input: _closed, ...rest} = pulls;
			return pulls.input ? {...state, pulls: rest} : state;
		}

		case 'pull/started': {
			return {...state, pulls: {...pulls, running: {id: action.id, reference: action.reference, progress: emptyPull}}};
		}

		case 'pull/progress': {
			return pulls.running?.id === action.id ? {...state, pulls: {...pulls, running: {...pulls.running, progress: action.progress}}} : state;
		}

		case 'pull/finished': {
			const {running: _ended, ...rest} = pulls;
			return pulls.running?.id === action.id ? {...state, pulls: rest} : state;
		}

		default: return undefined;
	}
}
