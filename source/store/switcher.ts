import type {SwitchEntry} from '../core/switch-entry.js';

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

/** The cursor kept on a row the filter lets through. */
export function clampSwitcher(next: Switcher): Switcher {
	return {...next, cursor: Math.max(0, Math.min(next.cursor, visibleEntries(next).length - 1))};
}
