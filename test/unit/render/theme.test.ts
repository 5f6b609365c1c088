import {describe, expect, it} from 'vitest';
import {type Hue, makeTheme, tint} from '../../../source/render/theme.js';

// WCAG contrast of an xterm 256-colour cube entry against white.
function contrastOnWhite(color: string): number {
	const n = Number(/^ansi256\((\d+)\)$/.exec(color)![1]) - 16;
	const levels = [0, 95, 135, 175, 215, 255];
	const channel = (v: number) => {
		const c = v / 255;
		return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};

	const [r, g, b] = [levels[Math.floor(n / 36)]!, levels[Math.floor(n / 6) % 6]!, levels[n % 6]!];
	const luminance = (0.2126 * channel(r)) + (0.7152 * channel(g)) + (0.0722 * channel(b));
	return 1.05 / (luminance + 0.05);
}

const hues: readonly Hue[] = ['green', 'yellow', 'red', 'blue', 'cyan', 'magenta'];

describe('themes', () => {
	it('dark uses the terminal\'s own colours', () => {
		expect(hues.map(h => tint(makeTheme('dark'), h))).toEqual(hues);
	});

	it('none has no colour at all', () => {
		expect(makeTheme('none').color).toBe(false);
		expect(hues.map(h => tint(makeTheme('none'), h))).toEqual(hues.map(() => undefined));
	});

	it.each(hues)('light draws %s with at least 4.5:1 contrast on white', hue => {
		const color = tint(makeTheme('light'), hue)!;
		expect(contrastOnWhite(color)).toBeGreaterThanOrEqual(4.5);
	});

	it('a theme without hues (component tests) falls back to the names', () => {
		expect(tint({color: true}, 'red')).toBe('red');
		expect(tint({color: true}, undefined)).toBeUndefined();
	});
});
