import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, docker, eventually, removeTestContainers, stateOf, testLabel, uniquePrefix} from '../helpers/test-containers.js';
import {engineHost} from '../helpers/engine-paths.js';
import {Terminal} from '../helpers/tmux.js';

// One tsdtop session walks through the Containers pane as a person would, checking the screen and,
// after each key, the Engine itself.
const p = uniquePrefix('e2e');
const name = (suffix: string) => `${p}-${suffix}`;
let term: Terminal;

/** Moves the selection onto the row that shows `text`. */
beforeAll(async () => {
	await Promise.all([
		createTestContainer(name('alpha')),
		createTestContainer(name('beta')),
		createTestContainer(name('gamma'), {start: false}),
		// PID 1 without a TERM handler ignores TERM: a restart takes the whole stop timeout (2 s).
		createTestContainer(name('slow'), {cmd: ['sh', '-c', 'while :; do sleep 1; done']}),
	]);
	term = new Terminal();
	// Narrow the list to this file's containers: the Engine may hold others.
	await term.filterTo(p);
	await term.waitFor(name('alpha'));
});

afterAll(async () => {
	term?.close();
	await removeTestContainers(p);
});

describe('the Containers pane against a real Engine', () => {
	it('lists running containers, hides stopped ones until a', async () => {
		const screen = await term.waitFor(name('beta'));
		expect(screen).toContain(name('alpha'));
		expect(screen).not.toContain(name('gamma'));
		expect(screen).toMatch(/NAME\s+STATE\s+STATUS/);
		term.press('a');
		await term.waitFor(name('gamma'));
		term.press('a');
		await term.waitFor(s => !s.includes(name('gamma')));
	});

	it('shows a container started elsewhere, and one removed elsewhere goes', async () => {
		const delta = await createTestContainer(name('delta'));
		await term.waitFor(name('delta'));
		await delta.remove({force: true});
		await term.waitFor(s => !s.includes(name('delta')));
	});

	it('keeps the selection on the same container when a row appears above it', async () => {
		await term.select(name('beta'));
		await createTestContainer(name('aaa'));
		await term.waitFor(name('aaa'));
		expect(term.isSelected(name('beta'))).toBe(true);
		await docker.getContainer(name('aaa')).remove({force: true});
		await term.waitFor(s => !s.includes(name('aaa')));
	});

	it('s stops a running container and starts it again', async () => {
		await term.select(name('alpha'));
		term.press('s');
		await term.waitFor(`stopped ${name('alpha')}`);
		expect(await stateOf(name('alpha'))).toBe('exited');
		term.press('a');
		await term.waitFor(new RegExp(`${name('alpha')}\\s+exited`));
		await term.select(name('alpha'));
		term.press('s');
		await term.waitFor(`started ${name('alpha')}`);
		expect(await stateOf(name('alpha'))).toBe('running');
		term.press('a');
	});

	it('p pauses and unpauses', async () => {
		await term.select(name('alpha'));
		term.press('p');
		await term.waitFor(`paused ${name('alpha')}`);
		expect(await stateOf(name('alpha'))).toBe('paused');
		await term.waitFor(new RegExp(`${name('alpha')}\\s+paused`));
		term.press('p');
		await term.waitFor(`unpaused ${name('alpha')}`);
		expect(await stateOf(name('alpha'))).toBe('running');
	});

	it('r restarts', async () => {
		const before = (await docker.getContainer(name('beta')).inspect()).State.StartedAt;
		await term.select(name('beta'));
		term.press('r');
		await term.waitFor(`restarted ${name('beta')}`);
		const after = await docker.getContainer(name('beta')).inspect();
		expect(after.State.Status).toBe('running');
		expect(after.State.StartedAt).not.toBe(before);
	});

	// Issue 12: at 120 columns the header cut the Engine's address, and STATE was "restar~" at any width.
	it('at 120 columns: the Engine address whole in the header, "restarting" whole in STATE', async () => {
		expect(term.paneSize().columns).toBe(120);
		expect(term.screen().split('\n')[0]).toContain(engineHost);
		await term.select(name('slow'));
		term.press('r');
		const screen = await term.waitFor(s => s.split('\n').some(line => line.includes(name('slow')) && / restarting /.test(line)));
		expect(screen).not.toContain('restar~');
		await term.waitFor(`restarted ${name('slow')}`, 15_000);
	});

	it('K asks first: n keeps the container running, y kills it', async () => {
		await term.select(name('beta'));
		term.press('K');
		let screen = await term.waitFor('Kill 1 container?');
		expect(screen).toContain(name('beta'));
		term.press('n');
		await term.waitFor(s => !s.includes('Kill 1 container?'));
		expect(await stateOf(name('beta'))).toBe('running');

		term.press('K');
		await term.waitFor('Kill 1 container?');
		term.press('Enter');
		await term.waitFor(s => !s.includes('Kill 1 container?'));
		expect(await stateOf(name('beta'))).toBe('running');

		term.press('K');
		await term.waitFor('Kill 1 container?');
		term.press('y');
		screen = await term.waitFor(`killed ${name('beta')}`);
		expect(await stateOf(name('beta'))).toBe('exited');
	});

	it('D on a running container offers force only; Esc cancels, f removes', async () => {
		const target = await createTestContainer(name('doomed'));
		await term.waitFor(name('doomed'));
		await term.select(name('doomed'));
		term.press('D');
		const screen = await term.waitFor('Remove 1 container?');
		expect(screen).toContain(name('doomed'));
		expect(screen).toContain('[f] force');
		expect(screen).not.toContain('[y]');
		term.press('y');
		term.press('Escape');
		await term.waitFor(s => !s.includes('Remove 1 container?'));
		expect(await stateOf(name('doomed'))).toBe('running');
		term.press('D');
		await term.waitFor('Remove 1 container?');
		term.press('f');
		await term.waitFor(`removed ${name('doomed')}`);
		await expect(target.inspect()).rejects.toMatchObject({statusCode: 404});
	});

	it('Space marks several containers and s acts on all of them', async () => {
		await Promise.all([createTestContainer(name('m1')), createTestContainer(name('m2'))]);
		await term.waitFor(name('m2'));
		await term.select(name('m1'));
		term.press('Space');
		await term.waitFor(() => term.isSelected(name('m2')));
		term.press('Space');
		await term.waitFor(new RegExp(`\\* ${name('m2')}`));
		term.press('s');
		await term.waitFor(/stopped .*m1.*m2|stopped .*m2.*m1/);
		// Stopped rows leave the list (stopped ones are hidden) once the Engine's events arrive.
		await term.waitFor(s => !new RegExp(`^[* ] ${name('m1')}|^[* ] ${name('m2')}`, 'm').test(s));
		expect(await stateOf(name('m1'))).toBe('exited');
		expect(await stateOf(name('m2'))).toBe('exited');
		expect(await stateOf(name('alpha'))).toBe('running');
	});

	it('C lists every stopped container that matches the filter and removes exactly those', async () => {
		// Its own stopped containers; any that earlier tests stopped are listed too, as the Engine says.
		await Promise.all([createTestContainer(name('idle1'), {start: false}), createTestContainer(name('idle2'), {start: false})]);
		const mine = await docker.listContainers({all: true, filters: {label: [testLabel]}});
		const stopped = mine.filter(c => c.State !== 'running' && c.State !== 'paused').map(c => c.Names[0]!.slice(1)).filter(n => n.startsWith(p));
		const running = mine.filter(c => c.State === 'running').map(c => c.Names[0]!.slice(1)).filter(n => n.startsWith(p));
		expect(stopped).toEqual(expect.arrayContaining([name('idle1'), name('idle2')]));
		// The dialog lists what tsdtop knows: wait until it knows of the new ones (the header counts them).
		const all = await docker.listContainers({all: true});
		await term.waitFor(`${all.filter(c => c.State === 'running').length} running, ${all.filter(c => c.State !== 'running').length} stopped`);
		term.press('C');
		const screen = await term.waitFor(`Clean up: remove the ${stopped.length} stopped containers`);
		for (const n of stopped) {
			expect(screen).toContain(n);
		}

		for (const n of running) {
			expect(screen).not.toContain(`${n}  (`);
		}

		term.press('y');
		await term.waitFor(stopped.length > 3 ? new RegExp(`removed .* and ${stopped.length - 3} more`) : /removed /);
		for (const n of stopped) {
			// eslint-disable-next-line no-await-in-loop
			expect(await stateOf(n)).toBeUndefined();
		}

		for (const n of running) {
			// eslint-disable-next-line no-await-in-loop
			expect(await stateOf(n)).toBe('running');
		}
	});
});
