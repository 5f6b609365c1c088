import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, docker, eventually, removeTestContainers, stateOf, uniquePrefix} from '../helpers/test-containers.js';
import {terminalPool} from '../helpers/tmux.js';

// Issue 6: the config file changes the running program, and a bad one stops it with the line named.
const p = uniquePrefix('cfg');
const pool = terminalPool();
const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-config-'));

function configFile(name: string, text: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
}

// Any foreground colour: the 8 and 16 colour codes and the 256-colour form.
// eslint-disable-next-line no-control-regex
const colour = /\u001B\[(?:\d+;)*(?:3[0-7]|9[0-7]|38;5;\d+)m/;

beforeAll(async () => {
	await createTestContainer(`${p}-web`);
	await createTestContainer(`${p}-light1`);
	await createTestContainer(`${p}-light2`);
});

/** Stop, kill and die events of a container since `since` (seconds), as the Engine recorded them. */
async function stopEvents(name: string, since: number): Promise<string[]> {
	const stream = await docker.getEvents({since, until: Math.ceil(Date.now() / 1000), filters: {container: [name], event: ['kill', 'stop', 'die']}});
	const chunks: Buffer[] = [];
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		chunks.push(chunk);
	}

	return Buffer.concat(chunks).toString().split('\n').filter(Boolean).map(line => (JSON.parse(line) as {Action: string}).Action);
}

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

describe('the config file', () => {
	it('starts on its pane, without colour, and a remapped key does the command', async () => {
		const file = configFile('good.json', JSON.stringify({
			pane: 'images',
			theme: 'none',
			keys: {'container.toggleRun': ['x'], 'container.restart': ['ctrl+r']},
			columns: ['state', 'name', 'image'],
		}, undefined, 2));
		// --all as well: flags and the file together, and the stopped container stays in the list.
		const term = pool.open({args: ['--config', file, '--all'], columns: 140});
		// The Images pane first, its list loaded without a key pressed.
		await term.waitFor(s => s.includes('REPOSITORY:TAG') && /tsdtop-test|busybox/.test(s));
		expect(term.screenWithAttributes()).not.toMatch(colour);

		term.press('1');
		await term.filterTo(`${p}-web`);
		let screen = await term.waitFor(`${p}-web`);
		// The columns named, in the order named: STATE before NAME, no STATUS or CPU.
		expect(screen).toMatch(/STATE\s+NAME\s+IMAGE/);
		expect(screen).not.toMatch(/STATUS|CPU/);
		// The footer and the help overlay show the new keys.
		expect(screen).toMatch(/x stop\/start/);
		term.press('?');
		screen = await term.waitFor('Keys');
		expect(screen).toMatch(/x\s+stop a running container, start a stopped one/);
		expect(screen).toMatch(/Ctrl\+R\s+restart/);
		term.press('Escape');
		await term.waitFor(`${p}-web`);

		// s no longer stops it: its old key is free. ? after it is the marker: keys are read in order, so
		// once the help is drawn, s has been handled, and a stop would have reached the Engine.
		const since = Math.floor(Date.now() / 1000) - 1;
		term.press('s');
		await term.marker('?', 'Keys');
		expect(await stateOf(`${p}-web`)).toBe('running');
		expect(await stopEvents(`${p}-web`, since)).toEqual([]);
		await term.escape(`${p}-web`);

		// x does, on the Engine and on screen.
		term.press('x');
		await eventually(async () => (await stateOf(`${p}-web`)) === 'exited', `${p}-web to stop`);
		await term.waitFor(s => s.split('\n').some(line => line.includes(`${p}-web`) && line.includes('exited')));
		expect(term.screenWithAttributes()).not.toMatch(colour);
	});

	it('theme light draws a running state in the darker green that reads on white', async () => {
		const file = configFile('light.json', '{"theme": "light"}');
		const term = pool.open({args: ['--config', file]});
		await term.filterTo(`${p}-light`);
		await term.waitFor(s => s.includes(`${p}-light1`) && s.includes(`${p}-light2`));
		// A selected row is drawn plain in inverse video: look at the other one.
		const other = term.isSelected(`${p}-light1`) ? `${p}-light2` : `${p}-light1`;
		const line = term.screenWithAttributes().split('\n').find(l => l.includes(other))!;
		// eslint-disable-next-line no-control-regex
		expect(line).toMatch(/\u001B\[(?:\d+;)*38;5;28m/);
	});

	it('"refresh": {"stats": false} opens no stats streams: CPU and MEM stay empty, where by default they fill', async () => {
		const row = (screen: string) => screen.split('\n').find(line => line.includes(`${p}-light1`)) ?? '';
		const withStats = pool.open();
		await withStats.filterTo(`${p}-light1`);
		await withStats.waitFor(s => /\d%/.test(row(s)));

		const file = configFile('no-stats.json', '{"refresh": {"stats": false}}');
		const term = pool.open({args: ['--config', file]});
		await term.filterTo(`${p}-light1`);
		await term.waitFor(`${p}-light1`);
		// The marker: S opens a stats stream of its own, after the list was drawn. Once it has two
		// samples, row stats (opened with the list) would have had two as well, enough for a CPU figure.
		term.press('S');
		await term.waitFor(/Stats: [\s\S]*\b(?:[2-9]|\d{2,}) samples/, 15_000);
		const screen = await term.escape(s => !s.includes('Stats:') && s.includes(`${p}-light1`));
		expect(row(screen)).not.toMatch(/%/);
	});

	it('a bad file stops tsdtop before it draws, naming the file and the line', async () => {
		const file = configFile('bad.json', '{\n  "theme": "dark",\n  "keys": {\n    "quit": ["q", "s"]\n  }\n}\n');
		const term = pool.open({args: ['--config', file]});
		const screen = await term.waitFor(s => term.exitCode() !== undefined && s.includes('tsdtop: '));
		expect(term.exitCode()).toBe(2);
		expect(screen).toContain(`tsdtop: the config file ${file}, line 4: "s" for quit clashes with container.toggleRun`);
		expect(term.alternateScreen()).toBe(false);
		expect(screen).not.toContain('NAME');
	});

	it('a file that is not JSON names the line too (TSDTOP_CONFIG)', async () => {
		const file = configFile('broken.json', '{\n  "pane": "images",\n  "theme": light\n}\n');
		const term = pool.open({env: {TSDTOP_CONFIG: file}});
		const screen = await term.waitFor(s => term.exitCode() !== undefined && s.includes('tsdtop: '));
		expect(term.exitCode()).toBe(2);
		expect(screen).toContain(`tsdtop: the config file ${file}, line 3: not valid JSON`);
	});
});
