import Docker from 'dockerode';
import type {Connection} from './connection.js';
import {followLogs, inspectContainer, isRunning, statsPoints, topOf} from './container-details.js';
import type {ApiVersion} from './prefetch.js';
import {toEngineInfo} from './engine-info.js';
import {type StatsSource, statsSource} from './cgroup-stats.js';
import {containerCalls} from './engine-containers.js';
import {execCall} from './engine-exec.js';
import {fileCalls} from './engine-files.js';
import {imageUpdatesOf} from './image-updates.js';
import {resourceCalls} from './engine-resources.js';
import type {Engine} from './engine-types.js';
import {swarmOf} from './swarm.js';

export type {Engine, ExecOptions, ExecSession, ExecTarget, PathStat} from './engine-types.js';
export {toEngineInfo} from './engine-info.js';

/** The Engine behind `connection`, as the calls tsdtop makes (each part in its own engine-*.ts). */
export function createEngine(connection: Connection): Engine {
	const docker = new Docker(connection.options);
	// Only a local socket can be on this host (a forwarded one fails the probe's checks).
	const local = Boolean(connection.options.socketPath) && !connection.ssh;
	// A found cgroup layout holds for the connection; a miss is asked again (the probe container
	// may just have stopped), at most once per start of the stats watcher.
	let cgroups: Promise<StatsSource> | undefined;

	return {
		host: connection.label,

		async info() {
			return toEngineInfo(connection.label, await docker.version() as ApiVersion);
		},

		async statsSource(probeId) {
			cgroups ??= statsSource(docker, local, probeId);
			const source = await cgroups;
			if (source.kind === 'api') {
				cgroups = undefined;
			}

			return source;
		},

		logs: (id, options) => followLogs(docker, id, options),
		isRunning: async id => isRunning(docker, id),
		inspect: async id => inspectContainer(docker, id),
		top: async id => topOf(docker, id),
		statsDetail: (id, signal) => statsPoints(docker, id, signal),

		...containerCalls(docker),
		...resourceCalls(docker),
		...fileCalls(docker),
		...execCall(docker),
		updates: imageUpdatesOf(docker),
		swarm: swarmOf(docker),
	};
}
