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

const colorCodes: Readonly<Record<string, number>> = {
	black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37,
	gray: 90, grey: 90, blackBright: 90, redBright: 91, greenBright: 92, yellowBright: 93,
	blueBright: 94, magentaBright: 95, cyanBright: 96, whiteBright: 97,
};

export function plainText(line: StyledLine): string {
	return line.segments.map(segment => segment.text).join('');
}

/**
 * The line as SGR-coded text, for writing straight to the terminal. The text must already be cut to
 * the screen's width and be free of control characters (render/sanitize), as Ink's would be.
 */
export function toAnsi(line: StyledLine): string {
	let out = '';
	for (const segment of line.segments) {
		if (segment.text === '') {
			continue;
		}

		const codes = sgrCodes({
			// As Ink nests Text: the line's bold, dim and inverse cover every segment, colours nest.
			bold: segment.bold || line.style?.bold,
			dim: segment.dim || line.style?.dim,
			inverse: segment.inverse || line.style?.inverse,
			color: segment.color ?? line.style?.color,
		});
		out += codes.length > 0 ? `\u001B[${codes.join(';')}m${segment.text}\u001B[0m` : segment.text;
	}

	return out;
}

function sgrCodes(style: Style): number[] {
	const codes: number[] = [];
	if (style.bold) {
		codes.push(1);
	}

	if (style.dim) {
		codes.push(2);
	}

	if (style.inverse) {
		codes.push(7);
	}

	const color = style.color ? colorCodes[style.color] : undefined;
	if (color !== undefined) {
		codes.push(color);
	}

	return codes;
}
