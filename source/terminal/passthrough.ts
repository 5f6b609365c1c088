import type {Duplex} from 'node:stream';

/** The parts of process.stdin that the passthrough uses (a fake in tests). */
export type TtyInput = {
	readonly isTTY?: boolean;
	setRawMode?(mode: boolean): unknown;
	on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
	off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
	resume(): unknown;
	pause(): unknown;
	ref?(): unknown;
};

/** The parts of process.stdout that the passthrough uses. */
export type TtyOutput = {
	readonly columns?: number;
	readonly rows?: number;
	write(data: Uint8Array | string): boolean;
	on(event: 'resize' | 'drain', listener: () => void): unknown;
	off(event: 'resize' | 'drain', listener: () => void): unknown;
	once(event: 'drain', listener: () => void): unknown;
};

export type PassthroughOptions = {
	readonly stdin: TtyInput;
	readonly stdout: TtyOutput;
	/** The exec's hijacked connection: raw bytes both ways (a TTY exec). */
	readonly stream: Duplex;
	/** Tells the Engine the terminal's size; called at once and on every resize. */
	readonly resize: (columns: number, rows: number) => Promise<void>;
	/** Ends the session early (tsdtop was told to quit). */
	readonly signal?: AbortSignal;
};

export type PassthroughResult = {
	/** Set when the connection failed rather than ended. */
	readonly error?: Error;
	/** The last bytes the container wrote, to explain a shell that could not start. */
	readonly tail: Buffer;
};

const tailBytes = 512;

/**
 * A listener for the terminal's resize that tells the container its size: one request at a time,
 * always the latest size, since two requests in flight may reach the Engine in either order and the
 * older size would win.
 */
function latestSize(stdout: TtyOutput, resize: (columns: number, rows: number) => Promise<void>, done: () => boolean): () => void {
	let wanted: [number, number] | undefined;
	let sending = false;
	const sendSizes = async () => {
		sending = true;
		while (wanted && !done()) {
			const [columns, rows] = wanted;
			wanted = undefined;
			try {
				// eslint-disable-next-line no-await-in-loop
				await resize(columns, rows);
			} catch {
				// The command may have just ended: a failed resize is of no interest then.
			}
		}

		sending = false;
	};

	return () => {
		const {columns, rows} = stdout;
		if (columns && rows) {
			wanted = [columns, rows];
			if (!sending) {
				void sendSizes();
			}
		}
	};
}

/**
 * Hands the real terminal to a command in a container: raw mode, every byte of input to the
 * container (arrow keys, Ctrl+C, Tab, escape sequences), every byte of its output to the screen, and
 * the size following the terminal's. Resolves when the command's connection ends, however it ends;
 * the terminal's listeners and modes are as they were before.
 */
export async function passthrough(options: PassthroughOptions): Promise<PassthroughResult> {
	const {stdin, stdout, stream, signal} = options;
	let tail = Buffer.alloc(0);
	return new Promise(resolve => {
		let done = false;
		const onInput = (chunk: string | Buffer) => {
			if (!stream.destroyed && stream.writable) {
				stream.write(chunk);
			}
		};

		const onOutput = (chunk: Buffer) => {
			tail = Buffer.concat([tail, chunk]).subarray(-tailBytes);
			// A full screen of output must not pile up in memory: wait for the terminal to take it.
			if (!stdout.write(chunk)) {
				stream.pause();
				stdout.once('drain', () => stream.resume());
			}
		};

		const onResize = latestSize(stdout, options.resize, () => done);

		const finish = (error?: Error) => {
			if (done) {
				return;
			}

			done = true;
			stdin.off('data', onInput);
			stdin.pause();
			try {
				if (stdin.isTTY) {
					stdin.setRawMode?.(false);
				}
			} catch {}

			stdout.off('resize', onResize);
			stream.off('data', onOutput);
			signal?.removeEventListener('abort', onAbort);
			stream.destroy();
			resolve({...(error ? {error} : {}), tail});
		};

		const onAbort = () => {
			finish();
		};

		stream.on('data', onOutput);
		stream.once('end', () => {
			finish();
		});
		stream.once('close', () => {
			finish();
		});
		stream.once('error', (error: Error) => {
			finish(error);
		});
		signal?.addEventListener('abort', onAbort, {once: true});
		if (signal?.aborted || stream.destroyed || stream.readableEnded) {
			finish();
			return;
		}

		if (stdin.isTTY) {
			stdin.setRawMode?.(true);
		}

		stdin.ref?.();
		stdin.on('data', onInput);
		stdin.resume();
		stdout.on('resize', onResize);
		onResize();
	});
}
