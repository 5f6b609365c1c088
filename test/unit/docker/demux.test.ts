import {describe, expect, it} from 'vitest';
import {Demuxer, type LogChunk} from '../../../source/docker/demux.js';

function frame(stream: number, text: string): Uint8Array {
	const payload = new TextEncoder().encode(text);
	const out = new Uint8Array(8 + payload.length);
	out[0] = stream;
	new DataView(out.buffer).setUint32(4, payload.length);
	out.set(payload, 8);
	return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}

	return out;
};

/** Joins what came out per stream, so tests compare text whatever the chunking. */
function collect(chunks: LogChunk[]): {stdout: string; stderr: string} {
	const decoder = new TextDecoder();
	const out = {stdout: '', stderr: ''};
	for (const chunk of chunks) {
		out[chunk.stream] += decoder.decode(chunk.data);
	}

	return out;
}

describe('Demuxer', () => {
	const bytes = concat(frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, 'out two\n'), frame(2, ''), frame(2, 'err two\n'));

	it('splits stdout and stderr frames given whole', () => {
		expect(collect(new Demuxer().push(bytes))).toEqual({stdout: 'out one\nout two\n', stderr: 'err one\nerr two\n'});
	});

	it.each([1, 2, 3, 5, 7, 8, 9, 13])('gives the same result when chunks are %i bytes (headers and payloads split)', size => {
		const demuxer = new Demuxer();
		const out: LogChunk[] = [];
		for (let i = 0; i < bytes.length; i += size) {
			out.push(...demuxer.push(bytes.subarray(i, i + size)));
		}

		expect(collect(out)).toEqual({stdout: 'out one\nout two\n', stderr: 'err one\nerr two\n'});
	});

	it('hands out payload bytes before the frame is complete', () => {
		const demuxer = new Demuxer();
		const whole = frame(2, 'abcdef');
		expect(collect(demuxer.push(whole.subarray(0, 11)))).toEqual({stdout: '', stderr: 'abc'});
		expect(collect(demuxer.push(whole.subarray(11)))).toEqual({stdout: '', stderr: 'def'});
	});

	it('reads the length as big-endian uint32 (a frame over 64 KiB)', () => {
		const big = 'x'.repeat(70_000);
		expect(collect(new Demuxer().push(frame(1, big))).stdout).toHaveLength(70_000);
	});

	it('shows stdin frames (type 0) as stdout', () => {
		expect(collect(new Demuxer().push(frame(0, 'echo\n')))).toEqual({stdout: 'echo\n', stderr: ''});
	});
});
