import {isRunningTask, seconds} from './map-swarm.js';
import type {ApiNode, ApiTask} from './swarm-api.js';
import type {ManagerStatus, NodeAvailability, NodeStatus, SwarmNode, SwarmTask, TaskState} from '../core/swarm.js';
import {naturalCompare} from '../core/natural-order.js';

const taskStates = new Set<string>(['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned']);

function taskState(state: string | undefined): TaskState {
	return state && taskStates.has(state) ? state as TaskState : 'new';
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
	}).sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || naturalCompare(a.node, b.node) || b.created - a.created || naturalCompare(a.id, b.id));
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
	}).sort((a, b) => (a.role === b.role ? 0 : (a.role === 'manager' ? -1 : 1)) || naturalCompare(a.hostname, b.hostname) || naturalCompare(a.id, b.id));
}
