import type {ContainerStats} from '../core/types.js';

// Pure: the text of the kernel's cgroup files in, numbers out. The reading itself is cgroup-stats.ts.

/** A cgroup filesystem as /proc/self/mountinfo lists it. */
export type CgroupMount = {
	/** The cgroup this mount shows at its mount point (not always '/', e.g. inside a cgroup namespace). */
	readonly root: string;
	readonly mountPoint: string;
	/** 2 for the unified hierarchy; 1 for a v1 hierarchy, which has its controllers. */
	readonly version: 1 | 2;
	readonly controllers: readonly string[];
};

/** Where a process sits: v1 controller name to cgroup path, and the unified (v2) path if any. */
export type ProcessCgroups = {
	readonly v1: ReadonlyMap<string, string>;
	readonly unified?: string;
};

/** One read of a container's cgroup: counters, not yet rates. */
export type CgroupReading = {
	/** CPU time used since the container started, in nanoseconds. */
	readonly cpuNs: number;
	/** Usage less the inactive page cache, the way the docker CLI shows it. */
	readonly memoryBytes: number;
	/** The cgroup's limit; undefined when it has none ('max', or v1's huge default). */
	readonly limitBytes?: number;
	/** When it was read (ms, any monotonic clock). */
	readonly at: number;
};

// mountinfo escapes space, tab, newline and backslash in paths as octal.
const unescape = (path: string) => path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCodePoint(Number.parseInt(octal, 8)));

/** The cgroup mounts in /proc/self/mountinfo's text (see proc(5)). */
export function parseMountinfo(text: string): CgroupMount[] {
	const mounts: CgroupMount[] = [];
	for (const line of text.split('\n')) {
		// id parent major:minor root mount-point options [optional fields...] - fstype source super-options
		const [left, right] = line.split(' - ');
		if (!left || !right) {
			continue;
		}

		const fields = left.split(' ');
		const [fsType, , superOptions = ''] = right.split(' ');
		if (fsType !== 'cgroup' && fsType !== 'cgroup2') {
			continue;
		}

		mounts.push({
			root: unescape(fields[3] ?? '/'),
			mountPoint: unescape(fields[4] ?? ''),
			version: fsType === 'cgroup2' ? 2 : 1,
			// v1 super options name the controllers among rw, relatime...; name=systemd is no controller.
			controllers: fsType === 'cgroup2' ? [] : superOptions.split(',').filter(option => /^[a-z_]+$/.test(option) && option !== 'rw' && option !== 'ro'),
		});
	}

	return mounts;
}

/** /proc/PID/cgroup: "hierarchy-id:controller,list:path" a line; v2 is the line "0::path". */
export function parseProcessCgroups(text: string): ProcessCgroups {
	const v1 = new Map<string, string>();
	let unified: string | undefined;
	for (const line of text.split('\n')) {
		const match = /^(\d+):([^:]*):(.+)$/.exec(line.trim());
		if (!match) {
			continue;
		}

		const [, hierarchy, controllers = '', path = ''] = match;
		if (hierarchy === '0' && controllers === '') {
			unified = path;
			continue;
		}

		for (const controller of controllers.split(',')) {
			v1.set(controller, path);
		}
	}

	return {v1, ...(unified === undefined ? {} : {unified})};
}

/**
 * The directory of cgroup `path` in the mount of `controller` (v1) or in the unified mount (v2);
 * undefined when no mount shows that cgroup.
 */
export function cgroupDirectory(mounts: readonly CgroupMount[], path: string, controller?: string): string | undefined {
	for (const mount of mounts) {
		if (controller === undefined ? mount.version !== 2 : !mount.controllers.includes(controller)) {
			continue;
		}

		const root = mount.root === '/' ? '' : mount.root;
		if (path === root || path.startsWith(`${root}/`)) {
			return mount.mountPoint + path.slice(root.length);
		}
	}

	return undefined;
}

/** Where every container's files are: directories with '{id}' for the container's id. */
export type CgroupLayout = {readonly version: 1 | 2; readonly memory: string; readonly cpu: string};

/**
 * A container's cgroup directories, from its process's /proc/PID/cgroup as this process sees it,
 * turned into templates by its id ('{id}'); a string says why there are none. The kernel's word
 * covers every driver and nesting (cgroupfs /docker/ID, systemd /system.slice/docker-ID.scope,
 * rootless user@UID.service/..., a daemon-wide cgroup-parent); a different PID namespace (tsdtop
 * in a container) shows another process or none.
 */
