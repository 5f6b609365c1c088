import type {SwitchEntry} from '../core/switch-entry.js';
import {sanitizeLine} from './sanitize.js';
import {fit, textWidth, truncate} from './text-width.js';

/**
 * The switcher's lines: a mark (* for the Engine in use), the name, the endpoint and where the entry
 * comes from, in columns as wide as the longest name and endpoint allow. Pure.
 */
export function switcherRows(entries: readonly SwitchEntry[], width: number): string[] {
	const names = entries.map(e => sanitizeLine(e.kind === 'default' ? 'default (local socket)' : e.name));
	const endpoints = entries.map(e => sanitizeLine(e.endpoint));
	const nameWidth = Math.min(48, Math.max(4, ...names.map(n => textWidth(n))));
	// A host's name is its endpoint: shown once.
	const endpointWidth = Math.min(48, Math.max(8, ...entries.map((e, i) => (e.kind === 'host' ? 0 : textWidth(endpoints[i]!)))));
	return entries.map((entry, index) => {
		const notes = [entry.from, ...(entry.current ? ['current'] : []), ...(entry.inUse ? ['in use'] : [])].join(', ');
		const endpoint = entry.kind === 'host' ? '' : endpoints[index]!;
		const line = `${entry.inUse ? '*' : ' '} ${fit(names[index]!, nameWidth)}  ${fit(endpoint, endpointWidth)}  ${notes}`;
		return truncate(line, width);
	});
}

export function switcherHeader(entries: readonly SwitchEntry[], width: number): string {
	return switcherRows([{id: '', kind: 'context', name: 'NAME', endpoint: 'ENDPOINT', from: 'FROM'}, ...entries], width)[0]!;
}
