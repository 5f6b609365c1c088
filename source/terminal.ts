/**
 * The terminal around Ink: the alternate screen on the way in, and an exact restore on every way out
 * (quit, Ctrl+C, a signal, a crash). Ink 6.8 has no alternate-screen option.
 */
const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

let active = false;

export function enterFullScreen(stdout: NodeJS.WriteStream): void {
	active = true;
	stdout.write(enterAlternateScreen);
}

/** Safe to call more than once and from any exit path. */
export function restoreTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): void {
	if (!active) {
		return;
	}

	active = false;
	try {
		if (stdin.isTTY && stdin.isRaw) {
			stdin.setRawMode(false);
		}
	} catch {
		// Stdin may already be closed; the screen still needs restoring.
	}

	stdout.write(showCursor + leaveAlternateScreen);
}
