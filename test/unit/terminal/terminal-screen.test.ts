import {describe, expect, it} from 'vitest';
import {hasAlternateScreen, screenSequences} from '../../../source/terminal/terminal.js';

// Issue 6: tsdtop works with TERM=xterm, xterm-256color, screen, tmux-256color and linux. What the
// terminfo entries say (infocmp): all but linux (and the old vt/ansi/dumb) have smcup = \e[?1049h.
describe('hasAlternateScreen', () => {
	it.each(['xterm', 'xterm-256color', 'screen', 'screen-256color', 'screen.xterm-256color', 'tmux-256color', 'rxvt-unicode-256color', 'alacritty', 'foot', 'xterm-kitty'])('%s has one', term => {
		expect(hasAlternateScreen(term)).toBe(true);
	});

	it.each(['linux', 'linux-16color', 'vt100', 'vt220', 'ansi', 'dumb', 'cons25'])('%s has none', term => {
		expect(hasAlternateScreen(term)).toBe(false);
	});

	it('an unset TERM is taken as a modern terminal', () => {
		expect(hasAlternateScreen(undefined)).toBe(true);
		expect(hasAlternateScreen('')).toBe(true);
	});
});

describe('screenSequences', () => {
	it('switches to and from the alternate screen where there is one', () => {
		expect(screenSequences('xterm-256color')).toEqual({enter: '\u001B[?1049h\u001B[H', leave: '\u001B[?1049l'});
	});

	it('on the Linux console clears the screen both ways instead of leaving the last frame behind', () => {
		const {enter, leave} = screenSequences('linux');
		expect(enter).not.toContain('\u001B[?1049');
		expect(enter).toContain('\u001B[2J');
		expect(leave).toContain('\u001B[2J');
	});
});
