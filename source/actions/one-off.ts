import {Demuxer} from '../docker/demux.js';
import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import {chooseShell, NoShellError, splitCommandLine} from '../docker/shell.js';
import {OutputLines} from '../render/output-lines.js';
import type {Store} from '../store/create-store.js';
import {maxOutputLines} from '../store/reducer.js';
import type {OutputLine, Target} from '../store/state.js';

export type OneOffContext = {
	readonly store: Store;
	readonly engine: Engine;
	readonly shell?: string;
};

/** Output reaches the store in batches, so a chatty command costs a frame per batch, not per line. */
const batchMs = 50;

let current: AbortController | undefined;
let nextId = 1;

/**
 * Stops reading the running one-off command, if there is one; true if there was. The Engine has no
 * way to stop an exec, so the command itself may go on in the container.
 */
export function stopOneOff(): boolean {
	const running = current;
	current = undefined;
	running?.abort();
	return running !== undefined;
}

/** The command line to exec: through the container's shell when it has one, else split into words. */
export async function oneOffCommand(engine: Engine, id: string, line: string, preferred?: string): Promise<string[]> {
	try {
		const choice = await chooseShell(engine, id, preferred);
		return [...choice.command, '-c', line];
	} catch (error) {
		if (error instanceof NoShellError) {
			return splitCommandLine(line);
		}

		throw error;
	}
}

/**
 * E: runs one command in a container (exec without a TTY, no stdin) and shows what it prints, stdout
 * and stderr told apart, in the output pane, with its exit code. Never throws.
 */
export async function runOneOff(context: OneOffContext, target: Target, line: string): Promise<void> {
	stopOneOff();
	const controller = new AbortController();
	current = controller;
	const id = nextId++;
	const {store, engine} = context;
	store.dispatch({type: 'output/open', id, target, command: line});

	let pending: OutputLine[] = [];
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		if (pending.length > 0) {
			const lines = pending;
			pending = [];
			store.dispatch({type: 'output/append', id, lines});
		}
	};

	const add = (lines: readonly OutputLine[]) => {
		for (const line of lines) {
			pending.push(line);
		}

		// Never more than the pane keeps, however fast the command writes between two batches.
		if (pending.length > maxOutputLines * 2) {
			pending = pending.slice(-maxOutputLines);
		}

		timer ??= setTimeout(flush, batchMs);
	};

	try {
		const cmd = await oneOffCommand(engine, target.id, line, context.shell);
		if (controller.signal.aborted) {
			return;
		}

		const session = await engine.exec(target.id, {cmd, tty: false});
		const {stream} = session;
		const stop = () => stream.destroy();
		controller.signal.addEventListener('abort', stop, {once: true});
		if (controller.signal.aborted) {
			stop();
			return;
		}

		const demuxer = new Demuxer();
		const lines = new OutputLines();
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				for (const frame of demuxer.push(chunk)) {
					add(lines.push(frame.stream, frame.data));
				}
			}
		} finally {
			controller.signal.removeEventListener('abort', stop);
		}

		if (controller.signal.aborted) {
			clearTimeout(timer);
			return;
		}

		add(lines.end());
		flush();
		const exitCode = await session.exitCode().catch(() => undefined);
		store.dispatch({type: 'output/done', id, ...(exitCode === undefined ? {} : {exitCode})});
	} catch (error) {
		if (controller.signal.aborted) {
			clearTimeout(timer);
			return;
		}

		flush();
		store.dispatch({type: 'output/done', id, error: describeError(error, engine.host)});
	} finally {
		if (current === controller) {
			current = undefined;
		}
	}
}
