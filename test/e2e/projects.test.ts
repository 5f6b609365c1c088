import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, docker, eventually, removeTestContainers, stateOf, uniquePrefix} from '../helpers/test-containers.js';
import {Terminal} from '../helpers/tmux.js';

// Issue 16 items 1 and 2: the Projects pane (5) and merged logs, against compose labels made by hand
// (no compose CLI is needed or called), in a real terminal.
const p = uniquePrefix('pj');
const name = (suffix: string) => `${p}-${suffix}`;
const compose = (project: string, service: string) => ({
	'com.docker.compose.project': project,
	'com.docker.compose.service': service,
	'com.docker.compose.project.working_dir': `/srv/${project}`,
	'com.docker.compose.project.config_files': `/srv/${project}/compose.yaml`,
});
// A line a third of a second, named by its service, ending at once on SIGTERM.
const talker = (word: string) => ['sh', '-c', `echo ${word}-boot; i=0; trap "exit 0" TERM; while :; do echo "${word}-line $i"; i=$((i+1)); sleep 0.3; done`];
const shop = name('shop');
const blog = name('blog');
let term: Terminal;

/** The screen row of a project. */
const rowOf = (screen: string, project: string) => screen.split('\n').find(line => line.includes(`${project} `)) ?? '';

beforeAll(async () => {
	// The loner first: when the projects made after it are listed, it is in the same list.
	await createTestContainer(name('loner'), {cmd: talker('loner')});
	await createTestContainer(`${shop}-web-1`, {cmd: talker('web'), labels: compose(shop, 'web')});
	await createTestContainer(`${shop}-db-1`, {cmd: talker('db'), labels: compose(shop, 'db')});
	await createTestContainer(`${blog}-app-1`, {cmd: talker('app'), labels: compose(blog, 'app')});
	term = new Terminal({columns: 120, rows: 30});
	await term.waitFor(/\d+ running, \d+ stopped, \d+ total/);
	term.press('5');
	await term.filterTo(p);
});

afterAll(async () => {
	term?.close();
	await removeTestContainers(p);
});

describe('the Projects pane', () => {
	it('lists one row per compose project, from the labels, and no container outside one', async () => {
		const screen = await term.waitFor(s => rowOf(s, shop).includes('2/2') && rowOf(s, blog).includes('1/1'));
		expect(screen).toMatch(/PROJECT.*RUNNING\s+SERVICES/);
		expect(rowOf(screen, shop)).toMatch(/db,web/);
		expect(rowOf(screen, shop)).toContain(`/srv/${shop}`);
		expect(screen).not.toContain('loner');
	});

	it('sums the CPU and memory of a project\'s containers from the stats', async () => {
		// MEM shows a figure (not '-') once the stats of the projects on screen are read.
		await term.waitFor(s => /\d(\.\d)?[BKMG]\s*(\S+\s*)?$/.test(rowOf(s, shop).split('/srv/')[0]!.trim()), 15_000);
	});

	it('l shows the lines of all its containers merged, each prefixed with its name; a container added later joins', async () => {
		// Esc clears the filter first: / edits the one in place.
		term.press('Escape');
		await term.waitFor(s => !s.includes('filter:'));
		await term.filterTo(shop);
		term.press('l');
		await term.waitFor(`Logs: ${shop}`);
		const merged = await term.waitFor(s => /web-1 \|.*web-line \d+/.test(s) && /db-1 {2}\|.*db-line \d+/.test(s), 15_000);
		// The names are padded to one width, so the bars line up.
		const bars = merged.split('\n').filter(line => /-line \d+/.test(line)).map(line => line.indexOf('|'));
		expect(new Set(bars).size).toBe(1);
		expect(merged).not.toContain('app-line');
		await createTestContainer(`${shop}-worker-1`, {cmd: talker('worker'), labels: compose(shop, 'worker')});
		await term.waitFor(s => /worker-1 +\|.*worker-line \d+/.test(s), 15_000);
	});

	it('re-attaches to a container of the merged log that restarts (the filter shows its second start)', async () => {
		term.press('F');
		term.type('web-boot');
		term.press('Enter');
		const boots = (s: string) => s.split('\n').filter(line => /web-1 +\|.*web-boot/.test(line)).length;
		await term.waitFor(s => boots(s) === 1 && !s.includes('db-line'));
		await docker.getContainer(`${shop}-web-1`).restart({t: 2});
		await term.waitFor(s => boots(s) === 2, 15_000);
		// Esc clears the filter, then closes the log, back on the Projects pane.
		term.press('Escape');
		await term.waitFor(s => s.includes('db-line'));
		term.press('Escape');
		await term.waitFor(s => s.includes('PROJECT') && rowOf(s, shop).includes('3/3'));
	});

	it('s then y stops every container of the project and no other project\'s', async () => {
		term.press('s');
		const dialog = await term.waitFor(`Stop 3 containers of project ${shop}?`);
		for (const container of ['web-1', 'db-1', 'worker-1']) {
			expect(dialog).toContain(`${shop}-${container}`);
		}

		term.press('y');
		await term.waitFor(`stopped 3 containers of project ${shop}`, 20_000);
		for (const container of ['web-1', 'db-1', 'worker-1']) {
			// eslint-disable-next-line no-await-in-loop
			await eventually(async () => (await stateOf(`${shop}-${container}`)) === 'exited', `${container} exited`);
		}

		expect(await stateOf(`${blog}-app-1`)).toBe('running');
		expect(await stateOf(name('loner'))).toBe('running');
		await term.waitFor(s => rowOf(s, shop).includes('0/3'));
	});

	it('Enter opens the Containers pane narrowed to the project; Esc comes back', async () => {
		term.press('Enter');
		const list = await term.waitFor(s => s.includes(`project: ${shop}`) && s.includes(`${shop}-db-1`));
		expect(list).toContain(`${shop}-web-1`);
		expect(list).not.toContain(`${blog}-app-1`);
		expect(list).not.toContain('loner');
		// l with several containers marked: one log of them, merged (their lines from before they stopped).
		term.press('Space', 'Space');
		await term.waitFor('2 marked');
		term.press('l');
		await term.waitFor(s => s.includes('Logs: 2 containers') && /-1 +\|.*-line \d+/.test(s));
		term.press('Escape');
		await term.waitFor(s => s.includes(`project: ${shop}`) && !s.includes('Logs:'));
		term.press('Escape');
		await term.waitFor(s => s.includes('PROJECT') && rowOf(s, shop).includes('0/3'));
	});

	it('is legible at 80x24', async () => {
		term.resize(80, 24);
		const screen = await term.waitFor(s => s.split('\n')[0]!.length <= 80 && /PROJECT.*RUNNING/.test(s) && rowOf(s, shop).includes('0/3'));
		expect(screen).toMatch(/CPU\s+MEM/);
		expect(rowOf(screen, shop).length).toBeLessThanOrEqual(80);
	});
});
