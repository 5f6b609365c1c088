import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';

// The closing line CI reads, from a real vitest run on fixture files in a child process.
async function closingLine(...fixtures: string[]): Promise<{line: string; code: number}> {
	const vitest = path.resolve('node_modules/vitest/vitest.mjs');
	const args = [vitest, 'run', '--config', 'test/fixtures/reporter/vitest.config.ts', ...fixtures.map(f => `test/fixtures/reporter/${f}.fixture.ts`)];
	const result = await promisify(execFile)(process.execPath, args, {env: {...process.env, CI: '1'}, timeout: 60_000})
		.then(({stdout}) => ({stdout, code: 0}), (error: {stdout: string; code: number}) => ({stdout: error.stdout, code: error.code}));
	const line = result.stdout.split('\n').find(l => l.startsWith('tests: '));
	if (!line) {
		throw new Error(`no closing line in:\n${result.stdout}`);
	}

	return {line, code: result.code};
}

describe('the summary reporter\'s closing line', () => {
	it('a file whose beforeAll throws counts as failed, not as skipped tests alone', async () => {
		const {line, code} = await closingLine('passes', 'before-all-throws');
		expect(code).not.toBe(0);
		expect(line).toMatch(/^tests: 1 passed, [1-9]\d* failed/);
	}, 60_000);

	it('a file that fails to import counts as failed', async () => {
		const {line} = await closingLine('passes', 'import-throws');
		expect(line).toMatch(/^tests: 1 passed, [1-9]\d* failed/);
	}, 60_000);

	it('a file whose afterAll throws counts as failed though its tests passed', async () => {
		const {line} = await closingLine('after-all-throws');
		expect(line).toMatch(/^tests: 1 passed, 1 failed/);
	}, 60_000);

	it('a clean run says 0 failed', async () => {
		const {line, code} = await closingLine('passes');
		expect(code).toBe(0);
		expect(line).toBe('tests: 1 passed, 0 failed');
	}, 60_000);
});
