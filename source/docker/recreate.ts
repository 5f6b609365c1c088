import {randomBytes} from 'node:crypto';
import type Docker from 'dockerode';
import {lineOf} from './one-by-one.js';
import {type ContainerInspect, type ImageConfig, recreateSpec} from './recreate-spec.js';

export type RecreateStepName =
	| 'create' | 'connect' | 'stop-old' | 'rename-old' | 'rename-new' | 'start-new' | 'remove-old'
	| 'rollback-remove-new' | 'rollback-rename-old' | 'rollback-start-old';

/** One step as it happened, for the UI to show as it goes. */
export type RecreateStep = {
	readonly step: RecreateStepName;
	readonly ok: boolean;
	/** What the step acted on (a name, a network) or, when it failed, the Engine's one line. */
	readonly detail?: string;
};

export type RecreateResult =
	| {readonly ok: true; readonly id: string; readonly name: string; readonly steps: readonly RecreateStep[]; readonly warning?: string}
	| {readonly ok: false; readonly name: string; readonly error: string; readonly steps: readonly RecreateStep[]; readonly rolledBack: boolean};

export type RecreateOptions = {
	/** The image for the copy: by default the container's own reference (Config.Image), as pulled. */
	readonly image?: string;
	readonly onStep?: (step: RecreateStep) => void;
};

async function oldImageConfig(docker: Docker, imageId: string): Promise<ImageConfig | undefined> {
	try {
		return (await docker.getImage(imageId).inspect()).Config as unknown as ImageConfig;
	} catch {
		// Gone (removed with force): every setting then counts as the container's own.
		return undefined;
	}
}

/**
 * Recreates a container on its (new) image with the same configuration (recreate-spec.ts), in an
 * order that loses nothing: create the copy under a temporary name, stop the old one, rename it
 * aside, give the copy the name, start it (when the old one ran), then remove the old one with its
 * volumes kept. If a step fails before the old one is removed, the copy is removed and the old one
 * gets its name back and runs again if it ran. Never throws.
 */
export async function recreateContainer(docker: Docker, id: string, options: RecreateOptions = {}): Promise<RecreateResult> {
	const steps: RecreateStep[] = [];
	const record = (step: RecreateStepName, ok: boolean, detail?: string) => {
		const entry: RecreateStep = detail === undefined ? {step, ok} : {step, ok, detail};
		steps.push(entry);
		options.onStep?.(entry);
	};

	let inspect: ContainerInspect;
	try {
		inspect = await docker.getContainer(id).inspect() as unknown as ContainerInspect;
	} catch (error) {
		return {ok: false, name: id.slice(0, 12), error: lineOf(docker, error), steps, rolledBack: false};
	}

	const name = inspect.Name.replace(/^\//, '');
	if (inspect.HostConfig?.AutoRemove) {
		return {ok: false, name, error: `${name} was started with --rm: stopping it would remove it, so it cannot be recreated safely`, steps, rolledBack: false};
	}

	const spec = recreateSpec(inspect, await oldImageConfig(docker, inspect.Image), options.image ?? inspect.Config.Image ?? inspect.Image);
	const suffix = randomBytes(3).toString('hex');
	const temporary = `${name}-tsdtop-new-${suffix}`;
	const aside = `${name}-tsdtop-old-${suffix}`;
	const old = docker.getContainer(inspect.Id);
	const ran = Boolean(inspect.State?.Running);
	let copy: Docker.Container | undefined;
	let renamed = false;
	let current: RecreateStepName = 'create';
	let currentDetail = temporary;
	const step = async (which: RecreateStepName, detail: string, run: () => Promise<unknown>) => {
		current = which;
		currentDetail = detail;
		await run();
		record(which, true, detail);
	};

	try {
		await step('create', temporary, async () => {
			copy = await docker.createContainer({...spec.create, name: temporary} as Docker.ContainerCreateOptions);
		});
		for (const {network, endpoint} of spec.connectAfter) {
			// eslint-disable-next-line no-await-in-loop
			await step('connect', network, async () => docker.getNetwork(network).connect({Container: copy!.id, EndpointConfig: endpoint as Docker.EndpointSettings}));
		}

		if (ran) {
			await step('stop-old', name, async () => old.stop());
		}

		await step('rename-old', aside, async () => old.rename({name: aside}));
		renamed = true;
		await step('rename-new', name, async () => copy!.rename({name}));
		if (ran) {
			await step('start-new', name, async () => copy!.start());
		}
	} catch (error) {
		const message = lineOf(docker, error);
		record(current, false, message);
		const rolledBack = await rollBack(docker, {copy, old, name, ran, renamed, record});
		return {ok: false, name, error: `${current} ${currentDetail} failed: ${message}`, steps, rolledBack};
	}

	try {
		// v: false: the copy mounts the old one's anonymous volumes, so none may go with it.
		await old.remove({v: false, force: true});
		record('remove-old', true, aside);
		return {ok: true, id: copy!.id, name, steps};
	} catch (error) {
		const message = lineOf(docker, error);
		record('remove-old', false, message);
		return {ok: true, id: copy!.id, name, steps, warning: `the old container is kept as ${aside}: ${message}`};
	}
}

type RollBackState = {
	readonly copy: Docker.Container | undefined;
	readonly old: Docker.Container;
	readonly name: string;
	/** The old one ran before: it must run again. */
	readonly ran: boolean;
	readonly renamed: boolean;
	readonly record: (step: RecreateStepName, ok: boolean, detail?: string) => void;
};

/** Undoes what was done, the copy first so its name is free; true when every undo step worked. */
async function rollBack(docker: Docker, state: RollBackState): Promise<boolean> {
	let ok = true;
	const undo = async (which: RecreateStepName, detail: string, run: () => Promise<unknown>) => {
		try {
			await run();
			state.record(which, true, detail);
		} catch (error) {
			ok = false;
			state.record(which, false, lineOf(docker, error));
		}
	};

	if (state.copy) {
		await undo('rollback-remove-new', state.copy.id.slice(0, 12), async () => state.copy!.remove({force: true, v: false}));
	}

	if (state.renamed) {
		await undo('rollback-rename-old', state.name, async () => state.old.rename({name: state.name}));
	}

	// Asked of the Engine rather than remembered: a stop that failed (a timeout) may still have stopped it.
	if (state.ran && !(await state.old.inspect().then(info => info.State.Running, () => false))) {
		await undo('rollback-start-old', state.name, async () => state.old.start());
	}

	return ok;
}
