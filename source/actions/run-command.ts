import type {HandOff} from '../contexts/app-context.js';
import type {Engine} from '../docker/engine.js';
import type {Command} from '../keys/keymap.js';
import {describeConfirm} from '../render/confirm-text.js';
import {pickColumns} from '../render/container-row.js';
import type {Store} from '../store/create-store.js';
import {isStopped, selectedContainer, selectTargets, tableHeight, visibleContainers} from '../store/selectors.js';
import type {AppState, Target} from '../store/state.js';
import type {Container, PaneId} from '../core/types.js';
import {defaultSort, descriptors, type ResourcePane} from '../store/resource-selectors.js';
import type {ResourceWatcher} from '../store/resource-watcher.js';
import {type Job, runJobs} from './container-actions.js';
import {removeResources} from './resource-actions.js';
import {inspectResource} from './resource-inspect.js';
import {cleanupRequest, type Request, removeRequest} from './resource-requests.js';
import {saveLogs} from './save-logs.js';
import {runOneOff, stopOneOff} from './one-off.js';
import {openShell} from './shell.js';
import {runSwitcherCommand, type SwitchEngine} from './switcher.js';
import {hasJobControl, suspend} from '../terminal/suspend.js';

export type CommandContext = {
	readonly store: Store;
	readonly engine: Engine;
	readonly exit: () => void;
	readonly resources?: ResourceWatcher;
	/** Lends the real terminal to a shell in a container (absent in component tests). */
	readonly handOff?: HandOff;
	/** The shell e prefers (--shell or the config). */
	readonly shell?: string;
	/** Puts another Engine in use (absent in component tests). */
	readonly switchEngine?: SwitchEngine;
};

/** The selected container when a command can run in it, else why not. Exec needs a running one. */
function runningSelection(state: AppState): Container | string {
	const container = selectedContainer(state);
	if (!container) {
		return 'no container selected';
	}

	switch (container.state) {
		case 'running': {
			return container;
		}

		case 'paused': {
			return `${container.name} is paused: p unpauses it first`;
		}

		case 'restarting': {
			return `${container.name} is restarting: wait until it is running`;
		}

		default: {
			return `${container.name} is not running: s starts it first`;
		}
	}
}

const outputScroll: Partial<Record<Command, (page: number) => number>> = {
	'move.up': () => -1,
	'move.down': () => 1,
	'move.pageUp': page => -page,
	'move.pageDown': page => page,
	'move.top': () => -Number.MAX_SAFE_INTEGER,
	'move.bottom': () => Number.MAX_SAFE_INTEGER,
};

// The Engine names an anonymous volume with 64 hex digits; a person names theirs.
const anonymous = /^[\da-f]{64}$/;
const toTarget = (c: Container): Target => {
	const anonymousVolumes = c.volumeNames?.filter(name => anonymous.test(name)).length ?? 0;
	return {id: c.id, name: c.name, state: c.state, ...(anonymousVolumes > 0 ? {anonymousVolumes} : {})};
};
const choiceKeys = {'confirm.yes': 'y', 'confirm.force': 'f', 'confirm.volumes': 'v'} as const;
const paneOf: Partial<Record<Command, PaneId>> = {
	'pane.containers': 'containers', 'pane.images': 'images', 'pane.networks': 'networks', 'pane.volumes': 'volumes',
};

