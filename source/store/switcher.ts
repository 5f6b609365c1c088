import type {SwitchEntry} from '../core/switch-entry.js';
import type {Action} from './actions.js';
import {type AppState, emptyList, type ListUi} from './state.js';
import {applyTextEdit} from './text-edit.js';

export type {SwitchEntry} from '../core/switch-entry.js';

export type Switcher = {
	readonly entries: readonly SwitchEntry[];
	/** Index into the filtered entries. */
	readonly cursor: number;
	readonly filter: {readonly open: boolean; readonly text: string; readonly cursor: number};
};

export type SwitchSources = {
	readonly contexts: ReadonlyArray<{readonly name: string; readonly host: string}>;
	readonly currentContext?: string;
	/** DOCKER_HOST as a URL, when set. */
	readonly dockerHost?: string;
	/** --host history, newest first. */
	readonly hosts: readonly string[];
	/** The id of the Engine in use (ConnectionState.target). */
	readonly inUse?: string;
	/** What "default" connects to: the local socket, or Podman's. */
	readonly localSocket: string;
};

/** The switcher's rows: contexts by name, DOCKER_HOST, the --host history, then the local socket. Pure. */
export function buildSwitchEntries(sources: SwitchSources): SwitchEntry[] {
	const entries: SwitchEntry[] = sources.contexts.map(c => ({id: `context:${c.name}`, kind: 'context', name: c.name, endpoint: c.host, from: 'context'}));
	const seen = new Set<string>();
	const hosts = [...(sources.dockerHost ? [sources.dockerHost] : []), ...sources.hosts];
	for (const [index, host] of hosts.entries()) {
		if (!seen.has(host)) {
			seen.add(host);
			const from = index === 0 && sources.dockerHost ? 'DOCKER_HOST' : '--host history';
			entries.push({id: `host:${host}`, kind: 'host', name: host, endpoint: host, from});
		}
	}

	entries.push({id: 'default', kind: 'default', name: 'default', endpoint: sources.localSocket, from: 'local socket'});
	return entries.map(entry => ({
		...entry,
		...(entry.kind === 'context' && entry.name === sources.currentContext ? {current: true} : {}),
		...(entry.id === sources.inUse ? {inUse: true} : {}),
	}));
}

/** The entries the filter lets through: text in the name or the endpoint, any case. */
export function visibleEntries(switcher: Switcher): readonly SwitchEntry[] {
	const text = switcher.filter.text.trim().toLowerCase();
	return text ? switcher.entries.filter(e => e.name.toLowerCase().includes(text) || e.endpoint.toLowerCase().includes(text)) : switcher.entries;
}

export function selectedEntry(switcher: Switcher): SwitchEntry | undefined {
	return visibleEntries(switcher)[switcher.cursor];
}

/** Switcher actions, and the reset after a switch; undefined for any other action. */
export function reduceSwitcher(state: AppState, action: Action): AppState | undefined {
	const overlay = state.ui.overlay;
	const switcher = overlay?.kind === 'switcher' ? overlay.switcher : undefined;
	const withSwitcher = (next: Switcher): AppState => ({...state, ui: {...state.ui, overlay: {kind: 'switcher', switcher: next}}});
	const clamp = (next: Switcher): Switcher => ({...next, cursor: Math.max(0, Math.min(next.cursor, visibleEntries(next).length - 1))});
	switch (action.type) {
		case 'switcher/open': {
			// The cursor starts on the Engine in use, so Enter right away changes nothing.
			const inUse = action.entries.findIndex(e => e.inUse);
			return withSwitcher({entries: action.entries, cursor: Math.max(0, inUse), filter: {open: false, text: '', cursor: 0}});
		}

		case 'switcher/move': {
			return switcher ? withSwitcher(clamp({...switcher, cursor: switcher.cursor + action.delta})) : state;
		}

		case 'switcher/filter': {
			if (!switcher) {
				return state;
			}

			return withSwitcher(clamp(action.open ? {...switcher, filter: {...switcher.filter, open: true}} : {...switcher, filter: {open: false, text: '', cursor: 0}}));
		}

		case 'switcher/edit': {
			if (!switcher) {
				return state;
			}

			const value = applyTextEdit(switcher.filter, action.edit);
			return withSwitcher({...switcher, cursor: 0, filter: {open: true, ...value}});
		}

		case 'engine/switched': {
			return switchedState(state, action);
		}

		default: {
			return undefined;
		}
	}
}

/**
 * Everything that came from the old Engine goes (lists, stats, logs, detail, marks, selection);
 * what the person chose stays: the pane, showAll, read-only, each list's filter and sort.
 */
function switchedState(state: AppState, action: Extract<Action, {type: 'engine/switched'}>): AppState {
	const {ui} = state;
	const keep = (list: ListUi): ListUi => ({...emptyList, filter: {...list.filter, open: false}, ...(list.sort ? {sort: list.sort} : {})});
	const parked = Object.fromEntries(Object.entries(ui.parked).map(([pane, list]) => [pane, keep(list)]));
	const {containers: _c, images: _i, networks: _n, volumes: _v, diskUsage: _d, logs: _l, detail: _t, ...rest} = state;
	return {
		...rest,
		connection: {status: 'connecting', host: action.host, ...(action.origin ? {origin: action.origin} : {}), ...(action.target ? {target: action.target} : {})},
		stats: {},
		pending: {},
		eventMarks: {seq: state.eventMarks.seq, byId: {}},
		ui: {
			...ui,
			...keep(ui),
			selectedId: undefined,
			focus: 'list',
			parked,
			overlay: undefined,
			prompt: undefined,
			status: {kind: 'info', text: `switched to ${action.host}`},
		},
	};
}
