import {afterAll, describe, expect, it} from 'vitest';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {followMergedLogs, type MergedBatch} from '../../source/docker/merged-logs.js';
import {engineHost} from '../helpers/engine-paths.js';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';

// Two real containers writing lines, followed as one log.
const p = uniquePrefix('merge');
const engine = createEngine(resolveConnection(engineHost, {}));

afterAll(async () => {
	await removeTestContainers(p);
});

/** Waits for a marker file the test writes, then prints lines every 0.2 s on both streams, then exits. */
const writer = (name: string, offset: string) => ['sh', '-c', `while [ ! -e /tmp/go ]; do sleep 0.05; done; sleep ${offset}; for i in 1 2 3 4 5; do echo "${name} out $i"; echo "${name} err $i" >&2; sleep 0.2; done`];

describe('followMergedLogs', () => {
	it('interleaves two containers\' lines in time order, each tagged with its container', async () => {
		const a = await createTestContainer(`${p}-a`, {cmd: writer('a', '0')});
		const b = await createTestContainer(`${p}-b`, {cmd: writer('b', '0.1')});
		const controller = new AbortController();
		const batches: MergedBatch[] = [];
		const following = (async () => {
			for await (const batch of followMergedLogs(engine, [a.id, b.id], {tail: 100, signal: controller.signal, color: false, intervalMs: 50})) {
				batches.push(batch);
			}
		})();
		// Both start writing at about the same moment, once the log streams are attached.
		for (const container of [a, b]) {
			// eslint-disable-next-line no-await-in-loop
			const exec = await container.exec({Cmd: ['touch', '/tmp/go']});
			// eslint-disable-next-line no-await-in-loop
			await exec.start({Detach: true});
		}

		// Ends by itself when both containers have exited.
		await following;
		const lines = batches.flatMap(batch => batch.lines);
		expect(batches.flatMap(batch => batch.ended).map(e => e.source).sort()).toEqual([a.id, b.id].sort());
		expect(lines).toHaveLength(20);
		for (const line of lines) {
			expect(line.text.startsWith(line.source === a.id ? 'a ' : 'b ')).toBe(true);
			expect(line.stream).toBe(line.text.includes(' err ') ? 'stderr' : 'stdout');
		}

		const times = lines.map(line => Date.parse(line.time!) * 1000 + Number(/\.\d{3}(\d{3})/.exec(line.time!)?.[1] ?? 0));
		expect(times).toEqual([...times].sort((x, y) => x - y));
		// Interleaved, not one container's lines and then the other's.
		const switches = lines.filter((line, index) => index > 0 && line.source !== lines[index - 1]!.source).length;
		expect(switches).toBeGreaterThanOrEqual(4);
		// Each container's own lines keep their order.
		expect(lines.filter(line => line.source === a.id && line.stream === 'stdout').map(line => line.text)).toEqual([1, 2, 3, 4, 5].map(i => `a out ${i}`));
	});
});
