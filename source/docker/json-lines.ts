import type {Readable} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';

/** Yields each JSON document of a newline-delimited stream; chunks may split or join documents. */
export async function * jsonLines<T>(stream: Readable): AsyncGenerator<T> {
	let buffer = '';
	// A UTF-8 character may straddle two chunks: the decoder holds its first bytes back.
	const decoder = new StringDecoder('utf8');
	for await (const chunk of stream) {
		buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
		let newline = buffer.indexOf('\n');
		while (newline !== -1) {
			const line = buffer.slice(0, newline).trim();
			buffer = buffer.slice(newline + 1);
			if (line) {
				yield JSON.parse(line) as T;
			}

			newline = buffer.indexOf('\n');
		}
	}

	const rest = (buffer + decoder.end()).trim();
	if (rest) {
		yield JSON.parse(rest) as T;
	}
}
