// Sanitising for the log pane. Unlike sanitizeLine (names, labels), SGR colour codes stay: people read
// coloured logs. Everything else that could drive the person's terminal goes: other CSI (cursor moves,
// erase, modes such as ?1049h), OSC (title, clipboard via 52, hyperlinks), DCS/SOS/PM/APC strings,
// two-byte escapes, 8-bit C1 controls, BEL, BS, and other C0 controls.

// Strings first (ESC ] P X ^ _ and their 8-bit forms), ended by BEL or ST or the end of the line, so
// a title or clipboard payload goes whole. Then CSI (ESC [ or 0x9B), then any other ESC sequence.
// eslint-disable-next-line no-control-regex
const sequences = /\u001B[\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u009C|\u001B\\|$)|(?:\u001B\[|\u009B)([0-?]*)([ -/]*)([@-~]?)|\u001B[ -/]*[0-~]?/g;
// eslint-disable-next-line no-control-regex
const plain = /^[\u0020-\u007E]*$/;
// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[[0-9;:]*m/g;

export type SanitizeOptions = {
	/** False under --no-color / NO_COLOR: SGR codes go too. */
	readonly color: boolean;
};

/**
 * Makes one log line (no newline in it) safe to draw. A carriage return inside the line acts as a
 * terminal would show it at the end: only what was written after the last CR is kept (progress bars).
 * Tabs become spaces to the next multiple of 8. Keeps SGR (colour) unless `color` is false, and
 * ends a coloured line with a reset so no colour leaks into the rest of the screen.
 */
export function sanitizeLogLine(text: string, options: SanitizeOptions): string {
	if (plain.test(text)) {
		return text;
	}

	let line = text.replace(/\r+$/, '');
	const cr = line.lastIndexOf('\r');
	if (cr !== -1) {
		line = line.slice(cr + 1);
	}

	let coloured = false;
	line = line.replace(sequences, (match, parameters: string | undefined, intermediates: string | undefined, final: string | undefined) => {
		if (options.color && final === 'm' && intermediates === '' && /^[0-9;:]*$/.test(parameters ?? '') && match.startsWith('\u001B')) {
			coloured = true;
			return match;
		}

		return '';
	});
	// The SGR codes kept above are the only ESC left; every other control goes (tabs are expanded).
	line = expandTabs(line.replace(/\u001B\[[0-9;:]*m|[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, c => (c === '\t' || (coloured && c.length > 1) ? c : '')));
	return coloured ? `${line}\u001B[0m` : line;
}

function expandTabs(line: string): string {
	if (!line.includes('\t')) {
		return line;
	}

	let out = '';
	let column = 0;
	for (const part of line.split(/(\u001B\[[0-9;:]*m|\t)/)) {
		if (part === '\t') {
			const pad = 8 - (column % 8);
			out += ' '.repeat(pad);
			column += pad;
		} else {
			out += part;
			if (!part.startsWith('\u001B')) {
				column += part.length;
			}
		}
	}

	return out;
}

/** The text a person reads: SGR codes removed (for search, filter and saving). */
export function stripSgr(text: string): string {
	return text.includes('\u001B') ? text.replace(sgr, '') : text;
}

