import {selectContainerItems} from '../store/project-selectors.js';
import type {Target} from '../core/confirm.js';
import type {Container} from '../core/types.js';
import {isStopped, selectedContainer, selectTargets, visibleContainers} from '../store/selectors.js';
import type {AppState} from '../store/state.js';
import {type Job, runJobs} from './container-actions.js';
import {say, type CommandServices, type Handlers} from './services.js';
import {openShell} from './shell.js';

// The Engine names an anonymous volume with 64 hex digits; a person names theirs.
const anonymous = /^[\da-f]{64}$/;

/** A container as a confirmation or a job names it. */
export function toTarget(c: Container): Target {
	const anonymousVolumes = c.volumeNames?.filter(name => anonymous.test(name)).length ?? 0;
	return {id: c.id, name: c.name, state: c.state, ...(anonymousVolumes > 0 ? {anonymousVolumes} : {})};
}

/** The selected container when a command can run in it, else why not. Exec needs a running one. */
function runningSelection(state: AppState): Container | string {
	const container = selectedContainer(state);
	if (!container) {
		return 'no container selected';
	}

	switch (container.state) {
		case 'running': return container;
		case 'paused': return `${container.name} is paused: p unpauses it first`;
		case 'restarting': return `${container.name} is restarting: wait until it is running`;
		default: return `${container.name} is not running: s starts it first`;
	}
}

const act = ({engine, store}: CommandServices, jobs: readonly Job[]) => {
	void runJobs(engine, store, jobs, {force: false});
};

/** Opens a view of the selected container, or says none is selected. */
function openDetail(kind: 'inspect' | 'top' | 'stats') {
	return (services: CommandServices, state: AppState) => {
		const selected = selectedContainer(state);
		return selected ? services.store.dispatch({type: 'detail/open', kind, containerId: selected.id, name: selected.name}) : say(services, 'no container selected', 'error');
	};
}

/** The Containers pane's commands: acting on the selected or marked containers, and opening views of one. */
export const containerHandlers = {
	'container.mark': ({store}) => store.dispatch({type: 'mark/toggle'}),
	'container.showAll'(services) {
		services.store.dispatch({type: 'showAll/toggle'});
		say(services, services.store.getState().ui.showAll ? 'showing all containers' : 'showing running containers only');
	},
	'container.toggleRun'({engine, store}, state) {
		// Issue 12 item 8: one verb for all. Any running: stop those and say which were left; else start.
		const chosen = selectTargets(state);
		const running = chosen.filter(c => !isStopped(c));
		const verb = running.length > 0 ? 'stop' : 'start';
		const acted = running.length > 0 ? running : chosen;
		const skipped = chosen.length - acted.length;
		const note = skipped > 0 ? `${skipped} skipped (already stopped)` : undefined;
		void runJobs(engine, store, acted.map(c => ({target: toTarget(c), verb})), {...(note ? {note} : {})});
	},
	'container.restart': (services, state) => act(services, selectTargets(state).map(c => ({target: toTarget(c), verb: 'restart'}))),
	'container.pause'(services, state) {
		const chosen = selectTargets(state);
		const able = chosen.filter(c => c.state === 'running' || c.state === 'paused');
		if (able.length === 0 && chosen.length > 0) {
			return say(services, `cannot pause ${chosen[0]!.name}: it is not running`, 'error');
		}

		act(services, able.map(c => ({target: toTarget(c), verb: c.state === 'paused' ? 'unpause' : 'pause'})));
	},
	'container.kill'(services, state) {
		const chosen = selectTargets(state);
		const able = chosen.filter(c => !isStopped(c));
		if (able.length === 0) {
			return say(services, 'nothing to kill: no running container selected or marked', 'error');
		}

		if (!state.config.confirm.kill) {
			services.store.dispatch({type: 'marks/clear', ids: chosen.map(c => c.id)});
			return act(services, able.map(c => ({target: toTarget(c), verb: 'kill'})));
		}

		services.store.dispatch({type: 'overlay/confirm', request: {action: 'kill', targets: able.map(c => toTarget(c))}});
	},
	'container.remove'(services, state) {
		const chosen = selectTargets(state);
		if (chosen.length === 0) {
			return say(services, 'nothing to remove', 'error');
		}

		// Running ones still ask: removing them means force, which kills them first.
		if (!state.config.confirm.remove && chosen.every(c => isStopped(c))) {
			services.store.dispatch({type: 'marks/clear', ids: chosen.map(c => c.id)});
			return act(services, chosen.map(c => ({target: toTarget(c), verb: 'remove'})));
		}

		services.store.dispatch({type: 'overlay/confirm', request: {action: 'remove', targets: chosen.map(c => toTarget(c))}});
	},
	'container.cleanup'(services, state) {
		// With a filter, only what matches it: "filter to my project, clean up" must not reach further.
		const filter = state.ui.filter.text.trim();
		// Narrowed to a compose project (Enter on pane 5): only that project's.
		const stopped = visibleContainers(selectContainerItems(state) ?? [], true, filter).filter(c => isStopped(c));
		if (stopped.length === 0) {
			return say(services, `nothing to clean up: no stopped containers${filter ? ` match "${filter}"` : ''}`);
		}

		services.store.dispatch({type: 'overlay/confirm', request: {action: 'cleanup', targets: stopped.map(c => toTarget(c)), ...(filter ? {filter} : {})}});
	},
	'container.logs'(services, state) {
		// Issue 16 item 2: several marked, one log of them all, merged in time order.
		const marked = selectTargets(state);
		if (state.ui.marks.size > 1 && marked.length > 1) {
			const sources = marked.map(c => ({id: c.id, name: c.name}));
			return services.store.dispatch({type: 'logs/open', containerId: `merged:${sources.map(s => s.id).join(',')}`, name: `${sources.length} containers`, merged: {sources}});
		}

		const selected = selectedContainer(state);
		if (!selected) {
			return say(services, 'no container selected', 'error');
		}

		// Side by side with the logs already open: Enter moves the keys to them.
		services.store.dispatch(state.logs?.containerId === selected.id ? {type: 'focus/toggle'} : {type: 'logs/open', containerId: selected.id, name: selected.name});
	},
	'container.inspect': openDetail('inspect'),
	'container.top': openDetail('top'),
	'container.stats': openDetail('stats'),
	'container.exec'(services, state) {
		const chosen = runningSelection(state);
		if (typeof chosen === 'string') {
			return say(services, `cannot open a shell: ${chosen}`, 'error');
		}

		void openShell(services, toTarget(chosen));
	},
	'container.run'(services, state) {
		const {overlay} = state.ui;
		if (overlay?.kind === 'output') {
			// Another command in the same container, starting from the last one.
			return services.store.dispatch({type: 'prompt/open', target: overlay.output.target, text: overlay.output.command});
		}

		const chosen = runningSelection(state);
		if (typeof chosen === 'string') {
			return say(services, `cannot run a command: ${chosen}`, 'error');
		}

		services.store.dispatch({type: 'prompt/open', target: toTarget(chosen)});
	},
} satisfies Handlers;
