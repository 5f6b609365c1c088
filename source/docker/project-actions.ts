import type {Engine} from './engine.js';
import {describeError} from './errors.js';
import {type ItemOutcome, oneByOne} from './one-by-one.js';

export type ProjectVerb = 'stop' | 'start' | 'restart' | 'remove';

export type ProjectTarget = {readonly id: string; readonly name: string};

/**
 * Acts on a project's containers (or any list) one after another through the API, no compose CLI:
 * each container's outcome is reported as it comes (ok, or the Engine's one line), and one failure
 * does not stop the rest. `remove` removes running ones too (as compose down does) and keeps every
 * volume, anonymous ones included.
 */
export async function actOnContainers(engine: Pick<Engine, 'act' | 'host'>, targets: readonly ProjectTarget[], verb: ProjectVerb, onOutcome?: (outcome: ItemOutcome<ProjectTarget>) => void, signal?: AbortSignal): Promise<Array<ItemOutcome<ProjectTarget>>> {
	return oneByOne(
		targets,
		async target => engine.act(target.id, verb, verb === 'remove' ? {force: true, volumes: false} : {}),
		error => describeError(error, engine.host),
		onOutcome,
		signal,
	);
}
