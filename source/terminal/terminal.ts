/**
 * The terminal around Ink: the alternate screen on the way in, an exact restore on every way out
 * (quit, Ctrl+C, a signal, a crash), and the hand-over to a shell in a container and back.
 * Not Ink 8's alternateScreen option: the first frame (first-frame.ts) enters the alternate screen
 * before Ink has loaded, and Ink would send a second \e[?1049h, which on xterm saves the cursor again
 * (inside the alternate screen), so quitting would leave the shell's cursor at the top-left corner.
 */
const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const clearScreen = '\u001B[0m\u001B[H\u001B[2J';

/**
 * False for terminals whose terminfo has no alternate screen (no smcup): the Linux console, vt100,
 * vt220, ansi, dumb. The console ignores \e[?1049h, so tsdtop's last frame would stay on the screen
 * after quitting, and a shell started from it would print over the frame: there tsdtop clears the
 * screen on the way in and out instead (as less and top do on such terminals).
 */
export function hasAlternateScreen(term: string | undefined): boolean {
	return !/^(?:linux|vt\d|ansi|dumb|cons\d)/.test(term ?? '');
}

/** The sequences that take a terminal into tsdtop's screen and back out, for this TERM. */
export function screenSequences(term: string | undefined): {readonly enter: string; readonly leave: string} {
	return hasAlternateScreen(term)
		? {enter: enterAlternateScreen, leave: leaveAlternateScreen}
		: {enter: clearScreen, leave: clearScreen};
}

/**
 * What a program in a container's shell may leave switched on when it ends or is killed: colours,
 * a hidden cursor, application cursor keys and keypad, mouse reporting, bracketed paste, focus
 * events, insert mode, another character set, no autowrap. None of these moves the cursor.
 */
const resetModesInPlace = [
	'\u001B[0m', showCursor, '\u001B[?1l', '\u001B>',
	'\u001B[?9l', '\u001B[?1000l', '\u001B[?1002l', '\u001B[?1003l', '\u001B[?1005l', '\u001B[?1006l', '\u001B[?1015l',
	'\u001B[?2004l', '\u001B[?1004l', '\u001B[4l', '\u001B(B', '\u001B[?7h',
].join('');
// Plus a scroll region and origin mode, whose reset sends the cursor home: only on a screen about to be cleared.
const resetModes = resetModesInPlace + '\u001B[r\u001B[?6l';

/** 'full': tsdtop's own screen; 'away': a shell in a container has the terminal; 'off': neither. */
let screen: 'off' | 'full' | 'away' = 'off';
let sequences = screenSequences(process.env['TERM']);

/** True while tsdtop's own screen shows (not before, not after, not while a shell has the terminal). */
export function isFullScreen(): boolean {
	return screen === 'full';
}

/** Idempotent: the first frame (first-frame.ts) enters before Ink, and run() again after it. */
export function enterFullScreen(stdout: NodeJS.WriteStream, term = process.env['TERM']): void {
	if (screen === 'full') {
		return;
	}

	screen = 'full';
	sequences = screenSequences(term);
	stdout.write(sequences.enter);
}

/**
 * Gives the normal screen to a shell in a container, as a shell started from the prompt would have
 * it: full-screen programs in it switch to the alternate screen and back themselves.
 */
export function leaveForShell(stdout: NodeJS.WriteStream): void {
	if (screen !== 'full') {
		return;
	}

	screen = 'away';
	stdout.write(showCursor + sequences.leave);
}

/**
 * Back from the shell: the alternate screen again, cleared, with every mode the shell's programs may
 * have changed put back. The reset comes after the switch, so the cursor position saved for the
 * normal screen (where the shell's output stays) is the shell's own.
 */
export function returnFromShell(stdout: NodeJS.WriteStream): void {
	if (screen !== 'away') {
		return;
	}

	screen = 'full';
	stdout.write(sequences.enter + resetModes + '\u001B[2J\u001B[H');
}

/** Safe to call more than once and from any exit path. */
export function restoreTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): void {
	if (screen === 'off') {
		return;
	}

	const was = screen;
	screen = 'off';
	try {
		if (stdin.isTTY && stdin.isRaw) {
			stdin.setRawMode(false);
		}
	} catch {
		// Stdin may already be closed; the screen still needs restoring.
	}

	// Away, the normal screen is already showing, with the shell's output on it.
	stdout.write(was === 'away' ? resetModesInPlace + '\r\n' : showCursor + sequences.leave);
}
