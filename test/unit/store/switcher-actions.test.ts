import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {connectionFor, originOf, switchEntries, switcherCommands, targetOf} from '../../../source/actions/switcher.js';
import type {SwitchEngine} from '../../../source/actions/services.js';
import type {Store} from '../../../source/store/create-store.js';
import {type Connection, resolveConnection} from '../../../source/docker/connection.js';
import {rememberHost} from '../../../source/config/hosts-history.js';
import {createStore} from '../../../source/store/create-store.js';
import {initialState} from '../../../source/store/state.js';

/** A HOME with docker contexts and a tsdtop state folder, as earlier runs leave them. */
function home(contexts: Record<string, string>, current?: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-sw-'));
	const docker = path.join(dir, '.docker');
	mkdirSync(docker, {recursive: true});
	if (current) {
		writeFileSync(path.join(docker, 'config.json'), JSON.stringify({currentContext: current}));
	}

	for (const [name, host] of Object.entries(contexts)) {
		const digest = createHash('sha256').update(name).digest('hex');
		mkdirSync(path.join(docker, 'contexts', 'meta', digest), {recursive: true});
		writeFileSync(path.join(docker, 'contexts', 'meta', digest, 'meta.json'), JSON.stringify({Name: name, Endpoints: {docker: {Host: host}}}));
	}

	return {HOME: dir, XDG_STATE_HOME: path.join(dir, 'state')};
}

describe('connectionFor', () => {
	const env = {...home({second: 'tcp://10.0.0.2:2375'}), DOCKER_HOST: 'tcp://10.0.0.9:2375', DOCKER_CONTEXT: 'other'};

	it('a context wins over DOCKER_HOST and DOCKER_CONTEXT', () => {
		expect(connectionFor({kind: 'context', name: 'second'}, env)).toMatchObject({label: 'tcp://10.0.0.2:2375 (context second)', context: 'second'});
	});

	it('a host is used as given', () => {
		expect(connectionFor({kind: 'host', name: 'tcp://10.0.0.7:2375'}, env)).toMatchObject({label: 'tcp://10.0.0.7:2375', source: '--host'});
	});

	it('default is the local socket whatever DOCKER_HOST says', () => {
		expect(connectionFor({kind: 'default', name: 'default'}, env).label).toMatch(/^unix:\/\//);
		expect(connectionFor({kind: 'default', name: 'default'}, env).label).not.toContain('10.0.0.9');
	});

	it('a context that has gone since the list was read is a ConnectionError', () => {
		expect(() => connectionFor({kind: 'context', name: 'vanished'}, env)).toThrow(/docker context "vanished" not found/);
	});
});

describe('targetOf and originOf', () => {
	const env = home({second: 'tcp://10.0.0.2:2375'}, 'second');
	it.each<[string, Connection, string, string | undefined]>([
		['--host', resolveConnection('tcp://a:2375', env), 'host:tcp://a:2375', 'via --host'],
		['DOCKER_HOST', resolveConnection(undefined, {...env, DOCKER_HOST: 'tcp://a:2375'}), 'host:tcp://a:2375', 'via DOCKER_HOST'],
		['--context', resolveConnection(undefined, env, 'second'), 'context:second', 'via --context'],
		['DOCKER_CONTEXT', resolveConnection(undefined, {...env, DOCKER_CONTEXT: 'second'}), 'context:second', 'via DOCKER_CONTEXT'],
		['config.json', resolveConnection(undefined, env), 'context:second', 'via config.json'],
		['the local socket', resolveConnection(undefined, {HOME: '/nonexistent'}), 'default', undefined],
	])('from %s', (_name, connection, target, origin) => {
		expect(targetOf(connection)).toBe(target);
		expect(originOf(connection)).toBe(origin);
	});
});

describe('switchEntries', () => {
	it('reads the contexts, DOCKER_HOST and the history afresh, marking the current context and the one in use', () => {
		const env = {...home({beta: 'tcp://b:2375', alpha: 'unix:///a.sock'}, 'beta'), DOCKER_HOST: 'tcp://d:2375'};
		rememberHost('ssh://me@old', env);
		rememberHost('tcp://d:2375', env);
		const entries = switchEntries('context:alpha', env);
		expect(entries.map(e => `${e.id}${e.current ? ' current' : ''}${e.inUse ? ' in use' : ''}`)).toEqual([
			'context:alpha in use',
			'context:beta current',
			'host:tcp://d:2375',
			'host:ssh://me@old',
			'default',
		]);
	});
});

describe('the switcher\'s handlers', () => {
	const env = home({second: 'tcp://10.0.0.2:2375'});
	const handlers = switcherCommands(env);
	const run = (command: keyof typeof handlers, store: Store, switchEngine?: SwitchEngine) => {
		handlers[command]({store, engine: undefined as never, exit() {}, ...(switchEngine ? {switchEngine} : {})}, store.getState());
	};

	const opened = (entries = switchEntries('default', env)) => {
		const store = createStore(initialState({host: 'unix:///var/run/docker.sock', target: 'default'}));
		store.dispatch({type: 'switcher/open', entries});
		return store;
	};

	it(': lists what is there now, with the Engine in use marked', () => {
		const store = createStore(initialState({host: 'tcp://10.0.0.2:2375 (context second)', target: 'context:second'}));
		run('switcher.open', store);
		const overlay = store.getState().ui.overlay;
		expect(overlay?.kind === 'switcher' && overlay.switcher.entries.map(e => `${e.name}${e.inUse ? ' *' : ''}`)).toEqual(['second *', 'default']);
	});

	it('Enter on another entry hands its connection and id to switchEngine', () => {
		const store = opened();
		const calls: Array<[string, string]> = [];
		store.dispatch({type: 'scroll', target: 'switcher', by: -1});
		run('switcher.select', store, (connection, target) => calls.push([connection.label, target]));
		expect(calls).toEqual([['tcp://10.0.0.2:2375 (context second)', 'context:second']]);
	});

	it('Enter on the Engine in use only closes the switcher', () => {
		const store = opened();
		const calls: string[] = [];
		run('switcher.select', store, (_connection, target) => calls.push(target));
		expect(calls).toEqual([]);
		expect(store.getState().ui.overlay).toBeUndefined();
	});

	it('an entry that cannot be used says why and switches nothing', () => {
		const store = opened([{id: 'context:gone', kind: 'context', name: 'gone', endpoint: 'x', from: 'context'}]);
		const calls: string[] = [];
		run('switcher.select', store, (_connection, target) => calls.push(target));
		expect(calls).toEqual([]);
		expect(store.getState().ui.status).toMatchObject({kind: 'error', text: expect.stringContaining('docker context "gone" not found') as string});
	});
});
