import type {ApiNode, ApiPort, ApiService, ApiServiceMode, ApiSwarmInfo, ApiTask} from './swarm-api.js';
import type {ManagerStatus, NodeAvailability, NodeStatus, ServiceMode, ServicePort, SwarmNode, SwarmRole, SwarmService, SwarmTask, TaskState, UpdateState} from './swarm-types.js';

/** Seconds since the epoch of the API's RFC 3339 time; 0 when absent or unreadable (Go's zero time too). */
export function seconds(iso: string | undefined): number {
	const ms = iso ? Date.parse(iso) : Number.NaN;
	return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

/** What this Engine is in a swarm. A manager has ControlAvailable; an active node without it is a worker. */
export function swarmRoleOf(info: ApiSwarmInfo): SwarmRole {
	const swarm = info.Swarm ?? {};
	const state = swarm.LocalNodeState ?? 'inactive';
	const nodeId = swarm.NodeID ?? '';
	if (state === 'inactive' || state === '') {
		return {kind: 'none'};
	}

	if (state !== 'active') {
		return {kind: 'pending', state, error: swarm.Error ?? ''};
	}

	if (swarm.ControlAvailable) {
		return {kind: 'manager', nodeId};
	}

	const managers = (swarm.RemoteManagers ?? []).map(manager => manager.Addr ?? '').filter(Boolean).sort();
	return {kind: 'worker', nodeId, managers};
}

/** The line a worker shows instead of the Services and Nodes panes. */
export function workerNotice(role: Extract<SwarmRole, {kind: 'worker'}>): string {
	return role.managers.length > 0 ? `this node is a worker; use manager ${role.managers.join(' or ')}` : 'this node is a worker; no manager is known';
}

const taskStates = new Set<string>(['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned']);

function taskState(state: string | undefined): TaskState {
	return state && taskStates.has(state) ? state as TaskState : 'new';
}

/** The task should run and does: what `docker service ls` counts as running. */
export function isRunningTask(task: Pick<ApiTask, 'DesiredState' | 'Status'>): boolean {
	return task.DesiredState === 'running' && task.Status?.State === 'running';
}

/** "repo:tag@sha256:..." to "repo:tag": the digest pins the image, but is noise in a table. */
export function imageWithoutDigest(image: string): string {
	const at = image.indexOf('@');
	return at === -1 ? image : image.slice(0, at);
}

function serviceMode(mode: ApiServiceMode | undefined): ServiceMode {
	if (mode?.Global) {
		return 'global';
	}

	if (mode?.ReplicatedJob) {
		return 'replicated-job';
	}

	if (mode?.GlobalJob) {
		return 'global-job';
	}

	return 'replicated';
}

const updateStates: Readonly<Record<string, UpdateState>> = {
	updating: 'updating',
	paused: 'paused',
	completed: 'completed',
	// eslint-disable-next-line @typescript-eslint/naming-convention
	rollback_started: 'rolling back',
	// eslint-disable-next-line @typescript-eslint/naming-convention
	rollback_paused: 'rollback paused',
	// eslint-disable-next-line @typescript-eslint/naming-convention
	rollback_completed: 'rolled back',
};

/** Sorted by published port, then target, then protocol (the API keeps the spec's order). */
export function servicePorts(ports: readonly ApiPort[]): ServicePort[] {
	return ports
		.map((port): ServicePort => ({
			...(port.PublishedPort ? {published: port.PublishedPort} : {}),
			target: port.TargetPort ?? 0,
			protocol: port.Protocol ?? 'tcp',
			mode: port.PublishMode === 'host' ? 'host' : 'ingress',
		}))
		.sort((a, b) => (a.published ?? 0) - (b.published ?? 0) || a.target - b.target || a.protocol.localeCompare(b.protocol));
}

/**
 * Services as rows, sorted by name. `tasks` is GET /tasks (all services): running counts tasks that
 * should run and do; a global service's desired count is its tasks that should run.
 */
export function mapServices(services: readonly ApiService[], tasks: readonly ApiTask[]): SwarmService[] {
	const running = new Map<string, number>();
	const desiredRunning = new Map<string, number>();
	for (const task of tasks) {
		const id = task.ServiceID ?? '';
		if (task.DesiredState === 'running') {
			desiredRunning.set(id, (desiredRunning.get(id) ?? 0) + 1);
		}

		if (isRunningTask(task)) {
			running.set(id, (running.get(id) ?? 0) + 1);
		}
	}

	return services.map(raw => {
		const spec = raw.Spec ?? {};
		const mode = serviceMode(spec.Mode);
		const desired = mode === 'replicated' ? spec.Mode?.Replicated?.Replicas ?? 0 : (mode === 'replicated-job' ? spec.Mode?.ReplicatedJob?.TotalCompletions ?? 0 : desiredRunning.get(raw.ID) ?? 0);
		const update = raw.UpdateStatus?.State ? updateStates[raw.UpdateStatus.State] : undefined;
		const service: SwarmService = {
			id: raw.ID,
			name: spec.Name ?? raw.ID,
			mode,
			running: running.get(raw.ID) ?? 0,
			desired,
			image: imageWithoutDigest(spec.TaskTemplate?.ContainerSpec?.Image ?? ''),
			ports: servicePorts(raw.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? []),
			created: seconds(raw.CreatedAt),
			updated: seconds(raw.UpdatedAt),
			version: raw.Version?.Index ?? 0,
			labels: spec.Labels ?? {},
		};
		return update ? {...service, update: {state: update, message: raw.UpdateStatus?.Message ?? ''}} : service;
	}).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A service's tasks, failed ones included (the Engine keeps a few per slot): by slot (global tasks
 * by node), newest first within it, as `docker service ps` lists them.
 */
export function mapTasks(tasks: readonly ApiTask[], hostnames: ReadonlyMap<string, string>, serviceNames: ReadonlyMap<string, string> = new Map()): SwarmTask[] {
	return tasks.map((raw): SwarmTask => {
		const status = raw.Status ?? {};
		const nodeId = raw.NodeID ?? '';
		const exitCode = status.ContainerStatus?.ExitCode;
		const containerId = status.ContainerStatus?.ContainerID;
		return {
			id: raw.ID,
			serviceId: raw.ServiceID ?? '',
			service: serviceNames.get(raw.ServiceID ?? '') ?? raw.ServiceID ?? '',
			...(raw.Slot ? {slot: raw.Slot} : {}),
			nodeId,
			node: hostnames.get(nodeId) ?? nodeId,
			desiredState: taskState(raw.DesiredState),
			state: taskState(status.State),
			error: status.Err ?? '',
			message: status.Message ?? '',
			// -1 and 0 before the container ran or while it runs say nothing.
			...(exitCode !== undefined && exitCode > 0 ? {exitCode} : {}),
			...(containerId ? {containerId} : {}),
			since: seconds(status.Timestamp),
			created: seconds(raw.CreatedAt),
		};
	}).sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || a.node.localeCompare(b.node) || b.created - a.created || a.id.localeCompare(b.id));
}

