import {type Connection, ConnectionError, resolveConnection} from '../docker/connection.js';
import {currentContextName, listContexts} from '../docker/contexts.js';
import {readHosts} from '../config/hosts-history.js';
import type {AppState} from '../store/state.js';
import {stopOneOff} from './one-off.js';
import type {CommandServices, Handlers} from './services.js';
import {buildSwitchEntries, selectedEntry, type SwitchEntry} from '../store/switcher.js';

type Env = Readonly<Record<string, string | undefined>>;

export type {SwitchEngine} from './services.js';

export {originOf, targetOf} from '../docker/connection-names.js';

// Without DOCKER_HOST and DOCKER_CONTEXT: a picked context or the local socket must win over them.
const withoutOverrides = (env: Env): Env => ({...env, DOCKER_HOST: '', DOCKER_CONTEXT: ''});

/** The connection an entry stands for. Throws ConnectionError when it cannot be used. */
export function connectionFor(entry: Pick<SwitchEntry, 'kind' | 'name'>, env: Env = process.env): Connection {
	switch (entry.kind) {
		case 'context': return resolveConnection(undefined, withoutOverrides(env), entry.name);
		case 'host': return resolveConnection(entry.name, env);
		default: return resolveConnection(undefined, withoutOverrides(env), 'default');
	}
}

/** Reads the contexts, DOCKER_HOST and the history now, so a context made a moment ago is listed. */
export function switchEntries(inUse: string | undefined, env: Env = process.env): SwitchEntry[] {
	let dockerHost: string | undefined;
	try {
		dockerHost = env['DOCKER_HOST']?.trim() ? resolveConnection(env['DOCKER_HOST'], env).label : undefined;
	} catch {}

	const current = currentContextName(env);
	return buildSwitchEntries({
		contexts: listContexts(env),
		...(current ? {currentContext: current} : {}),
		...(dockerHost ? {dockerHost} : {}),
		hosts: readHosts(env),
		...(inUse ? {inUse} : {}),
		localSocket: connectionFor({kind: 'default', name: 'default'}, env).label,
	});
}

/** The switcher's commands (:), reading contexts and DOCKER_HOST from `env`. */
export function switcherCommands(env: Env = process.env) {
	return {
		'switcher.open': ({store}, state) => store.dispatch({type: 'switcher/open', entries: switchEntries(state.connection.target, env)}),
		'switcher.filter': ({store}) => store.dispatch({type: 'switcher/filter', open: true}),
		'switcher.filterCancel': ({store}) => store.dispatch({type: 'switcher/filter', open: false}),
		'switcher.close': ({store}) => store.dispatch({type: 'overlay/close'}),
		'switcher.select': (services, state) => select(services, state, env),
	} satisfies Handlers;
}

export const switcherHandlers = switcherCommands();

function select({store, switchEngine}: CommandServices, state: AppState, env: Env): void {
	const {dispatch} = store;
	const overlay = state.ui.overlay;
	const entry = overlay?.kind === 'switcher' ? selectedEntry(overlay.switcher) : undefined;
	if (!entry) {
		return;
	}

	if (entry.inUse) {
		return dispatch({type: 'overlay/close'});
	}

	if (!switchEngine) {
		return dispatch({type: 'status', status: {kind: 'error', text: 'cannot switch the Engine here'}});
	}

	let connection;
	try {
		connection = connectionFor(entry, env);
	} catch (error) {
		if (!(error instanceof ConnectionError)) {
			throw error;
		}

		return dispatch({type: 'status', status: {kind: 'error', text: error.message}});
	}

	// A command run with E on the old Engine stops too: its output overlay goes with the switch.
	stopOneOff();
	switchEngine(connection, entry.id);
}