/** What each command does: UI commands change the store, container commands go to the Engine. */
export function runCommand(command: Command, context: CommandContext): void {
	const {store, engine} = context;
	const {dispatch} = store;
	const state = store.getState();
	const say = (text: string, kind: 'info' | 'error' = 'info') => {
		dispatch({type: 'status', status: {kind, text}});
	};

	const targets = () => selectTargets(store.getState());
	const ask = (answer: Request) => {
		if ('refusal' in answer) {
			say(answer.refusal, 'error');
		} else {
			dispatch({type: 'overlay/confirm', request: answer.request});
		}
	};

	const act = (jobs: readonly Job[], force = false, volumes = false) => {
		void runJobs(engine, store, jobs, {force, ...(volumes ? {volumes} : {})});
	};

	// Over a command's output, the moving keys scroll it; in a confirmation, its list of targets.
	const scroll = outputScroll[command];
	if (state.ui.overlay?.kind === 'output' && scroll) {
		return dispatch({type: 'output/scroll', delta: scroll(Math.max(1, tableHeight(state) - 1))});
	}

	if (state.ui.overlay?.kind === 'confirm' && scroll) {
		const page = command === 'move.pageUp' || command === 'move.pageDown';
		return dispatch({type: 'confirm/scroll', delta: page ? Math.sign(scroll(1)) : scroll(1), unit: page ? 'page' : 'row'});
	}

	switch (command) {
		case 'move.up': return dispatch({type: 'cursor/move', delta: -1});
		case 'move.down': return dispatch({type: 'cursor/move', delta: 1});
		case 'move.pageUp': return dispatch({type: 'cursor/page', direction: -1});
		case 'move.pageDown': return dispatch({type: 'cursor/page', direction: 1});
		case 'move.top': return dispatch({type: 'cursor/edge', edge: 'top'});
		case 'move.bottom': return dispatch({type: 'cursor/edge', edge: 'bottom'});
		case 'pane.next': return dispatch({type: 'pane/cycle', delta: 1});
		case 'pane.previous': return dispatch({type: 'pane/cycle', delta: -1});
		case 'pane.containers':
		case 'pane.images':
		case 'pane.networks':
		case 'pane.volumes': return dispatch({type: 'pane/select', pane: paneOf[command]!});
		case 'filter.open': return dispatch({type: 'filter/open'});
		case 'filter.apply': return dispatch({type: 'filter/close', keep: true});
		case 'filter.cancel': return dispatch({type: 'filter/close', keep: false});
		case 'filter.clear': {
			dispatch({type: 'filter/close', keep: false});
			return dispatch({type: 'status'});
		}

		case 'marks.clear': {
			const marked = state.ui.marks.size;
			dispatch({type: 'marks/clear'});
			return say(marked === 0 ? 'nothing is marked' : `unmarked ${marked}`);
		}

		case 'help.up': return dispatch({type: 'help/scroll', delta: -Math.max(1, state.ui.viewport.rows - 8)});
		case 'help.down': return dispatch({type: 'help/scroll', delta: Math.max(1, state.ui.viewport.rows - 8)});
		case 'help.toggle': return dispatch(state.ui.overlay?.kind === 'help' ? {type: 'overlay/close'} : {type: 'overlay/help'});
		case 'help.close':
		case 'confirm.no': return dispatch({type: 'overlay/close'});
		case 'quit': return context.exit();
		case 'suspend': {
			if (!context.handOff) {
				return;
			}

			if (!hasJobControl()) {
				return say('Ctrl+Z: no shell with job control started tsdtop, so none would bring it back (q quits)', 'error');
			}

			void suspend(context.handOff).catch(() => undefined);
			return;
		}

		case 'switcher.open':
		case 'switcher.up':
		case 'switcher.down':
		case 'switcher.select':
		case 'switcher.filter':
		case 'switcher.filterCancel':
		case 'switcher.close': return runSwitcherCommand(command, store, context.switchEngine);
		case 'errors.show': {
			const lines = state.errors.length === 0 ? ['No errors so far.'] : [...state.errors].reverse().map(e => `${new Date(e.at).toTimeString().slice(0, 8)}  ${e.text}`);
			return dispatch({type: 'overlay/page', page: {title: `Errors (${state.errors.length}, newest first)`, lines, scroll: 0}});
		}

		case 'container.showAll': {
			dispatch({type: 'showAll/toggle'});
			return say(store.getState().ui.showAll ? 'showing all containers' : 'showing running containers only');
		}

		case 'container.mark': return dispatch({type: 'mark/toggle'});

		case 'container.toggleRun': {
			// Issue 12 item 8: one verb for all. Any running: stop those and say which were left; else start.
			const chosen = targets();
			const running = chosen.filter(c => !isStopped(c));
			const verb = running.length > 0 ? 'stop' : 'start';
			const acted = running.length > 0 ? running : chosen;
			const skipped = chosen.length - acted.length;
			const note = skipped > 0 ? `${skipped} skipped (already stopped)` : undefined;
			return void runJobs(engine, store, acted.map(c => ({target: toTarget(c), verb})), {...(note ? {note} : {})});
		}

		case 'container.restart': {
			return act(targets().map(c => ({target: toTarget(c), verb: 'restart'})));
		}

		case 'container.pause': {
			const chosen = targets();
			const able = chosen.filter(c => c.state === 'running' || c.state === 'paused');
			if (able.length === 0 && chosen.length > 0) {
				return say(`cannot pause ${chosen[0]!.name}: it is not running`, 'error');
			}

			return act(able.map(c => ({target: toTarget(c), verb: c.state === 'paused' ? 'unpause' : 'pause'})));
		}

		case 'container.kill': {
			const able = targets().filter(c => !isStopped(c));
			if (able.length === 0) {
				return say('nothing to kill: no running container selected or marked', 'error');
			}

			if (!state.config.confirm.kill) {
				dispatch({type: 'marks/clear', ids: targets().map(c => c.id)});
				return act(able.map(c => ({target: toTarget(c), verb: 'kill'})));
			}

			return dispatch({type: 'overlay/confirm', request: {action: 'kill', targets: able.map(c => toTarget(c))}});
		}

		case 'container.remove': {
			const chosen = targets();
			if (chosen.length === 0) {
				return say('nothing to remove', 'error');
			}

			// Running ones still ask: removing them means force, which kills them first.
			if (!state.config.confirm.remove && chosen.every(c => isStopped(c))) {
				dispatch({type: 'marks/clear', ids: chosen.map(c => c.id)});
				return act(chosen.map(c => ({target: toTarget(c), verb: 'remove'})));
			}

			return dispatch({type: 'overlay/confirm', request: {action: 'remove', targets: chosen.map(c => toTarget(c))}});
		}

		case 'container.cleanup': {
			// With a filter, only what matches it: "filter to my project, clean up" must not reach further.
			const filter = state.ui.filter.text.trim();
			const stopped = visibleContainers(state.containers ?? [], true, filter).filter(c => isStopped(c));
			if (stopped.length === 0) {
				return say(`nothing to clean up: no stopped containers${filter ? ` match "${filter}"` : ''}`);
			}

			return dispatch({type: 'overlay/confirm', request: {action: 'cleanup', targets: stopped.map(c => toTarget(c)), ...(filter ? {filter} : {})}});
		}

		case 'confirm.yes':
		case 'confirm.force':
		case 'confirm.volumes': {
			const overlay = state.ui.overlay;
			if (overlay?.kind !== 'confirm') {
				return;
			}

			const {request} = overlay;
			const choice = describeConfirm(request).choices.find(c => c.key === choiceKeys[command]);
			if (!choice) {
				return;
			}

			if (request.typeToConfirm !== undefined && overlay.typed !== request.typeToConfirm) {
				return say(`type "${request.typeToConfirm}" exactly, then Enter (Esc cancels)`, 'error');
			}

			dispatch({type: 'overlay/close'});
			// The marks of what the dialog listed; marks hidden by the filter were not asked about and stay.
			dispatch({type: 'marks/clear', ids: request.targets.map(t => t.id)});
			if (request.action !== 'kill' && request.action !== 'remove' && request.action !== 'cleanup') {
				void removeResources(engine, store, request.action, choice.targets, {force: choice.force, watcher: context.resources});
				return;
			}

			const verb = request.action === 'kill' ? 'kill' : 'remove';
			return act(choice.targets.map(target => ({target, verb})), choice.force, choice.volumes);
		}

		case 'confirm.allUnused': {
			const overlay = state.ui.overlay;
			if (overlay?.kind === 'confirm' && overlay.request.action === 'image-prune') {
				return ask(cleanupRequest(state, 'images', true));
			}

			return;
		}

		case 'list.sort': {
			const {pane} = state.ui;
			const columns = pane === 'containers' ? pickColumns(state.config.containerColumns) : descriptors[pane].columns;
			dispatch({type: 'sort/cycle', columns, ...(pane === 'containers' ? {} : {current: defaultSort[pane]})});
			const {sort} = store.getState().ui;
			return say(sort ? `sorted by ${columns.find(c => c.id === sort.column)?.title.toLowerCase() ?? sort.column} (O reverses)` : 'default order: running first, then by name (o sorts by a column)');
		}

		case 'list.sortReverse': {
			dispatch({type: 'sort/reverse'});
			const sort = store.getState().ui.sort;
			return say(sort ? `sorted by ${sort.column}, ${sort.descending ? 'descending' : 'ascending'}` : 'press o to pick a column to sort by');
		}

		case 'resource.mark': return dispatch({type: 'mark/toggle'});
		case 'resource.remove': return ask(removeRequest(state, state.ui.pane as ResourcePane));
		case 'resource.cleanup': return ask(cleanupRequest(state, state.ui.pane as ResourcePane));
		case 'resource.inspect': {
			void inspectResource(engine, store, state.ui.pane as ResourcePane);
			return;
		}

		case 'page.up': return dispatch({type: 'page/scroll', delta: -1});
		case 'page.down': return dispatch({type: 'page/scroll', delta: 1});
		case 'page.pageUp': return dispatch({type: 'page/scroll', delta: -Math.max(1, state.ui.viewport.rows - 6)});
		case 'page.pageDown': return dispatch({type: 'page/scroll', delta: Math.max(1, state.ui.viewport.rows - 6)});
		case 'page.top': return dispatch({type: 'page/scroll', delta: -Number.MAX_SAFE_INTEGER});
		case 'page.bottom': return dispatch({type: 'page/scroll', delta: Number.MAX_SAFE_INTEGER});
		case 'page.close': return dispatch({type: 'overlay/close'});

		case 'container.logs':
		case 'container.inspect':
		case 'container.top':
		case 'container.stats': {
			const selected = selectedContainer(state);
			if (!selected) {
				return say('no container selected', 'error');
			}

			if (command !== 'container.logs') {
				const kind = command === 'container.inspect' ? 'inspect' : (command === 'container.top' ? 'top' : 'stats');
				return dispatch({type: 'detail/open', kind, containerId: selected.id, name: selected.name});
			}

			// Side by side with the logs already open: Enter moves the keys to them.
			return state.logs?.containerId === selected.id ? dispatch({type: 'focus/toggle'}) : dispatch({type: 'logs/open', containerId: selected.id, name: selected.name});
		}

		case 'focus.toggle': return dispatch({type: 'focus/toggle'});
		case 'logs.up': return dispatch({type: 'logs/scroll', delta: -1});
		case 'logs.down': return dispatch({type: 'logs/scroll', delta: 1});
		case 'logs.pageUp': return dispatch({type: 'logs/page', direction: -1});
		case 'logs.pageDown': return dispatch({type: 'logs/page', direction: 1});
		case 'logs.top': return dispatch({type: 'logs/top'});
		case 'logs.bottom':
		case 'logs.follow': return dispatch({type: 'logs/follow'});
		case 'logs.search': return dispatch({type: 'logs/input', mode: 'search'});
		case 'logs.filter': return dispatch({type: 'logs/input', mode: 'filter'});
		case 'logs.next': return dispatch({type: 'logs/match', direction: 1});
		case 'logs.previous': return dispatch({type: 'logs/match', direction: -1});
		case 'logs.timestamps': return dispatch({type: 'logs/toggle', what: 'timestamps'});
		case 'logs.wrap': return dispatch({type: 'logs/toggle', what: 'wrap'});
		case 'logs.clear': return dispatch({type: 'logs/clear'});
		case 'logs.close': return dispatch(state.logs?.search || state.logs?.filter ? {type: 'logs/reset'} : {type: 'logs/close'});
		case 'logs.save': {
			const {logs} = state;
			if (!logs) {
				return;
			}

			saveLogs(logs, process.cwd()).then(({file, lines}) => {
				say(`saved ${lines} lines to ${file}`);
			}, (error: unknown) => {
				say(`could not save the log: ${(error as Error).message}`, 'error');
			});
			return;
		}

		case 'logsearch.apply': return dispatch({type: 'logs/input/close', keep: true});
		case 'logsearch.cancel': return dispatch({type: 'logs/input/close', keep: false});
		case 'detail.up': return dispatch({type: 'detail/scroll', delta: -1});
		case 'detail.down': return dispatch({type: 'detail/scroll', delta: 1});
		case 'detail.pageUp': return dispatch({type: 'detail/scroll', delta: -10});
		case 'detail.pageDown': return dispatch({type: 'detail/scroll', delta: 10});
		case 'detail.top': return dispatch({type: 'detail/edge', edge: 'top'});
		case 'detail.bottom': return dispatch({type: 'detail/edge', edge: 'bottom'});
		case 'detail.search': return dispatch({type: 'detail/input'});
		case 'detail.next': return dispatch({type: 'detail/match', direction: 1});
		case 'detail.previous': return dispatch({type: 'detail/match', direction: -1});
		case 'detailsearch.apply': return dispatch({type: 'detail/input/close', keep: true});
		case 'detailsearch.cancel': return dispatch({type: 'detail/input/close', keep: false});
		case 'detail.close': return dispatch(state.detail?.search ? {type: 'detail/search/clear'} : {type: 'detail/close'});

		case 'container.exec': {
			const chosen = runningSelection(state);
			if (typeof chosen === 'string') {
				return say(`cannot open a shell: ${chosen}`, 'error');
			}

			void openShell(context, toTarget(chosen));
			return;
		}

		case 'container.run': {
			const overlay = state.ui.overlay;
			if (overlay?.kind === 'output') {
				// Another command in the same container, starting from the last one.
				return dispatch({type: 'prompt/open', target: overlay.output.target, text: overlay.output.command});
			}

			const chosen = runningSelection(state);
			if (typeof chosen === 'string') {
				return say(`cannot run a command: ${chosen}`, 'error');
			}

			return dispatch({type: 'prompt/open', target: toTarget(chosen)});
		}

		case 'prompt.run': {
			const prompt = state.ui.prompt;
			dispatch({type: 'prompt/close'});
			if (!prompt || prompt.text.trim() === '') {
				return;
			}

			void runOneOff(context, prompt.target, prompt.text.trim());
			return;
		}

		case 'prompt.cancel': return dispatch({type: 'prompt/close'});
		case 'output.close': {
			const overlay = state.ui.overlay;
			const running = stopOneOff();
			dispatch({type: 'overlay/close'});
			if (running && overlay?.kind === 'output') {
				return say(`stopped showing "${overlay.output.command}"; it may still be running in ${overlay.output.target.name}`);
			}

			return;
		}

	}
}
