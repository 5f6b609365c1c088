import {describe, expect, it} from 'vitest';
import type {RawLine} from '../../../source/docker/line-splitter.js';
import {MergeBuffer, mergeKey} from '../../../source/docker/merge-buffer.js';

const at = (second: number, text: string, fraction = ''): RawLine => ({stream: 'stdout', time: `2026-12-03T10:00:${String(second).padStart(2, '0')}${fraction}Z`, text});
const texts = (lines: ReadonlyArray<{text: string; source: string}>) => lines.map(line => `${line.source}:${line.text}`);

describe('mergeKey', () => {
	it('orders fractions of different lengths as times, and no time first', () => {
		const keys = ['2026-12-03T10:00:01.5Z', '2026-12-03T10:00:01.123456789Z', '2026-12-03T10:00:01Z', undefined].map(time => mergeKey(time));
		expect([...keys].sort()).toEqual([keys[3], keys[2], keys[1], keys[0]]);
	});
});

describe('MergeBuffer', () => {
	it('holds a line until every open source has sent one as late, then gives them out in time order', () => {
		const buffer = new MergeBuffer(500, 0);
		buffer.open('a');
		buffer.open('b');
		buffer.push('a', [at(1, 'a1'), at(3, 'a3')], 0);
		// b has said nothing yet: a's lines could still have earlier company.
		expect(buffer.take(10)).toEqual([]);
		buffer.push('b', [at(2, 'b2')], 20);
		expect(texts(buffer.take(30))).toEqual(['a:a1', 'b:b2']);
		buffer.push('b', [at(4, 'b4')], 40);
		expect(texts(buffer.take(50))).toEqual(['a:a3']);
		expect(buffer.size).toBe(1);
	});

	it('gives out what waited holdMs even while a source stays quiet, with every line not later', () => {
		const buffer = new MergeBuffer(500, 0);
		buffer.open('a');
		buffer.open('quiet');
		buffer.push('a', [at(5, 'a5')], 0);
		buffer.push('a', [at(6, 'a6')], 300);
		expect(buffer.take(499)).toEqual([]);
		expect(texts(buffer.take(500))).toEqual(['a:a5']);
		expect(texts(buffer.take(800))).toEqual(['a:a6']);
	});

	it('gives out a late line with the next batch, never dropped and without moving what went before', () => {
		const buffer = new MergeBuffer(100, 0);
		buffer.open('a');
		buffer.open('b');
		buffer.push('a', [at(5, 'a5')], 0);
		expect(texts(buffer.take(100))).toEqual(['a:a5']);
		// b's line is older than one already given out.
		buffer.push('b', [at(3, 'b3')], 110);
		buffer.push('a', [at(7, 'a7')], 110);
		expect(texts(buffer.take(120))).toEqual(['b:b3']);
		expect(texts(buffer.take(210))).toEqual(['a:a7']);
	});

	it('lets a line settle, so that an earlier line of the other stream arriving just after finds its place', () => {
		const buffer = new MergeBuffer(1000, 100);
		buffer.open('a');
		buffer.open('b');
		buffer.push('b', [at(9, 'b9')], 0);
		// stderr's line written to the log before stdout's earlier one.
		buffer.push('a', [{...at(2, 'a2 err'), stream: 'stderr'}], 0);
		expect(buffer.take(50)).toEqual([]);
		buffer.push('a', [at(1, 'a1 out')], 60);
		expect(texts(buffer.take(120))).toEqual([]);
		expect(texts(buffer.take(160))).toEqual(['a:a1 out', 'a:a2 err']);
		// b9 waits for a to catch up, and at most holdMs.
		expect(texts(buffer.take(999))).toEqual([]);
		expect(texts(buffer.take(1000))).toEqual(['b:b9']);
	});

	it('stops waiting for a closed source, keeps arrival order for equal times, passes untimed lines at once', () => {
		const buffer = new MergeBuffer(10_000, 0);
		buffer.open('a');
		buffer.open('b');
		buffer.push('a', [at(1, 'first', '.5'), at(1, 'second', '.5')], 0);
		buffer.push('b', [{stream: 'stderr', text: 'untimed'}], 0);
		expect(texts(buffer.take(1))).toEqual(['b:untimed']);
		buffer.close('b');
		expect(texts(buffer.take(2))).toEqual(['a:first', 'a:second']);
		buffer.push('a', [at(9, 'x')], 3);
		buffer.close('a');
		expect(texts(buffer.take(4))).toEqual(['a:x']);
	});

	it('interleaves many sources exactly by time whatever order their batches came in', () => {
		const buffer = new MergeBuffer(1_000_000, 0);
		const sources = ['a', 'b', 'c'];
		for (const source of sources) {
			buffer.open(source);
		}

		// Each source's lines in order; the sources' batches shuffled among each other.
		const batches = [['c', [2, 5, 8]], ['a', [0, 3]], ['b', [1, 4]], ['a', [6, 9, 12]], ['c', [11]], ['b', [7, 10]]] as const;
		const out: string[] = [];
		for (const [source, seconds] of batches) {
			buffer.push(source, seconds.map(second => at(second, String(second))), 0);
			out.push(...buffer.take(0).map(line => line.text));
		}

		for (const source of sources) {
			buffer.close(source);
		}

		out.push(...buffer.take(0).map(line => line.text));
		expect(out).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
	});
});
