import http from 'node:http';
import type {Connection} from './connection.js';
import type {ApiContainer} from './map-container.js';

export type ApiVersion = {Version?: string; ApiVersion?: string; Os?: string; Components?: Array<{Name?: string}> | null};

/** The first two answers tsdtop needs, asked for before the UI code has loaded. */
export type Prefetch = {
	readonly version: Promise<ApiVersion>;
	readonly containers: Promise<ApiContainer[]>;
};

/**
 * Sends GET /version and GET /containers/json with plain node:http the moment the connection is
 * known, so the Engine answers while Ink, React and dockerode load (about 100 ms of start-up).
 * For unix sockets, plain tcp and ssh (through its agent, whose channels are then reused); TLS waits for dockerode. Errors carry the socket's
 * code (ENOENT, EACCES...) or the Engine's status, as dockerode's do, for describeError.
 */
export function prefetch(connection: Connection): Prefetch | undefined {
	const {socketPath, host, port, protocol, agent} = connection.options;
	if (!socketPath && protocol !== 'http') {
		return undefined;
	}

	const get = async <T>(path: string) => new Promise<T>((resolve, reject) => {
		// No TLS here, so no server name: without it Node's http agent tests the host against its IPv6
		// pattern, and compiling that pattern the first time costs 20-45 ms of start-up.
		const options: http.RequestOptions & {readonly servername: string} = {socketPath, host, port, path, headers: {host: 'docker'}, servername: '', ...(agent ? {agent} : {})};
		const request = http.get(options, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => {
				try {
					const json = JSON.parse(body) as T & {message?: string};
					if (response.statusCode === 200) {
						resolve(json);
					} else {
						reject(Object.assign(new Error(json.message ?? `HTTP ${response.statusCode}`), {statusCode: response.statusCode, json}));
					}
				} catch (error) {
					reject(error as Error);
				}
			});
			response.on('error', reject);
		});
		request.on('error', reject);
	});

	const version = get<ApiVersion>('/version');
	// Over ssh a new channel starts a process on the far side (docker dial-stdio), which costs far more
	// than a round trip: the list follows the version on the same kept-alive channel.
	const containers = agent ? version.then(async () => get<ApiContainer[]>('/containers/json?all=1')) : get<ApiContainer[]>('/containers/json?all=1');
	const answers = {version, containers};
	// Awaited later; a failure before then must not count as unhandled.
	answers.version.catch(() => undefined);
	answers.containers.catch(() => undefined);
	return answers;
}
