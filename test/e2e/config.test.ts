import {mkdtempSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {engineSocket} from '../helpers/engine-paths.js';
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
		expect(screen).toMatch(/x\s+stop the running ones \(the stopped are left\), or start them when none runs/);
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

		// The Engine over TCP through a proxy that notes every request, in the order tsdtop sent them.
		const requests: string[] = [];
		const proxy = net.createServer(client => {
			const upstream = net.connect(engineSocket);
			client.on('data', (chunk: Buffer) => {
				requests.push(...[...chunk.toString('latin1').matchAll(/^[A-Z]+ (\S+) HTTP\/1\.1\r$/gm)].map(match => match[1]!));
			});
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
			client.pipe(upstream).pipe(client);
		});
		await new Promise<void>(resolve => {
			proxy.listen(0, '127.0.0.1', resolve);
		});
		try {
			const {port} = proxy.address() as net.AddressInfo;
			const file = configFile('no-stats.json', '{"refresh": {"stats": false}}');
			const term = pool.open({args: ['--config', file, '--host', `tcp://127.0.0.1:${port}`]});
			await term.filterTo(`${p}-light1`);
			await term.waitFor(`${p}-light1`);
			// The marker: i inspects the row, a request sent after the list was drawn. The row's stats
			// stream is opened as the list comes in, so it would stand before the inspect in the proxy's log.
			term.press('i');
			await term.waitFor(`Inspect: ${p}-light1`);
			await eventually(async () => requests.some(r => /\/containers\/[^/]+\/json$/.test(r)), 'the inspect request');
			expect(requests.filter(r => r.includes('/stats'))).toEqual([]);
			const screen = await term.escape(s => !s.includes('Inspect:') && s.includes(`${p}-light1`));
			expect(row(screen)).not.toMatch(/%/);
		} finally {
			proxy.close();
		}
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
