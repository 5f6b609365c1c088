import {describe, expect, it} from 'vitest';
import {sanitizeLogLine, stripSgr} from '../../../source/core/sanitize-log.js';

// Anything that is not SGR must go; SGR (ESC [ digits m) is the only escape allowed through.
// eslint-disable-next-line no-control-regex
const nonSgrEscape = /\u001B(?!\[[0-9;:]*m)|[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
const color = {color: true};

describe('sanitizeLogLine', () => {
	it.each([
		['clear screen (CSI 2J)', 'before\u001B[2Jafter', 'beforeafter'],
		['alternate screen (CSI ?1049h)', 'a\u001B[?1049hb', 'ab'],
		['leave alternate screen', 'a\u001B[?1049lb', 'ab'],
		['cursor position', 'a\u001B[10;20Hb', 'ab'],
		['cursor up', 'a\u001B[5Ab', 'ab'],
		['erase line', 'a\u001B[2Kb', 'ab'],
		['scroll region', 'a\u001B[1;5rb', 'ab'],
		['CSI with intermediate byte', 'a\u001B[1 qb', 'ab'],
		['CSI private m is not SGR', 'a\u001B[>4;2mb', 'ab'],
		['save and restore cursor (ESC 7 / ESC 8)', 'a\u001B7b\u001B8c', 'abc'],
		['full reset (ESC c)', 'a\u001Bcb', 'ab'],
		['charset switch (ESC ( 0)', 'a\u001B(0b', 'ab'],
		['OSC title ended by BEL', 'x\u001B]0;evil\u0007y', 'xy'],
		['OSC title ended by ST', 'x\u001B]2;evil\u001B\\y', 'xy'],
		['OSC 52 clipboard write', 'x\u001B]52;c;ZWNobyBwd25lZAo=\u0007y', 'xy'],
		['OSC 8 hyperlink', '\u001B]8;;https://evil.example\u0007link\u001B]8;;\u0007', 'link'],
		['unterminated OSC swallows the rest of the line', 'x\u001B]0;evil', 'x'],
		['DCS', 'x\u001BPq#0;2;0;0;0\u001B\\y', 'xy'],
		['APC', 'x\u001B_payload\u001B\\y', 'xy'],
		['PM', 'x\u001B^payload\u001B\\y', 'xy'],
		['8-bit CSI', 'a\u009B2Jb', 'ab'],
		['8-bit CSI that looks like SGR is still dropped', 'a\u009B31mb', 'ab'],
		['8-bit OSC ended by BEL', 'a\u009D0;evil\u0007b', 'ab'],
		['8-bit OSC ended by 8-bit ST', 'a\u009D0;evil\u009Cb', 'ab'],
		['8-bit DCS', 'a\u0090payload\u009Cb', 'ab'],
		['lone 8-bit C1', 'a\u0085\u008Db', 'ab'],
		['BEL', 'ding\u0007dong', 'dingdong'],
		['backspace', 'ab\bc', 'abc'],
		['NUL and other C0', 'a\u0000b\u0001c\u001Fd', 'abcd'],
		['DEL', 'a\u007Fb', 'ab'],
		['lone ESC at the end', 'abc\u001B', 'abc'],
		['CR LF from a TTY', 'line\r', 'line'],
		['CR inside: what a terminal would show last', '10%\r50%\r100%', '100%'],
		['tab to the next multiple of 8', 'a\tb', 'a       b'],
		['unicode kept', 'héllo wörld ✓', 'héllo wörld ✓'],
		['U+FFFD kept', 'bad \uFFFD byte', 'bad \uFFFD byte'],
	])('%s', (_, input, expected) => {
		const out = sanitizeLogLine(input, color);
		expect(out).toBe(expected);
		expect(out).not.toMatch(nonSgrEscape);
	});

	it('keeps SGR colour and ends the line with a reset so no colour leaks', () => {
		expect(sanitizeLogLine('\u001B[31mred\u001B[0m plain', color)).toBe('\u001B[31mred\u001B[0m plain\u001B[0m');
		expect(sanitizeLogLine('\u001B[1;38;5;208mbold orange', color)).toBe('\u001B[1;38;5;208mbold orange\u001B[0m');
	});

	it('keeps SGR next to a stripped sequence', () => {
		expect(sanitizeLogLine('\u001B[32mok\u001B[2J\u001B]0;t\u0007!', color)).toBe('\u001B[32mok!\u001B[0m');
	});

	it('drops SGR too without colour (--no-color, NO_COLOR)', () => {
		expect(sanitizeLogLine('\u001B[31mred\u001B[0m plain', {color: false})).toBe('red plain');
	});

	it('leaves plain ASCII as it is (the fast path)', () => {
		const line = 'GET /index.html 200 0.003s';
		expect(sanitizeLogLine(line, color)).toBe(line);
	});

	it('passes nothing but SGR for every byte value after ESC', () => {
		for (let code = 0; code < 0x100; code++) {
			const out = sanitizeLogLine(`a\u001B${String.fromCodePoint(code)}1;2Hb`, color);
			expect(out, `ESC ${code.toString(16)}`).not.toMatch(nonSgrEscape);
		}
	});
});

describe('stripSgr', () => {
	it('returns the text a person reads', () => {
		expect(stripSgr('\u001B[31mred\u001B[0m and \u001B[1mbold\u001B[m')).toBe('red and bold');
		expect(stripSgr('plain')).toBe('plain');
	});
});
