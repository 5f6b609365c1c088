import type {HandOff} from '../terminal/hand-off.js';
import type {Engine, ExecSession, ExecTarget} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import {chooseShell, NoShellError, type ShellChoice} from '../docker/shell.js';
import {passthrough, type PassthroughResult} from '../terminal/passthrough.js';
import {sanitizeLine} from '../render/sanitize.js';
import type {Store} from '../store/create-store.js';
import type {Status, Target} from '../store/state.js';

export type ShellContext = {
	readonly store: Store;
	readonly engine: Engine;
	readonly handOff?: HandOff;
	/** --shell or the config's shell, tried first. */
	readonly shell?: string;
};

/** Said while the shell starts, in the banner above it, and in the help overlay's line for e. */
export const backHint = 'exit or Ctrl+D comes back to tsdtop';

/**
 * TERM inside the container. The person's own TERM may name a terminal the image has no terminfo
 * for (xterm-kitty, tmux-256color...), which breaks vi and top; every image knows xterm.
 */
export function shellTerm(env: Readonly<Record<string, string | undefined>>): string {
	return /256color|truecolor|24bit/.test(`${env['TERM'] ?? ''} ${env['COLORTERM'] ?? ''}`) ? 'xterm-256color' : 'xterm';
}

let opening = false;

/**
 * e: an interactive shell in a running container through the Engine API (exec with a TTY, stdin
 * attached), owning the real terminal until it ends; then tsdtop comes back as it was and says how
 * the shell ended. Never throws: every failure is a message in the status line.
 */
export async function openShell(context: ShellContext, target: Target): Promise<void> {
	const {store, engine} = context;
	const say = (status: Status) => {
		store.dispatch({type: 'status', status});
	};

	if (!context.handOff) {
		say({kind: 'error', text: 'no terminal to hand to a shell here'});
		return;
	}

	// A second e while the first is still starting would open two shells.
	if (opening) {
		return;
	}

	opening = true;
	try {
		say({kind: 'progress', text: `opening a shell in ${target.name}... (${backHint})`});
		let choice: ShellChoice;
		let session: ExecSession;
		try {
			choice = await chooseShell(engine, target.id, context.shell);
			const {columns, rows} = store.getState().ui.viewport;
			session = await engine.exec(target.id, {cmd: choice.command, tty: true, env: [`TERM=${shellTerm(process.env)}`], columns, rows});
		} catch (error) {
			say({kind: 'error', text: error instanceof NoShellError ? error.message : `cannot open a shell in ${target.name}: ${describeError(error, engine.host)}`});
			return;
		}

		let result: PassthroughResult | undefined;
		let quitting = false;
		try {
			await context.handOff(async ({stdin, stdout, signal}) => {
				stdout.write(banner(target, choice));
				result = await passthrough({stdin, stdout, stream: session.stream, resize: async (columns, rows) => session.resize(columns, rows), signal});
				quitting = signal.aborted;
			});
		} finally {
			// However it went, the connection is done with: an unread shell must not linger on it.
			session.stream.destroy();
		}
		if (!quitting && result) {
			say(await outcome(engine, target, choice, session, result));
		}
	} catch (error) {
		say({kind: 'error', text: `the shell in ${target.name} failed: ${describeError(error, engine.host)}`});
	} finally {
		opening = false;
	}
}

/** One dim line above the shell, so the way back is on screen while the shell runs. */
export function banner(target: Target, choice: ShellChoice): string {
	const note = choice.note ? `${choice.note}; ` : '';
	return `\r\n\u001B[2mtsdtop: ${note}${choice.command.join(' ')} in ${sanitizeLine(target.name)} as ${sanitizeLine(choice.user)}; ${backHint}\u001B[22m\r\n`;
}

/** How the shell ended, in one line for the status bar. */
export async function outcome(engine: Engine, target: Target, choice: ShellChoice, session: ExecSession, result: PassthroughResult): Promise<Status> {
	const stateNow = async () => engine.execTarget(target.id).catch((error: unknown) => ((error as {statusCode?: number}).statusCode === 404 ? 'gone' as const : undefined));
	let [code, now] = await Promise.all([session.exitCode().catch(() => undefined), stateNow()]);
	// A container being stopped kills its processes first and is marked stopped a moment later: a
	// shell killed by a signal (or not yet reaped) in a "running" container is given that moment.
	for (let wait = 0; wait < 10 && (code === undefined || code >= 128) && typeof now === 'object' && now.state === 'running'; wait++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		// eslint-disable-next-line no-await-in-loop
		[code, now] = await Promise.all([code === undefined ? session.exitCode().catch(() => undefined) : code, stateNow()]);
	}

	const {name} = target;
	if (now === 'gone') {
		return {kind: 'info', text: `${name} was removed; the shell in it ended`};
	}

	if (now && (now as ExecTarget).state !== 'running') {
		return {kind: 'info', text: `${name} ${(now as ExecTarget).state === 'paused' ? 'was paused' : 'stopped'}; the shell in it ended`};
	}

	if (result.error && code === undefined) {
		return {kind: 'error', text: `the shell in ${name} ended: ${describeError(result.error, engine.host)}`};
	}

	// 126: found but not runnable, 127: not found. The runtime's own words are in what it printed.
	if ((code === 126 || code === 127) && /exec failed|no such file|not found|permission denied/i.test(result.tail.toString('utf8'))) {
		return {kind: 'error', text: `could not start ${choice.command[0]!} in ${name}: ${lastLine(result.tail)}`};
	}

	return {kind: 'info', text: `left the shell in ${name}${code ? ` (exit code ${code})` : ''}`};
}

function lastLine(tail: Buffer): string {
	const lines = tail.toString('utf8').split(/\r?\n/).map(line => sanitizeLine(line).trim()).filter(Boolean);
	return lines.at(-1) ?? '';
}
