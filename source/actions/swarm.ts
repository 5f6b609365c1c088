import type {SwarmNode, SwarmService} from '../core/swarm.js';
import {describeError} from '../docker/errors.js';
import {sanitizeLine} from '../render/sanitize.js';
import {selectList} from '../store/list-selectors.js';
import type {AppState} from '../store/state.js';
import {say, type CommandServices, type Handler, type Handlers} from './services.js';

// The Services and Nodes panes' commands, the tasks view and the replica count (issue 17).

function selected<T>(state: AppState, pane: 'services' | 'nodes'): T | undefined {
	if (state.ui.pane !== pane) {
		return undefined;
	}

	const {rows, keys} = selectList(state, pane);
	const index = keys.indexOf(state.ui.selectedId ?? '');
	return index === -1 ? undefined : rows[index] as T;
}

const selectedService = (state: AppState) => selected<SwarmService>(state, 'services');
const selectedNode = (state: AppState) => selected<SwarmNode>(state, 'nodes');

/** The service the tasks view shows, else the selected row. */
function serviceInView(state: AppState): {readonly id: string; readonly name: string} | undefined {
	const view = state.swarm?.tasks;
	return view ? {id: view.serviceId, name: view.name} : selectedService(state);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** i: the Engine's document of a service or node, in the page view. */
async function inspect(services: CommandServices, kind: 'service' | 'node', id: string, name: string): Promise<void> {
	const {engine, store} = services;
	try {
		const document = kind === 'service' ? await engine.swarm!.inspectService(id) : await engine.swarm!.inspectNode(id);
		const lines = JSON.stringify(document, undefined, 2).split('\n').map(line => sanitizeLine(line));
		store.dispatch({type: 'overlay/page', page: {title: `${kind === 'service' ? 'Service' : 'Node'} ${sanitizeLine(name)}`, lines, scroll: 0}});
	} catch (error) {
		say(services, `cannot inspect ${name}: ${describeError(error, engine.host)}`, 'error');
	}
}

/** d: drain an active node, naming the tasks that will move; a drained or paused one becomes active. */
async function askDrain(services: CommandServices, node: SwarmNode): Promise<void> {
	const {engine, store} = services;
	const target = {id: node.id, name: node.hostname, detail: `${node.role}, ${node.availability}`};
	if (node.availability !== 'active') {
		store.dispatch({type: 'overlay/confirm', request: {action: 'node-activate', targets: [target]}});
		return;
	}

	try {
		const tasks = await engine.swarm!.nodeTasks(node.id);
		const named = tasks.map(task => ({id: task.id, name: `${task.service}${task.slot === undefined ? '' : `.${task.slot}`}`, detail: task.state}));
		store.dispatch({type: 'overlay/confirm', request: {action: 'node-drain', targets: [target], tasks: named}});
	} catch (error) {
		say(services, `cannot list the tasks of ${node.hostname}: ${describeError(error, engine.host)}`, 'error');
	}
}

async function scale(services: CommandServices, id: string, name: string, replicas: number): Promise<void> {
	const {engine, store} = services;
	store.dispatch({type: 'status', status: {kind: 'progress', text: `scaling ${name} to ${replicas}...`}});
	try {
		await engine.swarm!.scale(id, replicas);
		store.dispatch({type: 'status', status: {kind: 'success', text: `${name} scaled to ${replicas}`}});
	} catch (error) {
		say(services, `cannot scale ${name}: ${describeError(error, engine.host)}`, 'error');
	}
}

/** Runs `act` when the Engine has Swarm calls (a stub Engine in tests has none). */
const withSwarm = (act: Handler): Handler => (services, state) => {
	if (!services.engine.swarm) {
		say(services, 'this Engine offers no Swarm calls', 'error');
		return;
	}

	act(services, state);
};

export const swarmHandlers = {
	'service.tasks'({store}, state) {
		const service = selectedService(state);
		if (service) {
			store.dispatch({type: 'swarm/tasks/open', serviceId: service.id, name: service.name});
		}
	},
	'service.logs'({store}, state) {
		const service = serviceInView(state);
		if (service) {
			store.dispatch({type: 'logs/open', containerId: service.id, name: `service ${service.name}`, kind: 'service'});
		}
	},
	'service.scale'(services, state) {
		const service = selectedService(state);
		if (!service) {
			return;
		}

		if (service.mode !== 'replicated') {
			say(services, `${service.name} is a ${service.mode} service: only replicated services scale`, 'error');
			return;
		}

		services.store.dispatch({type: 'swarm/scale/open', serviceId: service.id, name: service.name, text: String(service.desired)});
	},
	'replicas.apply': withSwarm((services, state) => {
		const input = state.swarm?.scale;
		services.store.dispatch({type: 'swarm/scale/close'});
		if (input && /^\d+$/.test(input.text)) {
			void scale(services, input.serviceId, input.name, Number(input.text));
		} else if (input) {
			say(services, 'type a number of replicas, then Enter', 'error');
		}
	}),
	'replicas.cancel': ({store}) => store.dispatch({type: 'swarm/scale/close'}),
	'service.restart'({store}, state) {
		const service = selectedService(state);
		if (service) {
			store.dispatch({type: 'overlay/confirm', request: {action: 'service-restart', targets: [{id: service.id, name: service.name, detail: plural(service.running, 'running task')}]}});
		}
	},
	'service.remove'({store}, state) {
		const service = selectedService(state);
		if (service) {
			store.dispatch({type: 'overlay/confirm', request: {action: 'service-remove', targets: [{id: service.id, name: service.name, detail: plural(service.running, 'running task')}]}});
		}
	},
	'service.inspect': withSwarm((services, state) => {
		const service = selectedService(state);
		if (service) {
			void inspect(services, 'service', service.id, service.name);
		}
	}),
	'node.drain': withSwarm((services, state) => {
		const node = selectedNode(state);
		if (node) {
			void askDrain(services, node);
		}
	}),
	'node.inspect': withSwarm((services, state) => {
		const node = selectedNode(state);
		if (node) {
			void inspect(services, 'node', node.id, node.hostname);
		}
	}),
	'tasks.close': ({store}) => store.dispatch({type: 'swarm/tasks/close'}),
} satisfies Handlers;
