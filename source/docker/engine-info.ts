import type {EngineInfo} from '../core/types.js';
import type {ApiVersion} from './prefetch.js';

// Apart from engine.ts, which loads dockerode: the first frame (first-frame.ts) needs it before that.
/** The header's facts from GET /version. */
export function toEngineInfo(host: string, version: ApiVersion): EngineInfo {
	// Podman's Docker API answers with its own version (4.3.1) and a "Podman Engine" component:
	// naming it keeps "Engine 4.3.1" from reading as a very old Docker.
	const podman = (version.Components ?? []).some(component => /podman/i.test(component.Name ?? ''));
	return {host, version: version.Version, apiVersion: version.ApiVersion, os: version.Os, ...(podman ? {product: 'Podman'} : {})};
}
