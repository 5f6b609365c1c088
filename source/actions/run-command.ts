import type {HandOff} from '../contexts/app-context.js';
import type {Engine} from '../docker/engine.js';
import type {Command} from '../keys/keymap.js';
import {describeConfirm} from '../render/confirm-text.js';
import type {Store} from '../store/create-store.js';
import {isStopped, selectedContainer, selectTargets, tableHeight, visibleContainers} from '../store/selectors.js';
import type {AppState, Target} from '../store/state.js';
import type {Container, PaneId} from '../types.js';
import {type Job, runJobs} from './container-actions.js';
import {runOneOff, stopOneOff} from './one-off.js';
import {openShell} from './shell.js';

export type CommandContext = {
	readonly store: Store;
	readonly engine: Engine;
	readonly exit: () => void;
	/** Lends the real terminal to a shell in a container (absent in component tests). */
	readonly handOff?: HandOff;
	/** The shell e prefers (--shell or the config). */
	readonly shell?: string;
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

const toTarget = (c: Container): Target => ({id: c.id, name: c.name, state: c.state});
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
	const act = (jobs: readonly Job[], force = false) => {
		void runJobs(engine, store, jobs, {force});
	};

	// Over a command's output, the moving keys scroll it.
	const scroll = outputScroll[command];
	if (state.ui.overlay?.kind === 'output' && scroll) {
		return dispatch({type: 'output/scroll', delta: scroll(Math.max(1, tableHeight(state) - 1))});
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
			dispatch({type: 'marks/clear'});
			return dispatch({type: 'status'});
		}

		case 'help.toggle': return dispatch(state.ui.overlay?.kind === 'help' ? {type: 'overlay/close'} : {type: 'overlay/help'});
		case 'help.close':
		case 'confirm.no': return dispatch({type: 'overlay/close'});
		case 'quit': return context.exit();
		case 'container.showAll': {
			dispatch({type: 'showAll/toggle'});
			return say(store.getState().ui.showAll ? 'showing all containers' : 'showing running containers only');
		}

		case 'container.mark': return dispatch({type: 'mark/toggle'});

		case 'container.toggleRun': {
			return act(targets().map(c => ({target: toTarget(c), verb: isStopped(c) ? 'start' : 'stop'})));
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

			return dispatch({type: 'overlay/confirm', request: {action: 'kill', targets: able.map(c => toTarget(c))}});
		}

		case 'container.remove': {
			const chosen = targets();
			if (chosen.length === 0) {
				return say('nothing to remove', 'error');
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
		case 'confirm.force': {
			const overlay = state.ui.overlay;
			if (overlay?.kind !== 'confirm') {
				return;
			}

			const choice = describeConfirm(overlay.request).choices.find(c => c.key === (command === 'confirm.yes' ? 'y' : 'f'));
			if (!choice) {
				return;
			}

			dispatch({type: 'overlay/close'});
			dispatch({type: 'marks/clear'});
			const verb = overlay.request.action === 'kill' ? 'kill' : 'remove';
			return act(choice.targets.map(target => ({target, verb})), choice.force);
		}

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

		case 'container.logs': return say('logs: coming in a later release');
		case 'container.inspect': return say('inspect: coming in a later release');
	}
}
