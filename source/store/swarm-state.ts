import type {SwarmNode, SwarmRole, SwarmService, SwarmTask} from '../core/swarm.js';
import type {TextValue} from './text-edit.js';

/** The tasks view of one service (Enter on the Services pane), kept live while open. */
export type TasksView = {
	readonly serviceId: string;
	readonly name: string;
	/** Undefined until the first list arrives. */
	readonly tasks?: readonly SwarmTask[];
	readonly scroll: number;
};

/** The replica count being typed after = on the Services pane. */
export type ScaleInput = TextValue & {readonly serviceId: string; readonly name: string};

/**
 * Swarm mode (issue 17), as plain data: what the Engine is in a swarm, and the lists a manager
 * gives. Undefined until the Engine has answered; the Services and Nodes panes exist only for a manager.
 */
export type SwarmState = {
	readonly role: SwarmRole;
	/** Loaded when pane 6 is first shown (or the tasks view opens), then kept live. */
	readonly services?: readonly SwarmService[];
	/** Loaded when pane 7 is first shown, then kept live. */
	readonly nodes?: readonly SwarmNode[];
	readonly tasks?: TasksView;
	readonly scale?: ScaleInput;
};
