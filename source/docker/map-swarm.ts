import type {ApiPort, ApiService, ApiServiceMode, ApiSwarmInfo, ApiTask} from './swarm-api.js';
import type {ServiceMode, ServicePort, SwarmRole, SwarmService, UpdateState} from '../core/swarm.js';
import {naturalCompare} from '../core/natural-order.js';

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
		.sort((a, b) => (a.published ?? 0) - (b.published ?? 0) || a.target - b.target || naturalCompare(a.protocol, b.protocol));
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
	}).sort((a, b) => naturalCompare(a.name, b.name));
}
