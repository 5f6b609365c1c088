import {stripVTControlCharacters} from 'node:util';
import {describe, expect, it} from 'vitest';
import {cutRows, decorate, layoutWindow, shortTime} from '../../../source/render/log-layout.js';
import {compileQuery} from '../../../source/core/query.js';
import type {LogLine} from '../../../source/store/log-state.js';

const line = (seq: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine => ({seq, text, stream});
const options = {timestamps: false, color: true};

describe('cutRows', () => {
	it('wraps plain text into rows of the width', () => {
		expect(cutRows('abcdefghij', 4, true)).toEqual(['abcd', 'efgh', 'ij']);
	});

	it('without wrap cuts to one row ending in ~', () => {
		expect(cutRows('abcdefghij', 4, false)).toEqual(['abc~']);
		expect(cutRows('abcd', 4, false)).toEqual(['abcd']);
	});

	it('does not count SGR codes as width and carries colour onto the next row', () => {
		const rows = cutRows('\u001B[31mabcdef\u001B[0m', 3, true);
		expect(rows.map(r => stripVTControlCharacters(r))).toEqual(['abc', 'def']);
		expect(rows[1]!.startsWith('\u001B[31m')).toBe(true);
		expect(rows[0]!.endsWith('\u001B[0m')).toBe(true);
	});

	it('counts wide characters as two columns', () => {
		expect(cutRows('日本語x', 4, true).map(r => stripVTControlCharacters(r))).toEqual(['日本', '語x']);
	});
});

describe('decorate', () => {
	it('marks stderr with ! and the current match with >', () => {
		expect(stripVTControlCharacters(decorate(line(1, 'boom', 'stderr'), options))).toBe(' !boom');
		expect(decorate(line(1, 'boom', 'stderr'), {...options, color: false})).toBe(' !boom');
		expect(decorate(line(2, 'ok'), {...options, current: 2})).toBe('> ok');
	});

	it('highlights every match in inverse video', () => {
		const out = decorate(line(1, 'a foo b foo'), {...options, search: compileQuery('foo')});
		expect(out).toBe('  a \u001B[7mfoo\u001B[27m b \u001B[7mfoo\u001B[27m');
	});

	it('shows the time when asked', () => {
		const out = decorate({...line(1, 'x'), time: '2026-01-02T03:04:05.678901Z'}, {...options, timestamps: true});
		expect(stripVTControlCharacters(out)).toBe('  2026-01-02 03:04:05.678 x');
		expect(shortTime('2026-01-02T03:04:05Z')).toBe('2026-01-02 03:04:05.000');
	});
});

describe('layoutWindow', () => {
	const all = Array.from({length: 50}, (_, i) => line(i, `line ${i}`));

	it('following, shows the newest lines that fit', () => {
		const rows = layoutWindow(all, 0, true, 5, 40, true, options);
		expect(rows.map(r => r.text.trim())).toEqual(['line 45', 'line 46', 'line 47', 'line 48', 'line 49']);
	});

	it('paused, shows from the top line down', () => {
		const rows = layoutWindow(all, 10, false, 3, 40, true, options);
		expect(rows.map(r => r.text.trim())).toEqual(['line 10', 'line 11', 'line 12']);
	});

	it('wrapped lines take several rows, and the window never exceeds its height', () => {
		const long = [line(0, 'x'.repeat(30)), line(1, 'y'.repeat(30))];
		expect(layoutWindow(long, 0, true, 3, 12, true, options)).toHaveLength(3);
		expect(layoutWindow(long, 0, true, 3, 12, false, options)).toHaveLength(2);
	});

	// Issue 12: a line is kept in 8,192-character pieces; with t on only its first piece shows the time.
	it('shows a long line\'s time once, on its first piece', () => {
		const time = '2026-01-02T03:04:05.678901Z';
		const pieces = [{...line(0, 'aaa'), time, continues: true as const}, {...line(1, 'bbb'), time, continues: true as const}, {...line(2, 'ccc'), time}, {...line(3, 'next'), time}];
		const rows = layoutWindow(pieces, 0, false, 4, 60, true, {...options, timestamps: true}).map(r => stripVTControlCharacters(r.text));
		expect(rows).toEqual(['  2026-01-02 03:04:05.678 aaa', `  ${' '.repeat(24)}bbb`, `  ${' '.repeat(24)}ccc`, '  2026-01-02 03:04:05.678 next']);
	});
});

