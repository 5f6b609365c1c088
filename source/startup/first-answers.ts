import type {Container, EngineInfo} from '../core/types.js';
import {type Engine, toEngineInfo} from '../docker/engine.js';
import {mapContainers} from '../docker/map-container.js';
import type {Prefetch} from '../docker/prefetch.js';

export type FirstAnswers = {
	/** The version, when it came before the list (or the list failed). */
	readonly info?: EngineInfo;
	readonly firstList: Promise<readonly Container[]>;
	readonly firstInfo: Promise<EngineInfo>;
};

/**
 * The container list and the version, asked for together (or taken from the bin's early requests).
 * Podman's GET /version takes seconds (it gathers all of `podman info`), its container list a few
 * ms: the first frame waits for whichever comes first (for the version only if the list failed), and
 * the header's version follows when it comes. Throws when the Engine answers neither.
 */
export async function firstAnswers(engine: Engine, early: Prefetch | undefined): Promise<FirstAnswers> {
	const firstList = early ? early.containers.then(list => mapContainers(list)) : engine.listContainers();
	// Handled by the caller; without this a failed list is an unhandled rejection before info() settles.
	firstList.catch(() => undefined);
	const firstInfo = early ? early.version.then(version => toEngineInfo(engine.host, version)) : engine.info();
	firstInfo.catch(() => undefined);
	const info = await Promise.race([firstInfo, firstList.then(() => undefined, async () => firstInfo)]);
	return {...(info ? {info} : {}), firstList, firstInfo};
}
