import {describe, expect, it} from 'vitest';
import {compileQuery} from '../../../source/core/query.js';

describe('compileQuery', () => {
	it('matches a plain string case-insensitively, special characters literally', () => {
		const m = compileQuery('a.b(');
		expect(m.ok && m.test('xA.B(y')).toBe(true);
		expect(m.ok && m.test('axb(')).toBe(false);
	});

	it('is case-sensitive when the query has a capital (smart case)', () => {
		const m = compileQuery('Error');
		expect(m.ok && m.test('Error: x')).toBe(true);
		expect(m.ok && m.test('error: x')).toBe(false);
	});

	it('takes /re/ as a regular expression', () => {
		const m = compileQuery('/line [0-9]+0$/');
		expect(m.ok && m.test('line 120')).toBe(true);
		expect(m.ok && m.test('line 121')).toBe(false);
	});

	it('gives a clear message for a bad regex, never a throw', () => {
		const m = compileQuery('/a(/');
		expect(m.ok).toBe(false);
		expect(!m.ok && m.error).toMatch(/^bad regex \/a\(\/: /);
	});

	it('finds every match range, and survives an empty match', () => {
		const m = compileQuery('o');
		expect(m.ok && m.ranges('foo bo')).toEqual([[1, 2], [2, 3], [5, 6]]);
		const empty = compileQuery('/x*/');
		expect(empty.ok && empty.ranges('abc')).toEqual([]);
	});

	it('a lone slash is plain text', () => {
		const m = compileQuery('/');
		expect(m.ok && m.test('a/b')).toBe(true);
	});
});
