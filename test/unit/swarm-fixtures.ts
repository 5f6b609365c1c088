import type {SwarmNode, SwarmService, SwarmTask} from '../../source/core/swarm.js';

/** A domain SwarmService with sensible defaults; tests override only what they look at. */
export function makeService(overrides: Partial<SwarmService> & {readonly id: string}): SwarmService {
	return {
		name: overrides.id, mode: 'replicated', running: 2, desired: 2, image: 'nginx:1.27', ports: [],
		created: 1_700_000_000, updated: 1_700_000_000, version: 1, labels: {}, ...overrides,
	};
}

export function makeTask(overrides: Partial<SwarmTask> & {readonly id: string}): SwarmTask {
	return {
		serviceId: 's1', service: 'web', slot: 1, nodeId: 'n1', node: 'tsdtop-manager', desiredState: 'running', state: 'running',
		error: '', message: 'started', since: 1_700_000_000, created: 1_700_000_000, ...overrides,
	};
}

export function makeNode(overrides: Partial<SwarmNode> & {readonly id: string}): SwarmNode {
	return {
		hostname: overrides.id, role: 'worker', availability: 'active', status: 'ready', address: '127.0.0.1',
		engineVersion: '20.10.24', runningTasks: 1, version: 1, labels: {}, ...overrides,
	};
}
