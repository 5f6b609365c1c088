import {sanitizeLine} from './sanitize.js';
import {naturalCompare} from '../core/natural-order.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (value: unknown): string => sanitizeLine(typeof value === 'string' ? value : JSON.stringify(value ?? ''));

/**
 * The inspect view as lines: the facts people look for first (image, command, state, restart
 * policy, ports, mounts, networks with IPs, env, labels), then the whole document as JSON. Sorted
 * where the API promises no order. Every string is sanitised: labels and env come from anyone.
 */
export function inspectLines(document: Json): string[] {
	const config: Json = document['Config'] ?? {};
	const host: Json = document['HostConfig'] ?? {};
	const state: Json = document['State'] ?? {};
	const lines: string[] = [];
	const fact = (name: string, value: string) => lines.push(`${name.padEnd(15)}${value}`);
	const list = (title: string, items: string[]) => {
		lines.push(`${title}:${items.length === 0 ? ' none' : ''}`);
		for (const item of items) {
			lines.push(`  ${item}`);
		}
	};

	fact('Name', text(String(document['Name'] ?? '').replace(/^\//, '')));
	fact('ID', text(document['Id']));
	fact('Image', text(config['Image']));
	fact('Command', text([...(document['Path'] ? [document['Path']] : []), ...(document['Args'] ?? [])].join(' ')));
	fact('Created', text(document['Created']));
	fact('State', text(`${state['Status'] ?? ''}${state['Status'] === 'exited' ? ` (${state['ExitCode']})` : ''}${state['StartedAt'] ? `, started ${state['StartedAt']}` : ''}`));
	const policy: Json = host['RestartPolicy'] ?? {};
	fact('Restart', text(`${policy['Name'] || 'no'}${policy['MaximumRetryCount'] ? ` (max ${policy['MaximumRetryCount']})` : ''}`));
	const ports: Json = document['NetworkSettings']?.['Ports'] ?? {};
	list('Ports', Object.entries(ports).sort(([a], [b]) => naturalCompare(a, b)).map(([port, bindings]) => {
		const to = (bindings as Json[] | null)?.map(b => `${b['HostIp'] || '0.0.0.0'}:${b['HostPort']}`).join(', ');
		return text(to ? `${port} -> ${to}` : port);
	}));
	list('Mounts', ((document['Mounts'] ?? []) as Json[]).map(m => text(`${m['Source'] ?? m['Name'] ?? ''} -> ${m['Destination']}${m['RW'] === false ? ' (ro)' : ''}`)).sort());
	const networks: Json = document['NetworkSettings']?.['Networks'] ?? {};
	list('Networks', Object.entries(networks).sort(([a], [b]) => naturalCompare(a, b)).map(([name, n]) => text(`${name}${(n as Json)['IPAddress'] ? ` ${(n as Json)['IPAddress']}` : ''}`)));
	list('Env', ((config['Env'] ?? []) as string[]).map(e => text(e)).sort());
	list('Labels', Object.entries((config['Labels'] ?? {}) as Record<string, string>).sort(([a], [b]) => naturalCompare(a, b)).map(([k, v]) => text(`${k}=${v}`)));
	lines.push('', 'Full document:');
	for (const line of JSON.stringify(document, null, 2).split('\n')) {
		lines.push(sanitizeLine(line));
	}

	return lines;
}
