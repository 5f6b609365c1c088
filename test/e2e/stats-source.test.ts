import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {terminalPool} from '../helpers/tmux.js';

// Where the table's CPU and memory come from (issue 15): on the Engine's host, its cgroup files;
// TSDTOP_STATS=api, the Engine's stats streams as before. Either way the row shows both numbers,
// and TSDTOP_TRACE=1 names the source at exit.
const p = uniquePrefix('src');
const pool = terminalPool();

beforeAll(async () => {
	await createTestContainer(`${p}-busy`, {cmd: ['sh', '-c', 'trap "exit 0" TERM; while :; do :; done']});
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

async function sourceShown(env: Record<string, string>): Promise<string> {
	const term = pool.open({env: {TSDTOP_TRACE: '1', ...env}});
	await term.filterTo(p);
	// The busy loop's row with a CPU figure (not '-') and a memory figure.
	await term.waitFor(screen => screen.split('\n').some(line => line.includes(`${p}-busy`) && /\d+(\.\d)?%\s+[\d.]+[KMG]/.test(line)));
	term.press('q');
	// The line may wrap: join the screen's lines first.
	const line = /tsdtop stats: (cgroup v\d \([^)]*\) \S*?\{id\}|API streams \([^)]*\))/;
	const screen = (await term.waitFor(s => line.test(s.replaceAll('\n', '')))).replaceAll('\n', '');
	return line.exec(screen)![1]!;
}

describe('the stats source', () => {
	it('is the cgroup files when tsdtop runs on the Engine\'s host', async () => {
		expect(await sourceShown({})).toMatch(/^cgroup v1 \(cgroupfs driver\) \/sys\/fs\/cgroup\/memory\/docker\/\{id\}$/);
	});

	it('is the Engine\'s streams with TSDTOP_STATS=api', async () => {
		expect(await sourceShown({TSDTOP_STATS: 'api'})).toBe('API streams (TSDTOP_STATS=api)');
	});
});
