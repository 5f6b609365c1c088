import type {EditCommand, ScrollCommand} from '../keys/keymap.js';
import {editTarget, scrollTarget} from '../keys/scopes.js';
import type {ScrollBy} from '../store/actions.js';
import type {TextEdit} from '../store/text-edit.js';
import type {CommandServices, Handler} from './services.js';

/** Scrolls whatever has focus (keys/scopes.ts scrollTarget): one handler for every list, view and overlay. */
function scroll(by: ScrollBy, unit?: 'page'): Handler {
	return ({store}, state) => {
		const target = scrollTarget(state);
		if (target) {
			store.dispatch({type: 'scroll', target, by, ...(unit ? {unit} : {})});
		}
	};
}

export const scrollHandlers = {
	'scroll.up': scroll(-1),
	'scroll.down': scroll(1),
	'scroll.pageUp': scroll(-1, 'page'),
	'scroll.pageDown': scroll(1, 'page'),
	'scroll.top': scroll('top'),
	'scroll.bottom': scroll('bottom'),
} satisfies Record<ScrollCommand, Handler>;

/** Changes the input line open now (keys/scopes.ts editTarget): one handler for every one of them. */
function edit(change: TextEdit): Handler {
	return ({store}, state) => {
		const target = editTarget(state);
		if (target) {
			store.dispatch({type: 'edit', target, edit: change});
		}
	};
}

export const editHandlers = {
	'edit.left': edit({kind: 'left'}),
	'edit.right': edit({kind: 'right'}),
	'edit.home': edit({kind: 'home'}),
	'edit.end': edit({kind: 'end'}),
	'edit.backspace': edit({kind: 'backspace'}),
	'edit.deleteWord': edit({kind: 'deleteWord'}),
	'edit.clear': edit({kind: 'clear'}),
} satisfies Record<EditCommand, Handler>;

/** Printable text typed where a line is open; elsewhere a key no command has does nothing. */
export function typeText(services: CommandServices, text: string): void {
	edit({kind: 'insert', text})(services, services.store.getState());
}
