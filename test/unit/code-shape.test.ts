import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
// @ts-expect-error: a plain JavaScript script without types
import {codeShapeProblems} from '../../scripts/code-shape.js';

const problems = codeShapeProblems as (folder?: string) => string[];

describe('the shape of source/ (issue 14)', () => {
	test('no file over 300 lines, no function over 100', () => {
		expect(problems('source')).toEqual([]);
	});

	test('a 101-line function and a 301-line file are found', () => {
		const folder = mkdtempSync(join(tmpdir(), 'tsdtop-shape-'));
		const body = Array.from({length: 99}, (_, i) => `\tconst a${i} = ${i};`).join('\n');
		writeFileSync(join(folder, 'long.ts'), `export function long() {\n${body}\n}\n`);
		writeFileSync(join(folder, 'big.ts'), Array.from({length: 301}, (_, i) => `export const b${i} = ${i};`).join('\n') + '\n');
		expect(problems(folder).sort()).toEqual([`${folder}/big.ts: 301 lines (at most 300)`, `${folder}/long.ts:1: long is 101 lines (at most 100)`]);
	});
});
