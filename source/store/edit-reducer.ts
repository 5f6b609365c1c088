import type {Action} from './actions.js';
import {filterPick} from './selectors.js';
import type {AppState} from './state.js';
import {applyTextEdit} from './text-edit.js';
import {selectKey, withUi} from './ui-update.js';

/** The edit action for every input line: undefined for any other action. */
export function reduceEdit(state: AppState, action: Action): AppState | undefined {
	if (action.type !== 'edit') {
		return undefined;
	}

	const {edit} = action;
	const {ui, logs, detail} = state;
	const {overlay} = ui;
	switch (action.target) {
		case 'filter': {
			const value = applyTextEdit(ui.filter, edit);
			const next = withUi(state, {filter: {open: true, ...value}});
			// Issue 12 item 6: a new filter selects its best match, never the row the cursor was on.
			// Emptied, every row is back and the selection stays where it is.
			return value.text === ui.filter.text || value.text.trim() === '' ? next : selectKey(next, filterPick(next, value.text));
		}

		case 'logsearch': return logs?.input ? {...state, logs: {...logs, input: {...logs.input, ...applyTextEdit(logs.input, edit)}}} : state;
		case 'detailsearch': return detail?.input ? {...state, detail: {...detail, input: applyTextEdit(detail.input, edit)}} : state;
		case 'prompt': return ui.prompt ? withUi(state, {prompt: {...ui.prompt, ...applyTextEdit(ui.prompt, edit)}}) : state;
		case 'pull': return state.pulls.input ? {...state, pulls: {...state.pulls, input: applyTextEdit(state.pulls.input, edit)}} : state;
		case 'switcherfilter': {
			if (overlay?.kind !== 'switcher') {
				return state;
			}

			const {switcher} = overlay;
			return withUi(state, {overlay: {kind: 'switcher', switcher: {...switcher, cursor: 0, filter: {open: true, ...applyTextEdit(switcher.filter, edit)}}}});
		}

		case 'replicas': {
			const scale = state.swarm?.scale;
			// A count: digits only, whatever else is typed or pasted.
			const value = scale ? applyTextEdit(scale, edit) : undefined;
			return scale && value && /^\d*$/.test(value.text) ? {...state, swarm: {...state.swarm!, scale: {...scale, ...value}}} : state;
		}

		case 'confirm': {
			if (overlay?.kind !== 'confirm') {
				return state;
			}

			// The word is typed at its end: the dialog shows no cursor to move.
			const typed = overlay.typed ?? '';
			return withUi(state, {overlay: {...overlay, typed: applyTextEdit({text: typed, cursor: typed.length}, edit).text}});
		}
	}
}
