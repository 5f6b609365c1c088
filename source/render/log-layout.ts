import stringWidth from 'string-width';
import type {Matcher} from '../core/query.js';
import {stripSgr} from '../core/sanitize-log.js';
import type {LogLine} from '../core/log-line.js';

// eslint-disable-next-line no-control-regex
const tokens = /\u001B\[[0-9;:]*m|[\s\S]/gu;
// eslint-disable-next-line no-control-regex
const reset = /^\u001B\[0*m$/;
const ascii = /^[\u0020-\u007E]$/;

/**
 * Cuts a line that may hold SGR codes into screen rows of at most `width` columns. With wrap, every
 * piece becomes a row and each row starts with the colours still in force; without, the line is cut
 * to one row ending in `~`. Rows that carry colour end with a reset, so none leaks into the next.
 */
export function cutRows(text: string, width: number, wrap: boolean): string[] {
	const w = Math.max(2, width);
	if (/^[\u0020-\u007E]*$/.test(text)) {
		if (text.length <= w) {
			return [text];
		}

		if (!wrap) {
			return [text.slice(0, w - 1) + '~'];
		}

		const rows = [];
		for (let i = 0; i < text.length; i += w) {
			rows.push(text.slice(i, i + w));
		}

		return rows;
	}

	const rows: string[] = [];
	let active = '';
	let row = '';
	let used = 0;
	let coloured = false;
	const pieces = text.match(tokens) ?? [];
	const total = pieces.reduce((sum, piece) => sum + (piece.startsWith('\u001B[') && piece.length > 1 ? 0 : width1(piece)), 0);
	const limit = !wrap && total > w ? w - 1 : w;
	for (const piece of pieces) {
		if (piece.length > 1 && piece.startsWith('\u001B[')) {
			active = reset.test(piece) ? '' : active + piece;
			row += piece;
			coloured = true;
			continue;
		}

		const cells = width1(piece);
		if (used + cells > limit) {
			if (!wrap) {
				break;
			}

			rows.push(coloured ? `${row}\u001B[0m` : row);
			row = active;
			coloured = active !== '';
			used = 0;
		}

		row += piece;
		used += cells;
	}

	if (!wrap && total > w) {
		row += '~';
	}

	rows.push(coloured ? `${row}\u001B[0m` : row);
	return rows;
}

function width1(char: string): number {
	return ascii.test(char) ? 1 : stringWidth(char);
}

export type RowOptions = {
	readonly timestamps: boolean;
	readonly search?: Matcher;
	readonly current?: number;
	readonly color: boolean;
	/** A merged log's prefix for a line: its container's name in its colour (issue 16 item 2). */
	readonly prefix?: (line: LogLine) => string;
};

/** Formats 2026-01-02T03:04:05.678901Z as 2026-01-02 03:04:05.678. */
export function shortTime(time: string): string {
	const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?/.exec(time);
	return match ? `${match[1]} ${match[2]}.${(match[3] ?? '').padEnd(3, '0')}` : time.slice(0, 23);
}

/**
 * One log line as drawn: a two-column gutter (`>` on the current match, `!` on stderr), the time
 * when asked, and the text with search matches in inverse video. A matching line is drawn without
 * its own colours, so the highlight shows. A later piece of a line cut at maxLineLength (`piece`)
 * leaves the time blank: the line has one time, its first piece's (issue 12).
 */
export function decorate(line: LogLine, options: RowOptions, piece = false): string {
	const mark = line.seq === options.current ? '>' : ' ';
	const err = line.stream === 'stderr' ? (options.color ? '\u001B[31m!\u001B[39m' : '!') : ' ';
	const time = options.timestamps && line.time ? (piece ? ' '.repeat(shortTime(line.time).length + 1) : `\u001B[2m${shortTime(line.time)}\u001B[22m `) : '';
	let {text} = line;
	if (options.search?.ok) {
		const plain = stripSgr(text);
		const ranges = options.search.ranges(plain);
		if (ranges.length > 0) {
			text = '';
			let at = 0;
			for (const [start, end] of ranges) {
				text += `${plain.slice(at, start)}\u001B[7m${plain.slice(start, end)}\u001B[27m`;
				at = end;
			}

			text += plain.slice(at);
		}
	}

	const prefix = options.prefix?.(line) ?? '';
	return `${mark}${err}${time}${prefix}${text}`;
}

/** The rows on screen: from `top` down while paused, from the newest line up while following. */
export function layoutWindow(lines: readonly LogLine[], top: number, follow: boolean, height: number, width: number, wrap: boolean, options: RowOptions): Array<{key: string; text: string}> {
	const rowsOf = (index: number) => {
		const line = lines[index]!;
		const before = lines[index - 1];
		const piece = before?.continues === true && before.stream === line.stream;
		return cutRows(decorate(line, options, piece), width, wrap).map((text, i) => ({key: `${line.seq}:${i}`, text}));
	};
	const out: Array<{key: string; text: string}> = [];
	if (follow) {
		for (let i = lines.length - 1; i >= 0 && out.length < height; i--) {
			out.unshift(...rowsOf(i));
		}

		return out.slice(-height);
	}

	for (let i = top; i < lines.length && out.length < height; i++) {
		out.push(...rowsOf(i));
	}

	return out.slice(0, height);
}

// Foreground colours a merged log gives its containers in turn: cyan, yellow, green, magenta, blue,
// then the bright ones (red is left out: stderr's mark is red).
const sourceColors = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

/**
 * The prefix of a merged log's line: its container's name padded to the longest and a bar, as
 * `docker compose logs` does, in the container's colour. Under NO_COLOR the padded name and the bar
 * still tell the containers apart. `prefixes` is by source id (store/merged-log-state.ts).
 */
export function sourcePrefix(prefixes: ReadonlyMap<string, {readonly text: string; readonly hue: number}>, color: boolean): (line: LogLine) => string {
	return line => {
		const found = line.source === undefined ? undefined : prefixes.get(line.source);
		if (!found) {
			return '';
		}

		return color ? `\u001B[${sourceColors[found.hue % sourceColors.length]}m${found.text}\u001B[39m ` : `${found.text} `;
	};
}
