import {StringDecoder} from 'node:string_decoder';
import type {OutputLine} from '../core/output-line.js';
import {sanitizeLine} from './sanitize.js';

type Stream = 'stdout' | 'stderr';

/** Tabs to the next multiple of 8, as a terminal shows them. */
function expandTabs(text: string): string {
	if (!text.includes('\t')) {
		return text;
	}

	let column = 0;
	let result = '';
	for (const char of text) {
		if (char === '\t') {
			const spaces = 8 - (column % 8);
			result += ' '.repeat(spaces);
			column += spaces;
		} else {
			result += char;
			column++;
		}
	}

	return result;
}

/**
 * Turns a command's output bytes into lines safe to draw: split per stream on newlines (a chunk may
 * end mid-line or mid-character), invalid UTF-8 as U+FFFD, a carriage return keeping what was written
 * last (progress bars), every control and escape sequence removed, and any line longer than
 * `maxLine` cut into pieces, so a megabyte without a newline never becomes one huge row.
 */
export class OutputLines {
	private readonly decoders: Record<Stream, StringDecoder> = {stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8')};
	private readonly partial: Record<Stream, string> = {stdout: '', stderr: ''};

	constructor(private readonly maxLine = 2000) {}

	push(stream: Stream, data: Uint8Array): OutputLine[] {
		const text = this.partial[stream] + this.decoders[stream].write(data);
		const lines: OutputLine[] = [];
		let start = 0;
		for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
			this.emit(lines, stream, text.slice(start, newline));
			start = newline + 1;
		}

		// A long line still without its newline goes out in full pieces now; the rest waits.
		while (text.length - start >= this.maxLine) {
			const cut = this.cutAt(text, start);
			this.emit(lines, stream, text.slice(start, cut));
			start = cut;
		}

		this.partial[stream] = text.slice(start);
		return lines;
	}

	/** What is left once the command has ended: a last line without a newline. */
	end(): OutputLine[] {
		const lines: OutputLine[] = [];
		for (const stream of ['stdout', 'stderr'] as const) {
			const rest = this.partial[stream] + this.decoders[stream].end();
			this.partial[stream] = '';
			if (rest) {
				this.emit(lines, stream, rest);
			}
		}

		return lines;
	}

	private emit(lines: OutputLine[], stream: Stream, raw: string): void {
		let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		const overwrite = text.lastIndexOf('\r');
		if (overwrite !== -1) {
			text = text.slice(overwrite + 1);
		}

		text = sanitizeLine(expandTabs(text));
		let start = 0;
		do {
			const cut = this.cutAt(text, start);
			const piece = text.slice(start, cut);
			lines.push(stream === 'stderr' ? {text: piece, stderr: true} : {text: piece});
			start = cut;
		} while (start < text.length);
	}

	/** Where the piece from `start` ends: maxLine on, never between the two halves of a surrogate pair. */
	private cutAt(text: string, start: number): number {
		const end = start + this.maxLine;
		if (end >= text.length) {
			return text.length;
		}

		const code = text.charCodeAt(end - 1);
		return code >= 0xD8_00 && code <= 0xDB_FF ? end - 1 : end;
	}
}
