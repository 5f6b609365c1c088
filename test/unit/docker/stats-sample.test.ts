import {describe, expect, it} from 'vitest';
import {type ApiStats, reduceStats} from '../../../source/docker/stats-sample.js';

const mib = 1024 * 1024;

describe('reduceStats: CPU', () => {
	it('computes CPU % the way docker stats does', () => {
		// CPU delta 200 ms of CPU time over a system delta of 2 s across 4 CPUs:
		// (0.2e9 / 2e9) * 4 * 100 = 40 %.
		const sample: ApiStats = {
			cpu_stats: {cpu_usage: {total_usage: 5_400_000_000}, system_cpu_usage: 120_000_000_000, online_cpus: 4},
			precpu_stats: {cpu_usage: {total_usage: 5_200_000_000}, system_cpu_usage: 118_000_000_000},
			memory_stats: {usage: 10 * mib, limit: 100 * mib},
		};
		expect(reduceStats(sample).cpuPercent).toBeCloseTo(40, 10);
	});

	it('can exceed 100 % on several CPUs', () => {
		const sample: ApiStats = {
			cpu_stats: {cpu_usage: {total_usage: 3_000_000_000}, system_cpu_usage: 10_000_000_000, online_cpus: 8},
			precpu_stats: {cpu_usage: {total_usage: 1_000_000_000}, system_cpu_usage: 8_000_000_000},
		};
		// (2e9 / 2e9) * 8 * 100
		expect(reduceStats(sample).cpuPercent).toBeCloseTo(800, 10);
	});

	it('counts percpu_usage when online_cpus is missing (older cgroup v1 Engines)', () => {
		const sample: ApiStats = {
			cpu_stats: {cpu_usage: {total_usage: 300, percpu_usage: [150, 150]}, system_cpu_usage: 2000},
			precpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000},
		};
		// (200 / 1000) * 2 * 100
		expect(reduceStats(sample).cpuPercent).toBeCloseTo(40, 10);
	});

	it('assumes one CPU when neither is given', () => {
		const sample: ApiStats = {
			cpu_stats: {cpu_usage: {total_usage: 300}, system_cpu_usage: 2000},
			precpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000},
		};
		expect(reduceStats(sample).cpuPercent).toBeCloseTo(20, 10);
	});

	it.each<[string, ApiStats]>([
		['no precpu_stats', {cpu_stats: {cpu_usage: {total_usage: 5}, system_cpu_usage: 10, online_cpus: 2}}],
		// The first sample of a stream: the Engine sends precpu_stats with zeros.
		['an empty first precpu', {cpu_stats: {cpu_usage: {total_usage: 5}, system_cpu_usage: 10, online_cpus: 2}, precpu_stats: {cpu_usage: {total_usage: 0}, system_cpu_usage: 0}}],
		['a system delta of 0', {cpu_stats: {cpu_usage: {total_usage: 5}, system_cpu_usage: 10}, precpu_stats: {cpu_usage: {total_usage: 4}, system_cpu_usage: 10}}],
		['a negative CPU delta (counter reset)', {cpu_stats: {cpu_usage: {total_usage: 1}, system_cpu_usage: 20}, precpu_stats: {cpu_usage: {total_usage: 4}, system_cpu_usage: 10}}],
		['nothing at all', {}],
	])('leaves cpuPercent undefined with %s', (_name, sample) => {
		const stats = reduceStats(sample);
		expect(stats.cpuPercent).toBeUndefined();
		expect(stats).not.toHaveProperty('cpuPercent');
	});

	it('gives 0 % for an idle container', () => {
		const sample: ApiStats = {
			cpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 2000, online_cpus: 2},
			precpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000},
		};
		expect(reduceStats(sample).cpuPercent).toBe(0);
	});
});

describe('reduceStats: memory', () => {
	it.each<[string, ApiStats['memory_stats'], number, number]>([
		['cgroup v2: usage minus inactive_file', {usage: 100 * mib, limit: 512 * mib, stats: {inactive_file: 30 * mib, active_file: 5 * mib, anon: 60 * mib}}, 70 * mib, 512 * mib],
		['cgroup v1: usage minus total_inactive_file', {usage: 100 * mib, limit: 512 * mib, stats: {total_inactive_file: 40 * mib, cache: 50 * mib, rss: 45 * mib}}, 60 * mib, 512 * mib],
		['cgroup v1 with both keys: total_inactive_file wins', {usage: 100 * mib, limit: 1024 * mib, stats: {inactive_file: 10 * mib, total_inactive_file: 40 * mib}}, 60 * mib, 1024 * mib],
		['no stats map', {usage: 100 * mib, limit: 512 * mib}, 100 * mib, 512 * mib],
		['cache larger than usage: usage unchanged', {usage: 10 * mib, limit: 512 * mib, stats: {inactive_file: 20 * mib}}, 10 * mib, 512 * mib],
		['nothing', undefined, 0, 0],
	])('%s', (_name, memory, bytes, limit) => {
		const stats = reduceStats({memory_stats: memory});
		expect(stats.memoryBytes).toBe(bytes);
		expect(stats.memoryLimitBytes).toBe(limit);
	});
});
