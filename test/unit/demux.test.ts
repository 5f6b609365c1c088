import {describe, expect, it} from 'vitest';
import {Demuxer, type Frame} from '../../source/docker/demux.js';

/** One frame as the Engine writes it: type, three zero bytes, big-endian length, payload. */
function frame(type: number, text: string): Buffer {
	const payload = Buffer.from(text);
	const header = Buffer.alloc(8);
	header[0] = type;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

const readable = (frames: Frame[]) => frames.map(f => `${f.stream}:${f.data.toString()}`);

describe('Demuxer', () => {
	const stream = Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err 1\n'), frame(1, ''), frame(1, 'out 2\n'), frame(0, 'in\n')]);
	const expected = ['stdout:out 1\n', 'stderr:err 1\n', 'stdout:', 'stdout:out 2\n', 'stdout:in\n'];

	it('splits stdout and stderr frames that arrive together', () => {
		expect(readable(new Demuxer().push(stream))).toEqual(expected);
	});

	it('gives the same frames however the chunks cut headers and payloads', () => {
		for (let size = 1; size <= stream.length; size++) {
			const demuxer = new Demuxer();
			const frames: Frame[] = [];
			for (let offset = 0; offset < stream.length; offset += size) {
				frames.push(...demuxer.push(stream.subarray(offset, offset + size)));
			}

			expect(readable(frames), `chunks of ${size}`).toEqual(expected);
			expect(demuxer.leftover).toBe(0);
		}
	});

	it('keeps an unfinished frame for the next chunk', () => {
		const demuxer = new Demuxer();
		const whole = frame(2, 'abcdef');
		expect(demuxer.push(whole.subarray(0, 10))).toEqual([]);
		expect(demuxer.leftover).toBe(10);
		expect(readable(demuxer.push(whole.subarray(10)))).toEqual(['stderr:abcdef']);
	});
});
