import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {createTestContainer, docker, eventually, idleCommand, removeTestContainers, stateOf, testLabel, uniquePrefix} from '../helpers/test-containers.js';
import {testImage} from '../helpers/engine-paths.js';
import {terminalPool} from '../helpers/tmux.js';

// Issue 12: a key acts on what the person sees. Each test drives tsdtop in tmux and checks the Engine.
const p = uniquePrefix('see');
const name = (suffix: string) => `${p}-${suffix}`;
const terminals = terminalPool();
const volumes: string[] = [];

afterEach(() => {
	terminals.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
	// The anonymous volumes a test kept on purpose (they carry no label: the Engine names them).
	await Promise.all(volumes.map(async v => docker.getVolume(v).remove().catch(() => undefined)));
});

/** Says who it is on its log, then idles. */
const saying = (text: string) => ['sh', '-c', `echo "${text}"; ${idleCommand[2]}`];

/** The line of the footer (the last one drawn). */
const footer = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';

describe('a key acts on what the person sees', () => {
	it('item 6: after G, /web-1 Enter selects web-1 (not web-10) and l shows web-1\'s logs', async () => {
		const web = (n: number) => name(`web-${n}`);
		await Promise.all([1, 2, 10].map(async n => createTestContainer(web(n), {cmd: saying(`log of ${web(n)} end`)})));
		const term = terminals.open({columns: 100, rows: 30});
		await term.filterTo(name('web-'));
		await term.waitFor(web(10));
		term.press('G');
		await term.waitFor(() => term.isSelected(web(10)));
		term.press('/', 'C-u');
		term.type(web(1));
		term.press('Enter');
		await term.waitFor(`filter: ${web(1)}`);
		await term.waitFor(() => term.isSelected(web(1)));
		term.press('l');
		const screen = await term.waitFor(`log of ${web(1)} end`);
		expect(screen).not.toContain(`log of ${web(10)} end`);
	});

	it('item 7: 19 targets at 80x24 are all reachable by scrolling in the dialog, and all removed', async () => {
		const old = Array.from({length: 19}, (_, i) => name(`old-${String(i + 1).padStart(2, '0')}`));
		await Promise.all(old.map(async n => createTestContainer(n, {start: false})));
		const term = terminals.open({columns: 80, rows: 24});
		await term.filterTo(name('old-'));
		term.press('C');
		let screen = await term.waitFor('Clean up: remove the 19 stopped containers');
		expect(screen).not.toMatch(/\band \d+ more\b/);
		const seen = new Set<string>();
		for (let i = 0; i < 30; i++) {
			for (const n of old) {
				if (screen.includes(`${n}  (`)) {
					seen.add(n);
				}
			}

			const rows = /rows (\d+)-(\d+) of 19/.exec(screen);
			expect(rows, screen).not.toBeNull();
			if (rows![2] === '19') {
				break;
			}

			term.press('j');
			// eslint-disable-next-line no-await-in-loop
			screen = await term.waitFor(s => !s.includes(rows![0]));
		}

		expect([...seen].sort()).toEqual(old);
		term.press('y');
		await term.waitFor(/removed .* and 16 more/, 30_000);
		for (const n of old) {
			// eslint-disable-next-line no-await-in-loop
			expect(await stateOf(n)).toBeUndefined();
		}
	});

	it('item 8: s on marked containers in mixed states stops the running ones and starts none', async () => {
		await Promise.all([createTestContainer(name('mix-a')), createTestContainer(name('mix-b'), {start: false}), createTestContainer(name('mix-c'))]);
		const term = terminals.open({columns: 100, rows: 30});
		await term.filterTo(name('mix-'));
		term.press('a');
		await term.waitFor(name('mix-b'));
		await term.select(name('mix-a'));
		term.press('Space', 'Space', 'Space');
		await term.waitFor(new RegExp(`\\* ${name('mix-c')}`));
		term.press('s');
		const screen = await term.waitFor(/stopped .*; 1 skipped \(already stopped/);
		expect(screen).not.toContain('started');
		expect(await stateOf(name('mix-a'))).toBe('exited');
		expect(await stateOf(name('mix-c'))).toBe('exited');
		expect(await stateOf(name('mix-b'))).toBe('created');
	});

	it('item 9: marks survive Esc, so they gather across filters, and s acts on all of them', async () => {
		await Promise.all([createTestContainer(name('keep-1')), createTestContainer(name('keep-2'))]);
		const term = terminals.open({columns: 100, rows: 30});
		await term.filterTo(name('keep-1'));
		await term.waitFor(() => term.isSelected(name('keep-1')));
		term.press('Space');
		await term.waitFor(s => footer(s).startsWith('1 marked'));
		term.press('Escape');
		let screen = await term.waitFor(s => !s.includes('filter:'));
		expect(footer(screen)).toMatch(/^1 marked/);
		await term.filterTo(name('keep-2'));
		await term.waitFor(() => term.isSelected(name('keep-2')));
		term.press('Space');
		screen = await term.waitFor('2 marked (1 hidden by the filter)');
		term.press('Escape');
		screen = await term.waitFor(s => !s.includes('filter:'));
		expect(footer(screen)).toMatch(/^2 marked {2}/);
		term.press('s');
		await term.waitFor(/stopped .*keep-[12].*keep-[12]/);
		expect(await stateOf(name('keep-1'))).toBe('exited');
		expect(await stateOf(name('keep-2'))).toBe('exited');
	});

	it('item 14: D keeps a container\'s anonymous volume on y, and removes it on v', async () => {
		const withVolume = async (n: string) => {
			const container = await docker.createContainer({name: n, Image: testImage, Cmd: [...idleCommand], Labels: {[testLabel]: n}, Volumes: {'/data': {}}, HostConfig: {NetworkMode: 'none'}});
			const info = await container.inspect();
			const volume = info.Mounts.find(m => m.Destination === '/data')!.Name!;
			volumes.push(volume);
			return volume;
		};

		const kept = await withVolume(name('vol-keep'));
		const gone = await withVolume(name('vol-gone'));
		const term = terminals.open({columns: 100, rows: 30});
		await term.filterTo(name('vol-'));
		term.press('a');
		await term.waitFor(name('vol-keep'));
		await term.select(name('vol-keep'));
		term.press('D');
		let screen = await term.waitFor('Remove 1 container?');
		expect(screen).toContain('1 anonymous volume would stay, orphaned: v removes it too');
		expect(screen).not.toContain('named volumes stay');
		term.press('y');
		await term.waitFor(`removed ${name('vol-keep')}`);
		expect(await stateOf(name('vol-keep'))).toBeUndefined();
		expect((await docker.getVolume(kept).inspect()).Name).toBe(kept);

		await term.select(name('vol-gone'));
		term.press('D');
		screen = await term.waitFor('Remove 1 container?');
		expect(screen).toContain('[v] with its anonymous volume');
		term.press('v');
		await term.waitFor(`removed ${name('vol-gone')}`);
		expect(await stateOf(name('vol-gone'))).toBeUndefined();
		await eventually(async () => docker.getVolume(gone).inspect().then(() => false, (error: {statusCode?: number}) => error.statusCode === 404), `volume ${gone} removed`);
	});
});
