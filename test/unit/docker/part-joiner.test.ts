import {describe, expect, it} from 'vitest';
import {Demuxer} from '../../../source/docker/demux.js';
import {LineSplitter, type RawLine} from '../../../source/docker/line-splitter.js';
import {PartJoiner, partBytes} from '../../../source/docker/part-joiner.js';

// Issue 12: the Engine cuts a line over 16 KiB into parts and, with timestamps=true, writes a
// timestamp before each part. These tests build the bytes as Docker 20.10 sends them (checked
// against a real Engine: frames of 31 + 16,384 bytes) and cut them anywhere.
const encoder = new TextEncoder();
const stamp = (n: number) => `2026-12-03T04:15:${String(n).padStart(2, '0')}.009585660Z `;

/** The messages the Engine sends for a line: its parts, each with the line's timestamp in front. */
function messages(text: string, second: number): string[] {
	const parts = [];
	for (let at = 0; at < text.length; at += partBytes) {
		parts.push(stamp(second) + text.slice(at, at + partBytes));
	}

	return parts;
}

function frame(stream: number, text: string): Uint8Array {
	const payload = encoder.encode(text);
	const out = new Uint8Array(8 + payload.length);
	out[0] = stream;
	new DataView(out.buffer).setUint32(4, payload.length);
	out.set(payload, 8);
	return out;
}

// Buffer is a Uint8Array.
const concat = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);

/** What the log watcher does with the bytes: demultiplex (framed), join the parts, split lines. */
function read(wire: Uint8Array, cuts: readonly number[], framed: boolean): RawLine[] {
	const demuxer = new Demuxer();
	const readers = new Map<string, {joiner: PartJoiner; splitter: LineSplitter}>();
	const lines: RawLine[] = [];
	const points = [0, ...cuts, wire.length];
	for (let index = 1; index < points.length; index++) {
		const chunk = wire.subarray(points[index - 1], points[index]);
		for (const piece of framed ? demuxer.push(chunk) : [{stream: 'stdout' as const, data: chunk}]) {
			let reader = readers.get(piece.stream);
			if (!reader) {
				reader = {joiner: new PartJoiner(framed ? 'frames' : 'raw'), splitter: new LineSplitter(piece.stream, {color: false, timestamps: true})};
				readers.set(piece.stream, reader);
			}

			for (const bytes of reader.joiner.push(piece.data, 'start' in piece && piece.start === true)) {
				lines.push(...reader.splitter.push(bytes));
			}
		}
	}

	for (const {joiner, splitter} of readers.values()) {
		for (const bytes of joiner.end()) {
			lines.push(...splitter.push(bytes));
		}

		lines.push(...splitter.end());
	}

	return lines;
}

/** The lines whole again: LineSplitter keeps a long one in pieces marked `continues`. */
function whole(lines: readonly RawLine[]): Array<{stream: string; time?: string; text: string}> {
	const out: Array<{stream: string; time?: string; text: string}> = [];
	let open: {stream: string; time?: string; text: string} | undefined;
	for (const line of lines) {
		open = open ? {...open, text: open.text + line.text} : {stream: line.stream, ...(line.time ? {time: line.time} : {}), text: line.text};
		if (!line.continues) {
			out.push(open);
			open = undefined;
		}
	}

	return out;
}

const long = 'A'.repeat(2 * partBytes) + 'B'.repeat(500);
const expected = [
	{stream: 'stdout', time: stamp(1).trim(), text: 'before'},
	{stream: 'stdout', time: stamp(2).trim(), text: long},
	{stream: 'stderr', time: stamp(3).trim(), text: 'err'},
	{stream: 'stdout', time: stamp(4).trim(), text: 'after'},
];

describe('PartJoiner on a demultiplexed stream', () => {
	const wire = concat([
		frame(1, `${stamp(1)}before\n`),
		...messages(`${long}\n`, 2).map(part => frame(1, part)),
		frame(2, `${stamp(3)}err\n`),
		frame(1, `${stamp(4)}after\n`),
	]);
	// Where the second and third parts' frames start: their 8-byte headers, then the timestamps.
	const partStarts = [8 + `${stamp(1)}before\n`.length + 8 + stamp(2).length + partBytes];
	partStarts.push(partStarts[0]! + 8 + stamp(2).length + partBytes);

	it('gives the line whole, with only its own timestamp', () => {
		expect(whole(read(wire, [], true))).toEqual(expected);
	});

	it('whatever the chunks: cut anywhere in or around the frame headers and timestamps', () => {
		for (const start of partStarts) {
			for (let cut = start - 3; cut < start + 8 + stamp(2).length + 3; cut++) {
				expect(whole(read(wire, [cut], true)), `cut at ${cut}`).toEqual(expected);
				expect(whole(read(wire, [cut, cut + 1, cut + 9], true)), `cuts at ${cut}`).toEqual(expected);
			}
		}
	});

	it('one byte at a time', () => {
		expect(whole(read(wire, Array.from({length: wire.length - 1}, (_, i) => i + 1), true))).toEqual(expected);
	});

	it('keeps what only looks like a part: a timestamp written by the program, a continuing frame without one', () => {
		const own = `x ${stamp(9)}y`;
		const odd = concat([frame(1, `${stamp(1)}one`), frame(1, 'two\n'), frame(1, `${stamp(2)}${own}\n`)]);
		expect(whole(read(odd, [], true)).map(line => line.text)).toEqual(['onetwo', own]);
	});
});

describe('PartJoiner on a TTY container\'s raw stream', () => {
	const text = (s: string) => encoder.encode(s);
	// A TTY line ends in \r\n; the parts are counted in bytes of the line.
	const wire = text(`${stamp(1)}before\r\n${messages(`${long}\r\n`, 2).join('')}${stamp(4)}after\r\n`);
	const rawExpected = [expected[0]!, expected[1]!, expected[3]!];
	const clean = (lines: RawLine[]) => whole(lines).map(line => ({...line, text: line.text.replace(/\r$/, '')}));

	it('gives the line whole, with only its own timestamp', () => {
		expect(clean(read(wire, [], false))).toEqual(rawExpected);
	});

	it('whatever the chunks, even inside a timestamp', () => {
		const second = `${stamp(1)}before\r\n`.length + stamp(2).length + partBytes;
		for (let cut = second - 3; cut < second + stamp(2).length + 3; cut++) {
			expect(clean(read(wire, [cut], false)), `cut at ${cut}`).toEqual(rawExpected);
		}

		expect(clean(read(wire, Array.from({length: 5000}, (_, i) => (i + 1) * 7), false))).toEqual(rawExpected);
	});

	it('counts multi-byte characters in bytes, as the Engine cuts', () => {
		// Two-byte characters: the parts are cut at byte 16,384, so each holds 8,192 of them.
		const wide = 'é'.repeat(partBytes);
		const raw = encoder.encode(`${wide}\n`);
		const parts = [];
		for (let at = 0; at < raw.length; at += partBytes) {
			parts.push(encoder.encode(stamp(5)), raw.subarray(at, at + partBytes));
		}

		expect(whole(read(concat(parts), [], false)).map(line => line.text)).toEqual([wide]);
	});
});
