import {describe, expect, it} from 'vitest';
import {footerText} from '../../../source/keys/hints.js';
import {paneScopes} from '../../../source/keys/keymap.js';

describe('footerText', () => {
	it('lists the hints of the scopes that have focus', () => {
		const text = footerText(paneScopes('containers'), false, 1000);
		expect(text).toContain('j move');
		expect(text).toContain('D remove');
		expect(footerText(paneScopes('containers'), true, 1000)).not.toContain('D remove');
	});

	it('is cut to the width with an ASCII "~", never "…" (Ink measures non-ASCII text the slow way)', () => {
		const whole = footerText(paneScopes('containers'), false, 1000);
		const cut = footerText(paneScopes('containers'), false, 80);
		expect(whole.length).toBeGreaterThan(80);
		expect(cut).toHaveLength(80);
		expect(cut.endsWith('~')).toBe(true);
		expect(whole.startsWith(cut.slice(0, -1))).toBe(true);
		expect(cut).toMatch(/^[\u0020-\u007E]*$/);
	});
});
