import type {ContainerStats} from '../core/types.js';

/** The part of a GET /containers/{id}/stats sample that tsdtop reads. */
export type ApiStats = {
	cpu_stats?: {cpu_usage?: {total_usage?: number; percpu_usage?: number[]}; system_cpu_usage?: number; online_cpus?: number};
	precpu_stats?: {cpu_usage?: {total_usage?: number}; system_cpu_usage?: number};
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
};

/**
 * Reduces a stats sample the way `docker stats` does: CPU from the delta against the previous
 * sample, memory without the page cache (inactive_file on cgroup v2, total_inactive_file on v1).
 */
export function reduceStats(sample: ApiStats): ContainerStats {
	const cpu = sample.cpu_stats;
	const pre = sample.precpu_stats;
	let cpuPercent: number | undefined;
	const cpuDelta = (cpu?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
	const systemDelta = (cpu?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
	if (pre?.system_cpu_usage && systemDelta > 0 && cpuDelta >= 0) {
		const cpus = cpu?.online_cpus ?? cpu?.cpu_usage?.percpu_usage?.length ?? 1;
		cpuPercent = (cpuDelta / systemDelta) * cpus * 100;
	}

	const memory = sample.memory_stats;
	const extra = memory?.stats ?? {};
	const cache = extra['total_inactive_file'] ?? extra['inactive_file'] ?? 0;
	const usage = memory?.usage ?? 0;
	return {
		...(cpuPercent === undefined ? {} : {cpuPercent}),
		memoryBytes: usage > cache ? usage - cache : usage,
		memoryLimitBytes: memory?.limit ?? 0,
	};
}
