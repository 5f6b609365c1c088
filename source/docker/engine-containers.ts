import type {Readable} from 'node:stream';
import type Docker from 'dockerode';
import type {ContainerState} from '../core/types.js';
import type {Engine} from './engine-types.js';
import {eachLine, jsonLines} from './json-lines.js';
import {type ApiContainer, mapContainer} from './map-container.js';
import {type ApiStats, reduceStats} from './stats-sample.js';

type ApiEvent = {Type?: string; Action?: string; Actor?: {ID?: string; Attributes?: Record<string, string> | null}; id?: string; time?: number};

const knownStates = new Set<string>(['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing']);

/** The Engine's calls on containers: list, events, the table's stats, actions, what a shell needs. */
export function containerCalls(docker: Docker): Pick<Engine, 'listContainers' | 'events' | 'stats' | 'act' | 'execTarget'> {
	return {
		async listContainers() {
			const raw = (await docker.listContainers({all: true})) as unknown as ApiContainer[];
			return raw.map(raw => mapContainer(raw));
		},

		async * events(signal, types = ['container']) {
			const stream = (await docker.getEvents({
				filters: {type: [...types]},
				abortSignal: signal,
			} as Parameters<Docker['getEvents']>[0])) as unknown as Readable;
			try {
				for await (const event of jsonLines<ApiEvent>(stream)) {
					yield {
						type: event.Type ?? 'container',
						action: event.Action ?? '',
						id: event.Actor?.ID ?? event.id ?? '',
						time: event.time ?? 0,
						attributes: event.Actor?.Attributes ?? {},
					};
				}
			} finally {
				stream.destroy();
			}
		},

		async stats(id, signal, onSample) {
			const stream = (await docker.getContainer(id).stats({
				stream: true,
				abortSignal: signal,
			} as {stream: true})) as unknown as Readable;
			try {
				await eachLine(stream, line => {
					onSample(() => reduceStats(JSON.parse(line) as ApiStats));
				});
			} catch (error) {
				// Aborting breaks the connection: that is the reader leaving, not a failure.
				if (!signal.aborted) {
					throw error;
				}
			} finally {
				stream.destroy();
			}
		},

		async act(id, verb, options = {}) {
			const container = docker.getContainer(id);
			switch (verb) {
				case 'start': {
					await container.start();
					break;
				}

				case 'stop': {
					await container.stop();
					break;
				}

				case 'restart': {
					await container.restart();
					break;
				}

				case 'pause': {
					await container.pause();
					break;
				}

				case 'unpause': {
					await container.unpause();
					break;
				}

				case 'kill': {
					await container.kill();
					break;
				}

				case 'remove': {
					await container.remove({force: Boolean(options.force), ...(options.volumes ? {v: true} : {})});
					break;
				}
			}
		},

		async execTarget(id) {
			const info = await docker.getContainer(id).inspect();
			const pathVariable = (info.Config?.Env ?? []).find(variable => variable.startsWith('PATH='));
			return {
				name: (info.Name ?? id.slice(0, 12)).replace(/^\//, ''),
				state: (knownStates.has(info.State?.Status) ? info.State.Status : 'created') as ContainerState,
				user: info.Config?.User ?? '',
				path: pathVariable ? pathVariable.slice(5).split(':').filter(Boolean) : [],
			};
		},
	};
}
