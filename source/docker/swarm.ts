import type {Readable} from 'node:stream';
import Docker from 'dockerode';
import type {EngineEvent} from '../core/types.js';
import type {Connection} from './connection.js';
import type {InspectDocument} from './container-details.js';
import {jsonLines} from './json-lines.js';
import {mapServices, swarmRoleOf} from './map-swarm.js';
import {mapNodes, mapTasks} from './map-swarm-nodes.js';
import {followServiceLogs, type ServiceLogOptions} from './service-logs.js';
import type {ApiNode, ApiService, ApiServiceSpec, ApiSwarmInfo, ApiTask} from './swarm-api.js';
import type {NodeAvailability, ServiceLogLine, SwarmNode, SwarmRole, SwarmService, SwarmTask} from '../core/swarm.js';

/** Swarm mode through one Engine (issue #17). Services, tasks and nodes need a manager: a worker's Engine refuses them (503). */
export type Swarm = {
	/** Whether this Engine is a manager, a worker (and which managers to use), or in no swarm. */
	role(): Promise<SwarmRole>;
	services(): Promise<SwarmService[]>;
	/** One service's tasks, failed and shut down ones included (the Engine keeps a few a slot). */
	tasks(serviceId: string): Promise<SwarmTask[]>;
	nodes(): Promise<SwarmNode[]>;
	/** The tasks a node runs or is to run (desired running): what a drain would move. */
	nodeTasks(nodeId: string): Promise<SwarmTask[]>;
	/** Sets a replicated service's replica count; throws for any other mode. */
	scale(serviceId: string, replicas: number): Promise<void>;
	/** A rolling restart: bumps TaskTemplate.ForceUpdate, so every task is replaced though the spec is the same. */
	restart(serviceId: string): Promise<void>;
	removeService(serviceId: string): Promise<void>;
	/** 'drain' moves the node's tasks elsewhere; 'active' takes tasks again. */
	setAvailability(nodeId: string, availability: NodeAvailability): Promise<void>;
	inspectService(serviceId: string): Promise<InspectDocument>;
	inspectNode(nodeId: string): Promise<InspectDocument>;
	/** The merged log of all the service's tasks, each line tagged with its task and node, a batch a chunk. */
	logs(serviceId: string, options: ServiceLogOptions): AsyncIterable<readonly ServiceLogLine[]>;
	/**
	 * Service and node events (create, update, remove; a node's state and availability changes) until
	 * the signal aborts. Tasks send none: see swarmRefreshDelay for the backstop that counts them.
	 */
	events(signal: AbortSignal): AsyncIterable<EngineEvent>;
};

export {swarmRoleOf, workerNotice} from './map-swarm.js';
export type {ServiceLogOptions} from './service-logs.js';

type ApiEvent = {Type?: string; Action?: string; Actor?: {ID?: string; Attributes?: Record<string, string> | null}; time?: number};

/** POST an object's new spec with the version it was read at: the Engine refuses it if the object changed since. */
async function postUpdate(docker: Docker, path: string, version: number, spec: object): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		docker.modem.dial({
			path: `${path}?`,
			method: 'POST',
			options: {_query: {version}, _body: spec},
			statusCodes: {200: true, 400: 'bad parameter', 404: 'not found', 500: 'server error', 503: 'node is not part of a swarm'},
		}, error => {
			if (error) {
				reject(error);
			} else {
				resolve();
			}
		});
	});
}

async function updateService(docker: Docker, id: string, change: (spec: ApiServiceSpec) => ApiServiceSpec): Promise<void> {
	const raw = await docker.getService(id).inspect() as ApiService;
	await postUpdate(docker, `/services/${encodeURIComponent(raw.ID)}/update`, raw.Version?.Index ?? 0, change(raw.Spec ?? {}));
}

/** The Swarm capabilities over an existing dockerode client (tests pass their own). */
export function swarmOf(docker: Docker): Swarm {
	const listTasks = async (filters: Record<string, string[]> = {}) => docker.listTasks({filters}) as Promise<ApiTask[]>;
	const listNodes = async () => docker.listNodes() as Promise<ApiNode[]>;
	const hostnames = async () => new Map((await listNodes()).map(node => [node.ID, node.Description?.Hostname ?? node.ID]));

	return {
		role: async () => swarmRoleOf(await docker.info() as ApiSwarmInfo),

		async services() {
			const [services, tasks] = await Promise.all([docker.listServices() as Promise<ApiService[]>, listTasks()]);
			return mapServices(services, tasks);
		},

		async tasks(serviceId) {
			// The service may be given by name: inspect gives its id (tasks name their service by id) and its name.
			const {ID: id, Spec: spec} = await docker.getService(serviceId).inspect() as ApiService;
			const [tasks, names] = await Promise.all([listTasks({service: [id]}), hostnames()]);
			return mapTasks(tasks.filter(task => task.ServiceID === id), names, new Map([[id, spec?.Name ?? id]]));
		},

		async nodes() {
			const [nodes, tasks] = await Promise.all([listNodes(), listTasks({'desired-state': ['running']})]);
			return mapNodes(nodes, tasks);
		},

		async nodeTasks(nodeId) {
			const [tasks, names, services] = await Promise.all([
				listTasks({node: [nodeId], 'desired-state': ['running']}),
				hostnames(),
				docker.listServices() as Promise<ApiService[]>,
			]);
			return mapTasks(tasks, names, new Map(services.map(service => [service.ID, service.Spec?.Name ?? service.ID])));
		},

		async scale(serviceId, replicas) {
			await updateService(docker, serviceId, spec => {
				if (!spec.Mode?.Replicated) {
					throw new Error(`${spec.Name ?? serviceId} is not a replicated service: only replicated services scale`);
				}

				return {...spec, Mode: {Replicated: {Replicas: replicas}}};
			});
		},

		async restart(serviceId) {
			await updateService(docker, serviceId, spec => ({...spec, TaskTemplate: {...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1}}));
		},

		async removeService(serviceId) {
			await docker.getService(serviceId).remove();
		},

		async setAvailability(nodeId, availability) {
			const raw = await docker.getNode(nodeId).inspect() as ApiNode;
			await postUpdate(docker, `/nodes/${encodeURIComponent(raw.ID)}/update`, raw.Version?.Index ?? 0, {...raw.Spec, Availability: availability});
		},

		inspectService: async serviceId => docker.getService(serviceId).inspect() as Promise<InspectDocument>,
		inspectNode: async nodeId => docker.getNode(nodeId).inspect() as Promise<InspectDocument>,
		logs: (serviceId, options) => followServiceLogs(docker, serviceId, options),

		async * events(signal) {
			const stream = await docker.getEvents({filters: {type: ['service', 'node']}, abortSignal: signal} as Parameters<Docker['getEvents']>[0]) as unknown as Readable;
			try {
				for await (const event of jsonLines<ApiEvent>(stream)) {
					yield {type: event.Type ?? '', action: event.Action ?? '', id: event.Actor?.ID ?? '', time: event.time ?? 0, attributes: event.Actor?.Attributes ?? {}};
				}
			} finally {
				stream.destroy();
			}
		},
	};
}

/** The Swarm capabilities of the Engine tsdtop connects to (its own client; the same options as createEngine's). */
export function createSwarm(connection: Connection): Swarm {
	return swarmOf(new Docker(connection.options));
}
