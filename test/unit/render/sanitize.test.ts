import {describe, expect, it} from 'vitest';
import {sanitizeLine} from '../../../source/render/sanitize.js';

// C0 controls, DEL and C1 controls: none of them may reach the terminal.
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u001F\u007F-\u009F]/;

describe('sanitizeLine', () => {
	it.each([
		['clear screen (CSI 2J)', 'before\u001B[2Jafter', 'beforeafter'],
		['alternate screen (CSI ?1049h)', 'a\u001B[?1049hb', 'ab'],
		['cursor home', 'a\u001B[Hb', 'ab'],
		['cursor position', 'a\u001B[10;20Hb', 'ab'],
		['cursor up', 'a\u001B[5Ab', 'ab'],
		['save and restore (ESC 7 / ESC 8)', 'a\u001B7b\u001B8c', 'abc'],
		['SGR colour', '\u001B[31mred\u001B[0m', 'red'],
		['erase line', 'a\u001B[2Kb', 'ab'],
		['CSI with intermediate byte', 'a\u001B[1 qb', 'ab'],
		['full reset (ESC c)', 'a\u001Bcb', 'ab'],
		['OSC title ended by BEL', 'x\u001B]0;evil\u0007y', 'xy'],
		['OSC title ended by ST', 'x\u001B]0;evil\u001B\\y', 'xy'],
		['OSC 52 clipboard write', 'x\u001B]52;c;ZWNobyBwd25lZAo=\u0007y', 'xy'],
		['OSC 8 hyperlink', '\u001B]8;;https://evil.example\u0007link\u001B]8;;\u0007', 'link'],
		['unterminated OSC swallows the rest', 'x\u001B]0;evil', 'x'],
		['DCS', 'x\u001BPq#0;2;0;0;0\u001B\\y', 'xy'],
		['APC', 'x\u001B_payload\u001B\\y', 'xy'],
		['8-bit CSI', 'a\u009B2Jb', 'ab'],
		['8-bit OSC ended by BEL', 'a\u009D0;evil\u0007b', 'ab'],
		['8-bit OSC ended by 8-bit ST', 'a\u009D0;evil\u009Cb', 'ab'],
		['8-bit DCS', 'a\u0090payload\u009Cb', 'ab'],
		['BEL', 'ding\u0007dong', 'dingdong'],
		['backspace', 'abc\bd', 'abcd'],
		['carriage return', 'progress 10%\rprogress 99%', 'progress 10%progress 99%'],
		['NUL', 'a\u0000b', 'ab'],
		['DEL', 'a\u007Fb', 'ab'],
		['lone ESC at the end', 'abc\u001B', 'abc'],
		['tab becomes a space', 'a\tb', 'a b'],
		['newline becomes a space', 'line one\nline two', 'line one line two'],
		['CRLF becomes one space', 'one\r\ntwo', 'one two'],
	])('strips %s', (_name, input, expected) => {
		const output = sanitizeLine(input);
		expect(output).toBe(expected);
		expect(output).not.toMatch(anyControl);
	});

	it.each([
		['plain ASCII', 'web-1 nginx:1.27 Up 3 minutes'],
		['accents', 'café-résumé'],
		['CJK', '数据库容器'],
		['emoji', '🐳 whale 🚀'],
		['ZWJ emoji', '👨‍👩‍👧 family'],
		['flag', '🇯🇵'],
		['combining mark', 'e\u0301'],
		['empty', ''],
	])('keeps printable %s unchanged', (_name, input) => {
		expect(sanitizeLine(input)).toBe(input);
	});

	it('keeps the printable text around every kind of sequence in one string', () => {
		const hostile = '\u001B[?1049h\u001B]0;pwned\u0007日本\u001B[2J🐳\u009B31m ok\u001B]52;c;AAAA\u001B\\\r\n\b\u0007end';
		const output = sanitizeLine(hostile);
		expect(output).toBe('日本🐳 ok end');
		expect(output).not.toMatch(anyControl);
	});

	it('never lets a control character through, whatever the input', () => {
		// Every single control and every control after ESC, each wrapped in printable text.
		for (let code = 0; code <= 0x9F; code++) {
			const c = String.fromCodePoint(code);
			for (const input of [`a${c}b`, `a\u001B${c}b`, `a${c}\u001B[b`, `${c}${c}${c}`]) {
				expect(sanitizeLine(input), `code 0x${code.toString(16)}`).not.toMatch(anyControl);
			}
		}
	});
});