export function cgroupLayout(version: 1 | 2, mounts: readonly CgroupMount[], processCgroups: string, id: string): CgroupLayout | string {
	const cgroups = parseProcessCgroups(processCgroups);
	const memoryPath = version === 2 ? cgroups.unified : cgroups.v1.get('memory');
	const cpuPath = version === 2 ? cgroups.unified : cgroups.v1.get('cpuacct');
	if (!memoryPath?.includes(id) || !cpuPath?.includes(id)) {
		return 'the container\'s process is not visible here (another PID namespace?)';
	}

	const memory = cgroupDirectory(mounts, memoryPath, version === 2 ? undefined : 'memory');
	const cpu = cgroupDirectory(mounts, cpuPath, version === 2 ? undefined : 'cpuacct');
	if (!memory || !cpu) {
		return 'the container\'s cgroup is not mounted here';
	}

	return {version, memory: memory.replaceAll(id, '{id}'), cpu: cpu.replaceAll(id, '{id}')};
}

/** A flat-keyed file (memory.stat, cpu.stat): "key value" a line. */
export function parseFlatKeyed(text: string): Map<string, number> {
	const values = new Map<string, number>();
	for (const line of text.split('\n')) {
		const space = line.indexOf(' ');
		if (space > 0) {
			values.set(line.slice(0, space), Number(line.slice(space + 1)));
		}
	}

	return values;
}

// v1 reports "no limit" as the largest page-aligned signed 64-bit number (9223372036854771712).
const noLimit = 2 ** 62;

const limitOf = (text: string): number | undefined => {
	const value = Number(text.trim());
	return text.trim() === 'max' || !Number.isFinite(value) || value >= noLimit ? undefined : value;
};

// The docker CLI's memory: usage less the inactive page cache, but never below nothing.
const withoutCache = (usage: number, inactive: number | undefined) => (inactive !== undefined && inactive < usage ? usage - inactive : usage);

/** The files of cgroup v1: memory.usage_in_bytes, memory.stat, memory.limit_in_bytes, cpuacct.usage. */
export type V1Files = {readonly usage: string; readonly stat: string; readonly limit: string; readonly cpuacct: string};

export function readingV1(files: V1Files, at: number): CgroupReading {
	const stat = parseFlatKeyed(files.stat);
	const limitBytes = limitOf(files.limit);
	return {
		cpuNs: Number(files.cpuacct.trim()),
		// total_inactive_file counts the cgroup's children too, as usage_in_bytes does.
		memoryBytes: withoutCache(Number(files.usage.trim()), stat.get('total_inactive_file') ?? stat.get('inactive_file')),
		...(limitBytes === undefined ? {} : {limitBytes}),
		at,
	};
}

/** The files of cgroup v2: memory.current, memory.stat, memory.max, cpu.stat. */
export type V2Files = {readonly current: string; readonly stat: string; readonly max: string; readonly cpuStat: string};

export function readingV2(files: V2Files, at: number): CgroupReading {
	const limitBytes = limitOf(files.max);
	return {
		cpuNs: (parseFlatKeyed(files.cpuStat).get('usage_usec') ?? Number.NaN) * 1000,
		memoryBytes: withoutCache(Number(files.current.trim()), parseFlatKeyed(files.stat).get('inactive_file')),
		...(limitBytes === undefined ? {} : {limitBytes}),
		at,
	};
}

/** A reading makes sense only if every number in it was a number. */
export const isReading = (reading: CgroupReading): boolean => Number.isFinite(reading.cpuNs) && Number.isFinite(reading.memoryBytes);

/**
 * The row's numbers from two reads: CPU is the cgroup's CPU time over the wall time between them
 * (the docker CLI divides by the host's CPU time over its CPU count: the same quantity). Without a
 * previous read (or a counter that went back: a restarted container) only memory is known. An
 * unlimited container's limit is the host's memory, as the Engine reports it.
 */
export function statsBetween(previous: CgroupReading | undefined, next: CgroupReading, hostMemoryBytes: number): ContainerStats {
	const wallNs = previous ? (next.at - previous.at) * 1e6 : 0;
	const cpuNs = previous ? next.cpuNs - previous.cpuNs : -1;
	const limit = next.limitBytes === undefined || (hostMemoryBytes > 0 && next.limitBytes > hostMemoryBytes) ? hostMemoryBytes : next.limitBytes;
	return {
		...(wallNs > 0 && cpuNs >= 0 ? {cpuPercent: (cpuNs / wallNs) * 100} : {}),
		memoryBytes: next.memoryBytes,
		memoryLimitBytes: limit,
	};
}
