import {type Connection, ConnectionError, resolveConnection} from '../docker/connection.js';
import {currentContextName, listContexts} from '../docker/contexts.js';
import {readHosts} from '../config/hosts-history.js';
import type {Command} from '../keys/keymap.js';
import type {Store} from '../store/create-store.js';
import {stopOneOff} from './one-off.js';
import {buildSwitchEntries, selectedEntry, type SwitchEntry} from '../store/switcher.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Puts another Engine in place of the one in use (run.tsx); `target` is the entry's id. */
export type SwitchEngine = (connection: Connection, target: string) => void;

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

/** What the switcher's keys do. */
export function runSwitcherCommand(command: Command, store: Store, switchEngine: SwitchEngine | undefined, env: Env = process.env): void {
	const {dispatch} = store;
	const state = store.getState();
	const overlay = state.ui.overlay;
	const switcher = overlay?.kind === 'switcher' ? overlay.switcher : undefined;
	switch (command) {
		case 'switcher.open': return dispatch({type: 'switcher/open', entries: switchEntries(state.connection.target, env)});
		case 'switcher.up': return dispatch({type: 'switcher/move', delta: -1});
		case 'switcher.down': return dispatch({type: 'switcher/move', delta: 1});
		case 'switcher.filter': return dispatch({type: 'switcher/filter', open: true});
		case 'switcher.filterCancel': return dispatch({type: 'switcher/filter', open: false});
		case 'switcher.close': return dispatch({type: 'overlay/close'});
		case 'switcher.select': {
			const entry = switcher && selectedEntry(switcher);
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
			return switchEngine(connection, entry.id);
		}

		default:
	}
}
