import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {parseLogDetails, ServiceLogSplitter, tagLine, type TaskNames} from '../../../source/docker/service-log-lines.js';

// GET /services/{id}/logs?timestamps=1&details=1&tail=2 of a global service on the test swarm:
// framed stdout, each line "time details text".
const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/swarm/service-logs.bin', import.meta.url)));

describe('parseLogDetails', () => {
	test('ids and text', () => {
		expect(parseLogDetails('com.docker.swarm.node.id=N1,com.docker.swarm.service.id=S1,com.docker.swarm.task.id=T1 hello  world')).toEqual({
			taskId: 'T1', nodeId: 'N1', serviceId: 'S1', text: 'hello  world',
		});
	});

	test('an empty line after the details', () => {
		expect(parseLogDetails('com.docker.swarm.node.id=N1,com.docker.swarm.task.id=T1 ').text).toBe('');
		expect(parseLogDetails('com.docker.swarm.node.id=N1,com.docker.swarm.task.id=T1').text).toBe('');
	});

	test('escaped values and extra attributes', () => {
		expect(parseLogDetails('env=a%2Cb,com.docker.swarm.task.id=T%201 x')).toEqual({taskId: 'T 1', nodeId: '', serviceId: '', text: 'x'});
	});

	test('a line without details keeps its text', () => {
		expect(parseLogDetails('plain line here')).toEqual({taskId: '', nodeId: '', serviceId: '', text: 'plain line here'});
	});
});

describe('ServiceLogSplitter and tagLine', () => {
	test('the captured stream: 6 lines, a timestamp each, tagged by node and task', () => {
		const splitter = new ServiceLogSplitter(false, true);
		// One byte at a time: frames and lines split anywhere.
		const lines = [...Array.from(bytes, byte => splitter.push(Uint8Array.of(byte))).flat(), ...splitter.end()];
		expect(lines).toHaveLength(6);
		const first = parseLogDetails(lines[0]!.text);
		const names: TaskNames = {service: 'fx-glob', slots: new Map([[first.taskId, undefined]]), hostnames: new Map([[first.nodeId, 'tsdtop-manager']])};
		const tagged = lines.map(line => tagLine(line, names));
		for (const line of tagged) {
			expect(line.time).toMatch(/^2026-12-03T09:\d\d:\d\d\.\d+Z$/);
			expect(line.text).toMatch(/^tick [\da-f]{12}$/);
			expect(line.stream).toBe('stdout');
			expect(line.taskId).toMatch(/^[a-z\d]{25}$/);
		}

		expect(tagged[0]).toMatchObject({node: 'tsdtop-manager', task: `fx-glob.${first.nodeId}`});
		expect(new Set(tagged.map(line => line.nodeId)).size).toBe(3);
	});

	test('a replicated task is named by its slot; stderr stays stderr', () => {
		const frame = (stream: number, text: string) => {
			const payload = new TextEncoder().encode(text);
			const header = new Uint8Array(8);
			header[0] = stream;
			new DataView(header.buffer).setUint32(4, payload.length);
			return Uint8Array.from([...header, ...payload]);
		};

		const splitter = new ServiceLogSplitter(false, false);
		const lines = splitter.push(frame(2, '2026-12-03T09:00:00.5Z com.docker.swarm.node.id=N,com.docker.swarm.service.id=S,com.docker.swarm.task.id=T \u001B[31mboom\u001B[0m\n'));
		const names: TaskNames = {service: 'web', slots: new Map([['T', 2]]), hostnames: new Map()};
		expect(lines.map(line => tagLine(line, names))).toEqual([{
			stream: 'stderr', time: '2026-12-03T09:00:00.5Z', text: 'boom', taskId: 'T', nodeId: 'N', task: 'web.2', slot: 2, node: 'N',
		}]);
	});

	test('a TTY service sends raw lines', () => {
		const splitter = new ServiceLogSplitter(true, true);
		const lines = splitter.push(new TextEncoder().encode('2026-12-03T09:00:00Z com.docker.swarm.task.id=T hi\r\n'));
		expect(lines.map(line => [line.stream, line.time])).toEqual([['stdout', '2026-12-03T09:00:00Z']]);
	});
});