const availabilities = new Set<string>(['active', 'pause', 'drain']);
const statuses = new Set<string>(['ready', 'down', 'unknown', 'disconnected']);

function managerStatus(status: ApiNode['ManagerStatus']): ManagerStatus | undefined {
	if (!status) {
		return undefined;
	}

	if (status.Leader) {
		return 'Leader';
	}

	return status.Reachability === 'reachable' ? 'Reachable' : (status.Reachability === 'unreachable' ? 'Unreachable' : 'Unknown');
}

/** Nodes as rows, managers first, then by hostname; `tasks` (GET /tasks) gives each its running count. */
export function mapNodes(nodes: readonly ApiNode[], tasks: readonly ApiTask[]): SwarmNode[] {
	const running = new Map<string, number>();
	for (const task of tasks) {
		if (isRunningTask(task)) {
			running.set(task.NodeID ?? '', (running.get(task.NodeID ?? '') ?? 0) + 1);
		}
	}

	return nodes.map((raw): SwarmNode => {
		const availability = raw.Spec?.Availability ?? '';
		const status = raw.Status?.State ?? '';
		const manager = managerStatus(raw.ManagerStatus);
		return {
			id: raw.ID,
			hostname: raw.Description?.Hostname ?? raw.ID,
			role: raw.Spec?.Role === 'manager' ? 'manager' : 'worker',
			availability: availabilities.has(availability) ? availability as NodeAvailability : 'active',
			status: statuses.has(status) ? status as NodeStatus : 'unknown',
			...(manager ? {managerStatus: manager} : {}),
			address: raw.Status?.Addr ?? '',
			engineVersion: raw.Description?.Engine?.EngineVersion ?? '',
			runningTasks: running.get(raw.ID) ?? 0,
			version: raw.Version?.Index ?? 0,
			labels: raw.Spec?.Labels ?? {},
		};
	}).sort((a, b) => (a.role === b.role ? 0 : (a.role === 'manager' ? -1 : 1)) || a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id));
}
