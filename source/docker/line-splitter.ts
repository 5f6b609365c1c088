import type {LogStream, RawLine} from '../core/log-line.js';
export type {RawLine} from '../core/log-line.js';
import {type SanitizeOptions, sanitizeLogLine} from '../core/sanitize-log.js';


/** A line longer than this (characters) without a newline is cut into pieces of this size. */
export const maxLineLength = 8192;

const timestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) $/;

/**
 * Turns the bytes of one stream into sanitised lines. Bytes are decoded as UTF-8 with
 * TextDecoder (fatal false, stream true): a character split across chunks is joined, invalid bytes
 * become U+FFFD. Text is held until its newline, so an escape sequence split across chunks (a lone
 * ESC at a chunk's end) is seen whole and removed whole. A line that grows past maxLineLength is cut.
 */
export class LineSplitter {
	private readonly decoder = new TextDecoder('utf-8', {fatal: false});
	private partial = '';
	/** The timestamp of a line that was cut: its later pieces carry it too. */
	private partialTime: string | undefined;

	constructor(private readonly stream: LogStream, private readonly options: SanitizeOptions & {readonly timestamps: boolean}) {}

	push(data: Uint8Array): RawLine[] {
		return this.take(this.decoder.decode(data, {stream: true}), false);
	}

	/** The rest, when the stream ends: a last line without newline still shows. */
	end(): RawLine[] {
		return this.take(this.decoder.decode(), true);
	}

	private take(text: string, end: boolean): RawLine[] {
		const lines: RawLine[] = [];
		const buffer = this.partial + text;
		// Scan by index: slicing the rest after every line would copy it once per line.
		let start = 0;
		let newline = buffer.indexOf('\n');
		while (newline !== -1) {
			lines.push(this.make(buffer.slice(start, newline), true));
			start = newline + 1;
			newline = buffer.indexOf('\n', start);
		}

		while (buffer.length - start > maxLineLength) {
			// Never between the two halves of a surrogate pair.
			const high = buffer.charCodeAt(start + maxLineLength - 1);
			const cut = high >= 0xD8_00 && high <= 0xDB_FF ? maxLineLength - 1 : maxLineLength;
			lines.push(this.make(buffer.slice(start, start + cut), false));
			start += cut;
		}

		this.partial = buffer.slice(start);
		if (end && this.partial) {
			lines.push(this.make(this.partial, true));
			this.partial = '';
		}

		return lines;
	}

	private make(raw: string, complete: boolean): RawLine {
		let text = raw;
		let time = this.partialTime;
		if (this.options.timestamps && time === undefined) {
			// A cheap shape check first: this runs for every line of a firehose, the regex only to confirm.
			const space = text.indexOf(' ');
			if (space >= 20 && space <= 35 && text.charCodeAt(4) === 45 && text.charCodeAt(10) === 84 && timestamp.test(text.slice(0, space + 1))) {
				time = text.slice(0, space);
				text = text.slice(space + 1);
			}
		}

		this.partialTime = complete ? undefined : time;
		const line: RawLine = time === undefined ? {stream: this.stream, text: sanitizeLogLine(text, this.options)} : {stream: this.stream, time, text: sanitizeLogLine(text, this.options)};
		return complete ? line : {...line, continues: true};
	}
}
