import {readFileSync} from 'node:fs';
import type Docker from 'dockerode';
import {type CgroupReading, cgroupLayout, parseMountinfo} from './cgroup-files.js';
import {createCgroupReader} from './cgroup-reader.js';
import {type ApiStats, reduceStats} from './stats-sample.js';

/** Reads containers' CPU and memory straight from their cgroup files: no Engine in the way. */
export type CgroupStats = {
	readonly kind: 'cgroup';
	/** For the trace line: version, driver and where the files are. */
	readonly description: string;
	/** What an unlimited container's limit is: the host's memory, as the Engine says. */
	readonly hostMemoryBytes: number;
	/**
	 * A container's counters now, read synchronously (a few microseconds: the files are the
	 * kernel's). Undefined when its files are not where the Engine's others are (stopped, gone, or
	 * placed by its own --cgroup-parent): that container's stats come from the API.
	 */
	read(id: string): CgroupReading | undefined;
	/** Lets go of the container's files (kept open between reads): its row left the screen. */
	close(id: string): void;
	closeAll(): void;
};

/** Where stats come from for one Engine connection; `reason` says why not from the cgroups. */
export type StatsSource = CgroupStats | {readonly kind: 'api'; readonly reason: string};

type ApiInfo = {CgroupDriver?: string; CgroupVersion?: string; MemTotal?: number; SecurityOptions?: string[]};

const text = (path: string) => readFileSync(path, 'latin1');

// Memory moves between two reads a few ms apart; a different cgroup (or a different accounting)
// is off by far more. CPU time only grows: the API's count must fall between two reads of ours.
const memoryAgrees = (ours: number, theirs: number) => Math.abs(ours - theirs) <= Math.max(16 * 2 ** 20, 0.25 * Math.max(ours, theirs));
const cpuSlackNs = 0.5e9;

/**
 * Decides, once per Engine connection, where the table's stats come from. The cgroup files are
 * used only when tsdtop runs on the Engine's host (a local socket, the container's process in
 * /proc, its cgroup mounted here) and one API sample of `probeId` agrees with them; otherwise
 * the API's streams, as before. TSDTOP_STATS=api forces the API (for comparing the two).
 */
export async function statsSource(docker: Docker, local: boolean, probeId: string, env: NodeJS.ProcessEnv = process.env): Promise<StatsSource> {
	const api = (reason: string): StatsSource => ({kind: 'api', reason});
	if (env['TSDTOP_STATS'] === 'api') {
		return api('TSDTOP_STATS=api');
	}

	if (!local || process.platform !== 'linux') {
		return api('the Engine is not on this host');
	}

	try {
		const [info, version, inspect] = await Promise.all([
			docker.info() as Promise<ApiInfo>,
			docker.version() as Promise<{Components?: Array<{Name?: string}>}>,
			docker.getContainer(probeId).inspect(),
		]);
		// Podman names its cgroups its own way and counts memory its own way: its API it is.
		if ((version.Components ?? []).some(component => /podman/i.test(component.Name ?? ''))) {
			return api('Podman');
		}

		const cgroupVersion = info.CgroupVersion === '2' ? 2 : 1;
		const pid = inspect.State?.Pid;
		if (!pid) {
			return api('the probe container has no process');
		}

		const layout = cgroupLayout(cgroupVersion, parseMountinfo(text('/proc/self/mountinfo')), text(`/proc/${pid}/cgroup`), probeId);
		if (typeof layout === 'string') {
			return api(layout);
		}

		const reader = createCgroupReader(layout);
		const before = reader.read(probeId);
		const sample = await docker.getContainer(probeId).stats({stream: false, 'one-shot': true} as {stream: false}) as unknown as ApiStats;
		const after = reader.read(probeId);
		reader.closeAll();
		if (!before || !after) {
			return api(`cannot read ${layout.memory.replaceAll('{id}', probeId)}`);
		}

		const apiCpu = sample.cpu_stats?.cpu_usage?.total_usage ?? Number.NaN;
		if (!(apiCpu >= before.cpuNs - cpuSlackNs && apiCpu <= after.cpuNs + cpuSlackNs) || !memoryAgrees(after.memoryBytes, reduceStats(sample).memoryBytes)) {
			return api('the cgroup files disagree with the Engine');
		}

		const rootless = (info.SecurityOptions ?? []).some(option => option.includes('rootless'));
		return {
			kind: 'cgroup',
			description: `cgroup v${cgroupVersion} (${info.CgroupDriver ?? 'unknown'} driver${rootless ? ', rootless' : ''}) ${layout.memory}`,
			hostMemoryBytes: info.MemTotal ?? 0,
			...reader,
		};
	} catch (error) {
		return api(`cannot read the cgroups: ${(error as Error).message}`);
	}
}
