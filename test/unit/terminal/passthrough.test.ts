import {EventEmitter} from 'node:events';
import {Duplex} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {passthrough} from '../../../source/terminal/passthrough.js';

/** A terminal's stdin: raw mode and flowing state are what the test looks at. */
class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	raw = false;
	flowing = false;
	setRawMode(mode: boolean) {
		this.raw = mode;
	}

	resume() {
		this.flowing = true;
	}

	pause() {
		this.flowing = false;
	}

	ref() {}
}

class FakeStdout extends EventEmitter {
	columns = 120;
	rows = 40;
	written: Buffer[] = [];
	full = false;
	write(data: Uint8Array | string) {
		this.written.push(Buffer.from(data));
		return !this.full;
	}

	get text() {
		return Buffer.concat(this.written).toString();
	}
}

/** The container's side of the hijacked connection: what it received, and a way to write and hang up. */
function connection() {
	const received: Buffer[] = [];
	const stream = new Duplex({
		read() {},
		write(chunk: Buffer, _encoding, callback) {
			received.push(Buffer.from(chunk));
			callback();
		},
	});
	return {stream, received: () => Buffer.concat(received).toString('latin1')};
}

const tick = async () => new Promise(resolve => {
	setImmediate(resolve);
});

describe('passthrough', () => {
	it('passes every byte both ways in raw mode, and puts stdin back when the command ends', async () => {
		const stdin = new FakeStdin();
		const stdout = new FakeStdout();
		const {stream, received} = connection();
		const sizes: string[] = [];
		const done = passthrough({stdin, stdout, stream, resize: async (columns, rows) => {
			sizes.push(`${columns}x${rows}`);
		}});
		expect(stdin.raw).toBe(true);
		expect(stdin.flowing).toBe(true);
		expect(sizes).toEqual(['120x40']);

		// Arrow up, Ctrl+C, Tab, Ctrl+D, Alt+x: all go to the container untouched.
		for (const key of ['\u001B[A', '\u0003', '\t', '\u0004', '\u001Bx', 'ls\r']) {
			stdin.emit('data', key);
		}

		stream.push(Buffer.from('\u001B[?1049hfull screen\u001B[?1049l'));
		await tick();
		expect(received()).toBe('\u001B[A\u0003\t\u0004\u001Bxls\r');
		expect(stdout.text).toBe('\u001B[?1049hfull screen\u001B[?1049l');

		stream.push(null);
		const result = await done;
		expect(result.error).toBeUndefined();
		expect(result.tail.toString()).toContain('full screen');
		expect(stdin.raw).toBe(false);
		expect(stdin.flowing).toBe(false);
		expect(stdin.listenerCount('data')).toBe(0);
		expect(stdout.listenerCount('resize')).toBe(0);
	});

	it('follows the terminal size', async () => {
		const stdin = new FakeStdin();
		const stdout = new FakeStdout();
		const {stream} = connection();
		const sizes: string[] = [];
		const done = passthrough({stdin, stdout, stream, resize: async (columns, rows) => {
			sizes.push(`${columns}x${rows}`);
		}});
		stdout.columns = 80;
		stdout.rows = 24;
		stdout.emit('resize');
		stream.push(null);
		await done;
		// No resize after the end.
		stdout.emit('resize');
		expect(sizes).toEqual(['120x40', '80x24']);
	});

	it('sends one resize at a time, and the latest size last, so an older one never wins', async () => {
		const stdout = new FakeStdout();
		const {stream} = connection();
		const sent: string[] = [];
		let release: () => void = () => undefined;
		const done = passthrough({stdin: new FakeStdin(), stdout, stream, async resize(columns, rows) {
			sent.push(`${columns}x${rows}`);
			await new Promise<void>(resolve => {
				release = resolve;
			});
		}});
		// The first size is still on its way while the terminal is resized twice.
		for (const [columns, rows] of [[100, 30], [90, 20]] as const) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		}

		expect(sent).toEqual(['120x40']);
		release();
		await tick();
		expect(sent).toEqual(['120x40', '90x20']);
		release();
		stream.push(null);
		await done;
	});

	it('ignores a failed resize (the command may just have ended)', async () => {
		const {stream} = connection();
		const done = passthrough({stdin: new FakeStdin(), stdout: new FakeStdout(), stream, resize: async () => {
			throw new Error('container not running');
		}});
		stream.push(null);
		await expect(done).resolves.toMatchObject({tail: Buffer.alloc(0)});
	});

	it('reports a broken connection as an error, and still restores stdin', async () => {
		const stdin = new FakeStdin();
		const {stream} = connection();
		const done = passthrough({stdin, stdout: new FakeStdout(), stream, resize: async () => undefined});
		stream.destroy(Object.assign(new Error('read ECONNRESET'), {code: 'ECONNRESET'}));
		const result = await done;
		expect(result.error?.message).toBe('read ECONNRESET');
		expect(stdin.raw).toBe(false);
	});

	it('ends at once when told to quit, closing the connection', async () => {
		const stdin = new FakeStdin();
		const {stream} = connection();
		const controller = new AbortController();
		const done = passthrough({stdin, stdout: new FakeStdout(), stream, resize: async () => undefined, signal: controller.signal});
		controller.abort();
		await done;
		expect(stream.destroyed).toBe(true);
		expect(stdin.raw).toBe(false);
	});

	it('waits for the terminal to drain before reading more output', async () => {
		const stdout = new FakeStdout();
		stdout.full = true;
		const {stream} = connection();
		const done = passthrough({stdin: new FakeStdin(), stdout, stream, resize: async () => undefined});
		stream.push(Buffer.from('a lot'));
		await tick();
		expect(stream.isPaused()).toBe(true);
		stdout.full = false;
		stdout.emit('drain');
		expect(stream.isPaused()).toBe(false);
		stream.push(null);
		await done;
	});

	it('is done at once with a connection that has already gone', async () => {
		const {stream} = connection();
		stream.destroy();
		const stdin = new FakeStdin();
		await passthrough({stdin, stdout: new FakeStdout(), stream, resize: async () => undefined});
		expect(stdin.raw).toBe(false);
		expect(stdin.listenerCount('data')).toBe(0);
	});
});
