import {readFileSync} from 'node:fs';
import type {HandOff} from './hand-off.js';

/**
 * Whether a shell with job control would take the terminal when tsdtop stops. Not when tsdtop leads
 * its own process group in the session's leading group (started by `exec`, by a terminal emulator
 * or tmux directly, or by a script without job control): stopped there, nothing would ever send it
 * SIGCONT, and a script waiting for it would hang. Read from /proc/self/stat (pgrp and session);
 * where there is no /proc (macOS), a shell is assumed, as for any program.
 */
export function hasJobControl(readSelfStat: () => string | undefined = readStat): boolean {
	const stat = readSelfStat();
	// "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so after the last ")".
	const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
	return fields === undefined || fields[2] !== fields[3];
}

function readStat(): string | undefined {
	try {
		return readFileSync('/proc/self/stat', 'utf8');
	} catch {
		return undefined;
	}
}

/**
 * Ctrl+Z: tsdtop as a shell job (issue 12). The terminal is handed back as it is to a shell in a
 * container (run.tsx: Ink suspended through suspendTerminal, raw mode off, the cursor shown), the
 * process stops as any job stopped by Ctrl+Z does, and at `fg` (SIGCONT) the hand-over ends: the
 * alternate screen again and the whole frame drawn anew. Raw mode keeps the terminal from sending
 * SIGTSTP itself, so tsdtop sends it to itself.
 */
export async function suspend(handOff: HandOff, stop: () => void = () => process.kill(process.pid, 'SIGTSTP')): Promise<void> {
	await handOff(async ({signal}) => new Promise(resolve => {
		// With Ink and the watchers gone nothing else might hold the event loop open until SIGCONT.
		const alive = setInterval(() => undefined, 2 ** 30);
		const resume = () => {
			clearInterval(alive);
			process.off('SIGCONT', resume);
			signal.removeEventListener('abort', resume);
			resolve();
		};

		process.on('SIGCONT', resume);
		// SIGTERM or SIGHUP while stopped (the shell exits): tsdtop quits.
		signal.addEventListener('abort', resume);
		stop();
	}));
}
