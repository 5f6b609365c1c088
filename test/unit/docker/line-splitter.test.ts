import {describe, expect, it} from 'vitest';
import {LineSplitter, maxLineLength} from '../../../source/docker/line-splitter.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const splitter = (timestamps = false) => new LineSplitter('stdout', {color: true, timestamps});

describe('LineSplitter', () => {
	it('yields complete lines and holds a partial one until its newline', () => {
		const s = splitter();
		expect(s.push(bytes('one\ntw')).map(l => l.text)).toEqual(['one']);
		expect(s.push(bytes('o\nthree\n')).map(l => l.text)).toEqual(['two', 'three']);
	});

	it('yields the last line without newline when the stream ends', () => {
		const s = splitter();
		expect(s.push(bytes('prompt> '))).toEqual([]);
		expect(s.end().map(l => l.text)).toEqual(['prompt> ']);
	});

	it('joins a UTF-8 character split across chunks', () => {
		const s = splitter();
		const all = bytes('é✓\n');
		expect(s.push(all.subarray(0, 1))).toEqual([]);
		expect(s.push(all.subarray(1, 3))).toEqual([]);
		expect(s.push(all.subarray(3)).map(l => l.text)).toEqual(['é✓']);
	});

	it('turns invalid UTF-8 into U+FFFD', () => {
		const s = splitter();
		expect(s.push(new Uint8Array([0x61, 0xFF, 0xC3, 0x28, 0x62, 0x0A])).map(l => l.text)).toEqual(['a\uFFFD\uFFFD(b']);
	});

	it('removes an escape sequence split across chunks (lone ESC at a chunk end)', () => {
		const s = splitter();
		expect(s.push(bytes('abc\u001B'))).toEqual([]);
		expect(s.push(bytes('[2Jdef\u001B]0;ti')).map(l => l.text)).toEqual([]);
		expect(s.push(bytes('tle\u0007ghi\n')).map(l => l.text)).toEqual(['abcdefghi']);
	});

	it('cuts a 1 MB line without newline into bounded pieces, as it arrives', () => {
		const s = splitter();
		const out = [];
		for (let i = 0; i < 16; i++) {
			out.push(...s.push(bytes('y'.repeat(65_536))));
		}

		expect(out.length).toBeGreaterThanOrEqual(Math.floor((1 << 20) / maxLineLength) - 1);
		expect(Math.max(...out.map(l => l.text.length))).toBeLessThanOrEqual(maxLineLength);
		const rest = s.end();
		expect([...out, ...rest].reduce((n, l) => n + l.text.length, 0)).toBe(1 << 20);
	});

	it('never cuts a surrogate pair in two', () => {
		const s = splitter();
		const out = s.push(bytes('a' + '😀'.repeat(maxLineLength)));
		for (const line of out) {
			expect(line.text).not.toMatch(/[\uD800-\uDBFF]$/);
		}
	});

	it('takes the Engine timestamp off the front of each line', () => {
		const s = splitter(true);
		const lines = s.push(bytes('2026-01-02T03:04:05.123456789Z hello\n2026-01-02T03:04:06Z world\n'));
		expect(lines).toEqual([
			{stream: 'stdout', time: '2026-01-02T03:04:05.123456789Z', text: 'hello'},
			{stream: 'stdout', time: '2026-01-02T03:04:06Z', text: 'world'},
		]);
	});

	it('keeps the stream it was made for', () => {
		const s = new LineSplitter('stderr', {color: true, timestamps: false});
		expect(s.push(bytes('oops\n'))[0]!.stream).toBe('stderr');
	});
});
