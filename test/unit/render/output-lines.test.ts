import {describe, expect, it} from 'vitest';
import {OutputLines} from '../../../source/render/output-lines.js';

const text = (lines: Array<{text: string; stderr?: boolean}>) => lines.map(l => (l.stderr ? `!${l.text}` : l.text));

describe('OutputLines', () => {
	it('splits each stream into lines and keeps them apart', () => {
		const lines = new OutputLines();
		expect(text(lines.push('stdout', Buffer.from('a\nb')))).toEqual(['a']);
		expect(text(lines.push('stderr', Buffer.from('oops\n')))).toEqual(['!oops']);
		expect(text(lines.push('stdout', Buffer.from('c\n')))).toEqual(['bc']);
		expect(lines.end()).toEqual([]);
	});

	it('gives the last line without a newline at the end', () => {
		const lines = new OutputLines();
		lines.push('stdout', Buffer.from('one\ntwo'));
		expect(text(lines.end())).toEqual(['two']);
	});

	it('joins a UTF-8 character split between chunks and marks invalid bytes', () => {
		const lines = new OutputLines();
		const euro = Buffer.from('€\n');
		expect(lines.push('stdout', euro.subarray(0, 1))).toEqual([]);
		expect(text(lines.push('stdout', euro.subarray(1)))).toEqual(['€']);
		expect(text(lines.push('stdout', Buffer.from([0xFF, 0x41, 0x0A])))).toEqual(['\uFFFDA']);
	});

	it('strips escape sequences and controls, so output cannot drive the terminal', () => {
		const lines = new OutputLines();
		const hostile = '\u001B]0;pwned\u0007\u001B[2J\u001B[?1049hsafe\u001B]52;c;aGk=\u0007 text\u0008\n';
		expect(text(lines.push('stdout', Buffer.from(hostile)))).toEqual(['safe text']);
	});

	it('shows what a carriage return wrote last, and drops a CRLF\'s CR', () => {
		const lines = new OutputLines();
		expect(text(lines.push('stdout', Buffer.from('10%\r50%\r100%\ndos line\r\n')))).toEqual(['100%', 'dos line']);
	});

	it('expands tabs to the next multiple of 8', () => {
		expect(text(new OutputLines().push('stdout', Buffer.from('a\tb\tc\n')))).toEqual(['a       b       c']);
	});

	it('cuts a long line into pieces, also before its newline has arrived', () => {
		const lines = new OutputLines(10);
		expect(text(lines.push('stdout', Buffer.from('x'.repeat(25))))).toEqual(['x'.repeat(10), 'x'.repeat(10)]);
		expect(text(lines.push('stdout', Buffer.from('yy\n')))).toEqual(['xxxxxyy']);
	});

	it('never cuts between the halves of a surrogate pair', () => {
		const lines = new OutputLines(4);
		const pieces = lines.push('stdout', Buffer.from('abc😀def\n'));
		expect(pieces.map(l => l.text).join('')).toBe('abc😀def');
		for (const piece of pieces) {
			expect(piece.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
		}
	});

	it('keeps an empty line as a line', () => {
		expect(text(new OutputLines().push('stdout', Buffer.from('\n\nx\n')))).toEqual(['', '', 'x']);
	});
});
