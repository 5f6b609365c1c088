import chalk, {type ChalkInstance} from 'chalk';

/**
 * A line of the screen as plain data: text runs with their styles. The Ink components draw these,
 * and the first frame (first-frame.ts) writes the very same lines before Ink has loaded, so both
 * come from one place and cannot drift apart.
 */
export type Style = {
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
	/** An Ink colour name (green, red...); absent is the terminal's own. */
	readonly color?: string;
};

export type Segment = Style & {readonly text: string};

/** `style` applies to the whole line (Ink's outer Text), segments add their own on top. */
export type StyledLine = {
	readonly style?: Style;
	readonly segments: readonly Segment[];
};

export function plainText(line: StyledLine): string {
	return line.segments.map(segment => segment.text).join('');
}

/**
 * The line as SGR-coded text, for writing straight to the terminal. The text must already be cut to
 * the screen's width and be free of control characters (render/sanitize), as Ink's would be. Styled
 * with chalk, as Ink styles its Text: the same colour level (a 16-colour terminal gets the light
 * theme's 256 colours brought down the same way), so Ink's frame over this one changes nothing.
 */
export function toAnsi(line: StyledLine): string {
	let out = '';
	for (const segment of line.segments) {
		if (segment.text === '') {
			continue;
		}

		// As Ink nests Text: the line's bold, dim and inverse cover every segment, colours nest.
		let style: ChalkInstance = chalk;
		if (segment.bold || line.style?.bold) {
			style = style.bold;
		}

		if (segment.dim || line.style?.dim) {
			style = style.dim;
		}

		if (segment.inverse || line.style?.inverse) {
			style = style.inverse;
		}

		const color = segment.color ?? line.style?.color;
		const ansi256 = color ? /^ansi256\((\d+)\)$/.exec(color) : undefined;
		if (ansi256) {
			style = style.ansi256(Number(ansi256[1]));
		} else if (color && color in chalk) {
			style = (style as unknown as Record<string, ChalkInstance>)[color]!;
		}

		out += style(segment.text);
	}

	return out;
}
