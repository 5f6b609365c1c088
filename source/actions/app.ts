import type {PaneId} from '../core/types.js';
import {listPaneOf} from '../store/list-panes.js';
import {hasNaturalOrder, shownColumns} from '../store/list-selectors.js';
import {hasJobControl, suspend} from '../terminal/suspend.js';
import {runOneOff, stopOneOff} from './one-off.js';
import {say, type Handler, type Handlers} from './services.js';

const selectPane = (pane: PaneId): Handler => ({store}) => store.dispatch({type: 'pane/select', pane});
const quit: Handler = ({exit}) => exit();
const suspendToShell: Handler = services => {
	if (!services.handOff) {
		return;
	}

	if (!hasJobControl()) {
		return say(services, 'Ctrl+Z: no shell with job control started tsdtop, so none would bring it back (q quits)', 'error');
	}

	void suspend(services.handOff).catch(() => undefined);
};

// Local HH:MM:SS. Date#toTimeString would also look up the zone's display name in ICU's data (issue 15).
function clockTime(at: number): string {
	const date = new Date(at);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

/** Panes, overlays, the filter box, sorting, quitting: what is not one pane's own. */
export const appHandlers = {
	'pane.next': ({store}) => store.dispatch({type: 'pane/cycle', delta: 1}),
	'pane.previous': ({store}) => store.dispatch({type: 'pane/cycle', delta: -1}),
	'pane.containers': selectPane('containers'),
	'pane.images': selectPane('images'),
	'pane.networks': selectPane('networks'),
	'pane.volumes': selectPane('volumes'),
	'pane.projects': selectPane('projects'),
	// Swarm (issue 17): list-reducer.ts refuses them where the Engine is no manager.
	'pane.services': selectPane('services'),
	'pane.nodes': selectPane('nodes'),
	quit,
	'always.quit': quit,
	suspend: suspendToShell,
	'always.suspend': suspendToShell,
	'help.toggle': ({store}, state) => store.dispatch(state.ui.overlay?.kind === 'help' ? {type: 'overlay/close'} : {type: 'overlay/help'}),
	'help.close': ({store}) => store.dispatch({type: 'overlay/close'}),
	'page.close': ({store}) => store.dispatch({type: 'overlay/close'}),
	'errors.show'({store}, {errors}) {
		const lines = errors.length === 0 ? ['No errors so far.'] : [...errors].reverse().map(e => `${clockTime(e.at)}  ${e.text}`);
		store.dispatch({type: 'overlay/page', page: {title: `Errors (${errors.length}, newest first)`, lines, scroll: 0}});
	},
	'filter.open': ({store}) => store.dispatch({type: 'filter/open'}),
	'filter.apply': ({store}) => store.dispatch({type: 'filter/close', keep: true}),
	'filter.cancel': ({store}) => store.dispatch({type: 'filter/close', keep: false}),
	'filter.clear'({store}, state) {
		// Issue 16: the Containers list narrowed to a project by Enter on pane 5; Esc goes back there.
		if (!state.ui.filter.text && state.ui.pane === 'containers' && state.ui.project) {
			store.dispatch({type: 'projects/leave'});
			return;
		}

		store.dispatch({type: 'filter/close', keep: false});
		store.dispatch({type: 'status'});
	},
	'marks.clear'(services, state) {
		const marked = state.ui.marks.size;
		services.store.dispatch({type: 'marks/clear'});
		say(services, marked === 0 ? 'nothing is marked' : `unmarked ${marked}`);
	},
	'list.sort'(services, state) {
		const {pane} = state.ui;
		const columns = shownColumns(state, pane);
		const current = listPaneOf(pane).descriptor.defaultSort;
		services.store.dispatch({type: 'sort/cycle', columns, ...(hasNaturalOrder(pane) || !current ? {} : {current})});
		const {sort} = services.store.getState().ui;
		say(services, sort ? `sorted by ${columns.find(c => c.id === sort.column)?.title.toLowerCase() ?? sort.column} (O reverses)` : 'default order: running first, then by name (o sorts by a column)');
	},
	'list.sortReverse'(services) {
		services.store.dispatch({type: 'sort/reverse'});
		const {sort} = services.store.getState().ui;
		say(services, sort ? `sorted by ${sort.column}, ${sort.descending ? 'descending' : 'ascending'}` : 'press o to pick a column to sort by');
	},
	'prompt.run'(services, {ui: {prompt}}) {
		services.store.dispatch({type: 'prompt/close'});
		if (prompt && prompt.text.trim() !== '') {
			void runOneOff(services, prompt.target, prompt.text.trim());
		}
	},
	'prompt.cancel': ({store}) => store.dispatch({type: 'prompt/close'}),
	'output.close'(services, {ui: {overlay}}) {
		const running = stopOneOff();
		services.store.dispatch({type: 'overlay/close'});
		if (running && overlay?.kind === 'output') {
			say(services, `stopped showing "${overlay.output.command}"; it may still be running in ${overlay.output.target.name}`);
		}
	},
} satisfies Handlers;
