import type {Connection} from './connection.js';

// Apart from actions/switcher.ts: the first frame (first-frame.ts) names the Engine before that loads.

type Named = Pick<Connection, 'label' | 'source' | 'context'>;

/** The switcher's id of a connection, so the entry in use can be marked. */
export function targetOf(connection: Named): string {
	if (connection.context) {
		return `context:${connection.context}`;
	}

	return connection.source === '--host' || connection.source === 'DOCKER_HOST' ? `host:${connection.label}` : 'default';
}

/** Where the Engine was picked, for the header; nothing for the local socket. */
export function originOf(connection: Named): string | undefined {
	const origins: Partial<Record<Connection['source'], string>> = {
		'--host': 'via --host', DOCKER_HOST: 'via DOCKER_HOST', '--context': 'via --context', DOCKER_CONTEXT: 'via DOCKER_CONTEXT', config: 'via config.json',
	};
	return origins[connection.source];
}
