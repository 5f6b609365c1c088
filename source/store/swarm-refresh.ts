import type {SwarmService} from '../core/swarm.js';
import type {EngineEvent} from '../core/types.js';

/** Which Swarm list an event from Swarm.events() makes stale. */
export function swarmEventTarget(event: EngineEvent): 'services' | 'nodes' | undefined {
	if (event.type === 'service') {
		return 'services';
	}

	// A node that drains, goes down or comes back changes where tasks run: the services' counts too.
	return event.type === 'node' ? 'nodes' : undefined;
}

/** A service still moving toward its spec: short of replicas, more than asked, or mid-update. */
export function isConverging(service: SwarmService): boolean {
	return service.running !== service.desired || service.update?.state === 'updating' || service.update?.state === 'rolling back';
}

/**
 * How long until the next list of services. Tasks send no events (the Engine has service and node
 * events only), so while a service converges the counts are listed again soon; when all are settled
 * the slow backstop will do, as any change to a spec or a node comes as an event.
 */
export function swarmRefreshDelay(services: readonly SwarmService[], options: {readonly converging?: number; readonly settled?: number} = {}): number {
	return services.some(service => isConverging(service)) ? options.converging ?? 1000 : options.settled ?? 10_000;
}

