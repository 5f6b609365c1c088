/**
 * Domain types of Swarm mode (issue #17): what tsdtop shows of services, tasks and nodes,
 * independent of the API's JSON. Times are seconds since the epoch, like Container.created.
 */

/** What this Engine is in a swarm, from GET /info's Swarm section. */
export type SwarmRole =
	| {readonly kind: 'none'}
	| {readonly kind: 'manager'; readonly nodeId: string}
	/** A worker cannot list services or nodes: `managers` are the addresses to use instead. */
	| {readonly kind: 'worker'; readonly nodeId: string; readonly managers: readonly string[]}
	/** Joining, leaving or broken: `error` is the Engine's own text when it gave one. */
	| {readonly kind: 'pending'; readonly state: string; readonly error: string};

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

/**
 * The state of a service's latest update, from UpdateStatus.State (absent when it never updated).
 * 'rolled back' is the API's rollback_completed.
 */
export type UpdateState = 'updating' | 'paused' | 'completed' | 'rolling back' | 'rollback paused' | 'rolled back';

/** A port a service publishes (Endpoint.Ports, else the spec's). Sorted, so rows do not jitter. */
export type ServicePort = {
	readonly published?: number;
	readonly target: number;
	readonly protocol: string;
	/** 'ingress' (the routing mesh) or 'host' (on the node that runs the task). */
	readonly mode: 'ingress' | 'host';
};

export type SwarmService = {
	readonly id: string;
	readonly name: string;
	readonly mode: ServiceMode;
	/** Tasks that should run and do (DesiredState and Status.State both 'running'). */
	readonly running: number;
	/**
	 * Replicated: the replica count. Global: the nodes that should run a task (tasks desired
	 * running). Compare with `running` to colour a short service.
	 */
	readonly desired: number;
	/** The image as the spec names it, without its @sha256 digest. */
	readonly image: string;
	readonly ports: readonly ServicePort[];
	readonly update?: {readonly state: UpdateState; readonly message: string};
	readonly created: number;
	readonly updated: number;
	/** Version.Index: an update sends it back, and the Engine refuses it if the service changed since. */
	readonly version: number;
	readonly labels: Readonly<Record<string, string>>;
};

/** Task states of the API (swarmkit's TaskState), oldest first. */
export type TaskState = 'new' | 'allocated' | 'pending' | 'assigned' | 'accepted' | 'preparing' | 'ready' | 'starting'
	| 'running' | 'complete' | 'shutdown' | 'failed' | 'rejected' | 'remove' | 'orphaned';

export type SwarmTask = {
	readonly id: string;
	readonly serviceId: string;
	/** The service's name (its id when not known). */
	readonly service: string;
	/** Replicated services number their tasks; a global service's tasks have no slot. */
	readonly slot?: number;
	readonly nodeId: string;
	/** The node's hostname, or its id when the node is gone or not known. */
	readonly node: string;
	readonly desiredState: TaskState;
	readonly state: TaskState;
	/** Status.Err, e.g. "task: non-zero exit (3)"; '' when none. */
	readonly error: string;
	/** Status.Message, e.g. "started". */
	readonly message: string;
	readonly exitCode?: number;
	readonly containerId?: string;
	/** When it reached its current state (Status.Timestamp). */
	readonly since: number;
	readonly created: number;
};

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
export type NodeStatus = 'ready' | 'down' | 'unknown' | 'disconnected';
export type ManagerStatus = 'Leader' | 'Reachable' | 'Unreachable' | 'Unknown';

export type SwarmNode = {
	readonly id: string;
	readonly hostname: string;
	readonly role: NodeRole;
	readonly availability: NodeAvailability;
	readonly status: NodeStatus;
	/** Set for managers only. */
	readonly managerStatus?: ManagerStatus;
	readonly address: string;
	readonly engineVersion: string;
	/** Tasks on this node that should run and do. */
	readonly runningTasks: number;
	readonly version: number;
	readonly labels: Readonly<Record<string, string>>;
};

/** One line of a service's merged log, tagged with the task it came from. */
export type ServiceLogLine = {
	readonly stream: 'stdout' | 'stderr';
	/** RFC 3339 from the Engine. */
	readonly time?: string;
	readonly text: string;
	readonly taskId: string;
	readonly nodeId: string;
	/** e.g. "web.2" for a replicated service's slot 2, "web.<node id>" for a global one, as docker names tasks. */
	readonly task: string;
	readonly slot?: number;
	/** The node's hostname, or its id when not known. */
	readonly node: string;
};
