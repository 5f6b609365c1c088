/** The colours tsdtop uses, by meaning of the name: green good, yellow under way, red bad... */
export type Hue = 'green' | 'yellow' | 'red' | 'blue' | 'cyan' | 'magenta';

export type ThemeName = 'dark' | 'light' | 'none';
export const themeNames: readonly ThemeName[] = ['dark', 'light', 'none'];

export type Theme = {
	/** False under NO_COLOR, --no-color or theme "none": no colours at all, only bold, dim and inverse. */
	readonly color: boolean;
	/** What each hue is drawn as; absent means the terminal's own colour of that name. */
	readonly hues?: Readonly<Record<Hue, string>>;
};

// On a white background the terminal's yellow, cyan and green are pale to unreadable (xterm's yellow
// is #cdcd00): the 256-colour cube's darker ones instead, each well over 4.5:1 contrast on white.
const light: Readonly<Record<Hue, string>> = {
	green: 'ansi256(28)', yellow: 'ansi256(130)', red: 'ansi256(124)', blue: 'ansi256(19)', cyan: 'ansi256(24)', magenta: 'ansi256(90)',
};

export function makeTheme(name: ThemeName): Theme {
	switch (name) {
		case 'none': return {color: false};
		case 'light': return {color: true, hues: light};
		default: return {color: true};
	}
}

/** The colour to draw a hue in, or undefined for none (no colour in this theme). */
export function tint(theme: Theme, hue: Hue | undefined): string | undefined {
	if (!theme.color || hue === undefined) {
		return undefined;
	}

	return theme.hues?.[hue] ?? hue;
}
