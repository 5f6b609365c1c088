import {describe, expect, it} from 'vitest';
import {hasJobControl} from '../../../source/terminal/suspend.js';

describe('hasJobControl', () => {
	it('is true in a process group of its own under a shell\'s session (an interactive shell\'s job)', () => {
		expect(hasJobControl(() => '4242 (node) S 4000 4242 4000 34816 4242 4194304')).toBe(true);
	});

	it('is false in the session\'s leading group: exec, a terminal or tmux directly, a script without job control', () => {
		expect(hasJobControl(() => '4242 (node) S 4000 4000 4000 34816 4000 4194304')).toBe(false);
	});

	it('reads past a command name with spaces and parentheses', () => {
		expect(hasJobControl(() => '4242 (my (odd) node) S 4000 4000 4000 34816 4000 0')).toBe(false);
	});

	// Passed as a reader: an undefined stat given as a value took the default and read the real
	// /proc/self/stat, so this test failed wherever the suite itself ran without job control (CI).
	it('assumes a shell where there is no /proc', () => {
		expect(hasJobControl(() => undefined)).toBe(true);
	});
});
