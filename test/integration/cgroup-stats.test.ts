import {afterAll, describe, expect, it} from 'vitest';
import {type CgroupReading, statsBetween} from '../../source/docker/cgroup-files.js';
import {type CgroupStats, statsSource} from '../../source/docker/cgroup-stats.js';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {type ApiStats, reduceStats} from '../../source/docker/stats-sample.js';
import {startStatsWatcher} from '../../source/store/stats-watcher.js';
import type {ContainerStats} from '../../source/core/types.js';
import {engineHost} from '../helpers/engine-paths.js';
import {createTestContainer, docker, eventually, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {countingStreams, storeShowing} from '../helpers/stats-store.js';

// The cgroup files against the Engine's own numbers, on the real private Engine (this machine: cgroup v1).
const p = uniquePrefix('cg');
const engine = createEngine(resolveConnection(engineHost, {}));
const busy = ['sh', '-c', 'trap "exit 0" TERM; while :; do :; done'];
// About 40 MiB in a shell variable, then idle.
const hungry = ['sh', '-c', 'trap "exit 0" TERM; x=$(dd if=/dev/zero bs=1M count=40 2>/dev/null | tr "\\000" a); echo ready; while :; do sleep 1; done'];

afterAll(async () => {
	await removeTestContainers(p);
});

async function cgroupSource(probeId: string): Promise<CgroupStats> {
	const source = await engine.statsSource(probeId);
	if (source.kind !== 'cgroup') {
		throw new Error(`expected the cgroup files on this host, got the API: ${source.reason}`);
	}

	return source;
}

type Pair = {readonly api: ApiStats; readonly ours: CgroupReading};

/**
 * One API sample, with our files read just before and after it: their midpoint is the instant the
 * Engine read them, give or take half the gap. A loaded machine can stretch one answer to 100s of
 * ms (a busy loop's CPU counter moves as much meanwhile), so a slow answer is asked again.
 */
async function pairAt(source: CgroupStats, id: string): Promise<Pair> {
	let pair: Pair | undefined;
	let gap = Number.POSITIVE_INFINITY;
	for (let attempt = 0; attempt < 10 && gap > 30; attempt++) {
		const before = source.read(id)!;
		// eslint-disable-next-line no-await-in-loop
		const api = await docker.getContainer(id).stats({stream: false, 'one-shot': true} as {stream: false}) as unknown as ApiStats;
		const after = source.read(id)!;
		if (after.at - before.at < gap) {
			gap = after.at - before.at;
			pair = {api, ours: {cpuNs: (before.cpuNs + after.cpuNs) / 2, memoryBytes: after.memoryBytes, at: (before.at + after.at) / 2}};
		}
	}

	return pair!;
}

/** What `docker stats` shows over [first, second] (its math: stats-sample.ts), and what tsdtop shows from the files. */
async function compare(source: CgroupStats, id: string): Promise<{docker: ContainerStats; ours: ContainerStats}> {
	const first = await pairAt(source, id);
	await new Promise(resolve => {
		setTimeout(resolve, 4000);
	});
	const second = await pairAt(source, id);
	const docker = reduceStats({...second.api, precpu_stats: first.api.cpu_stats!});
	return {docker, ours: statsBetween(first.ours, second.ours, source.hostMemoryBytes)};
}

describe('stats from cgroup files', () => {
	it('are used on the Engine\'s host, and agree with docker stats on a busy container (CPU within 3 points)', async () => {
		const container = await createTestContainer(`${p}-busy`, {cmd: busy});
		const source = await cgroupSource(container.id);
		expect(source.description).toMatch(/^cgroup v[12] \(\w+ driver/);
		const {docker, ours} = await compare(source, container.id);
		// The loop gets whatever the shared machine leaves it, but at least some of a core.
		expect(docker.cpuPercent).toBeGreaterThan(10);
		expect(Math.abs(ours.cpuPercent! - docker.cpuPercent!)).toBeLessThan(3);
		expect(ours.memoryLimitBytes).toBe(docker.memoryLimitBytes);
	});

	it('agree with docker stats on memory (usage less the inactive page cache)', async () => {
		const container = await createTestContainer(`${p}-hungry`, {cmd: hungry});
		await eventually(async () => (await container.logs({stdout: true})).toString().includes('ready'), 'the memory allocated');
		const source = await cgroupSource(container.id);
		const {docker, ours} = await compare(source, container.id);
		expect(docker.memoryBytes).toBeGreaterThan(40 * 2 ** 20);
		expect(Math.abs(ours.memoryBytes - docker.memoryBytes)).toBeLessThan(0.02 * docker.memoryBytes);
		expect(ours.cpuPercent).toBeLessThan(5);
	});

	it('keep each container\'s files open, and open them anew when it restarts', async () => {
		const container = await createTestContainer(`${p}-restart`);
		const source = await cgroupSource(container.id);
		expect(source.read(container.id)?.memoryBytes).toBeGreaterThan(0);
		await container.stop();
		// Its cgroup is gone: the open files say so.
		expect(source.read(container.id)).toBeUndefined();
		await container.start();
		expect(source.read(container.id)?.memoryBytes).toBeGreaterThan(0);
		source.closeAll();
	});

	it('fill the store without a single stats stream', async () => {
		const name = `${p}-watched`;
		const container = await createTestContainer(name, {cmd: busy});
		const store = await storeShowing(engine, name);
		const opened: string[] = [];
		const counting = countingStreams(engine, opened);
		const stop = startStatsWatcher(counting, store, 300);
		try {
			// Memory at once, CPU from the second read.
			await eventually(async () => store.getState().stats[container.id]?.cpuPercent, 'CPU in the store');
			expect(store.getState().stats[container.id]!.memoryBytes).toBeGreaterThan(0);
			expect(opened).toEqual([]);
		} finally {
			stop();
		}
	});

	it('give way to the API streams when TSDTOP_STATS=api says so, or the Engine is elsewhere', async () => {
		const container = await createTestContainer(`${p}-api`);
		expect(await statsSource(docker, true, container.id, {TSDTOP_STATS: 'api'})).toEqual({kind: 'api', reason: 'TSDTOP_STATS=api'});
		expect(await statsSource(docker, false, container.id, {})).toEqual({kind: 'api', reason: 'the Engine is not on this host'});
		// A probe container that is gone leaves the files unproven: the API it is.
		expect((await statsSource(docker, true, 'f'.repeat(64), {})).kind).toBe('api');
	});
});
