import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';

// Why tsdtop has its own windowed table (readme.md, "Where the required packages fall short").
describe('ink-table 3.1.0', () => {
	it('cannot be loaded next to Ink 6: it require()s an ESM module with top-level await', () => {
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('ink-table')"], {encoding: 'utf8'});
		expect(result.status).not.toBe(0);
		expect(result.stderr).toContain('ERR_REQUIRE_ASYNC_MODULE');
		// A whole Node process loading Ink: seconds on a busy machine.
	}, 60_000);
});
