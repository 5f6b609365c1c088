import {describe, expect, it} from 'vitest';
import {logFileText} from '../../../source/actions/save-logs.js';
import type {LogLine, LogsState} from '../../../source/store/log-state.js';

const logs = (lines: readonly Omit<LogLine, 'seq'>[], timestamps = false) => ({
	lines: lines.map((line, seq) => ({...line, seq})), timestamps,
}) as unknown as LogsState;

describe('logFileText', () => {
	// Issue 12: a line kept in pieces (over maxLineLength) is one line in the file, its time once.
	it('joins the pieces of a long line, even with a line of the other stream between them', () => {
		const lines = [
			{stream: 'stdout', time: 't1', text: 'aaa', continues: true},
			{stream: 'stderr', time: 't2', text: 'err'},
			{stream: 'stdout', time: 't1', text: 'bbb', continues: true},
			{stream: 'stdout', time: 't1', text: 'cc'},
			{stream: 'stdout', time: 't3', text: 'next'},
		] as const;
		expect(logFileText(logs(lines))).toEqual({text: 'err\naaabbbcc\nnext\n', lines: 3});
		expect(logFileText(logs(lines, true)).text).toBe('t2 err\nt1 aaabbbcc\nt3 next\n');
	});

	it('writes what has come of a line still being written', () => {
		expect(logFileText(logs([{stream: 'stdout', text: 'half', continues: true}]))).toEqual({text: 'half\n', lines: 1});
	});
});
