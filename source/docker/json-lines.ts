import type {Readable} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';

/**
 * Splits a byte stream into trimmed, non-empty lines: chunks may split or join lines, and a UTF-8
 * character may straddle two chunks (the decoder holds its first bytes back).
 */
function lineTaker(onLine: (line: string) => void): {write(chunk: Buffer | string): void; end(): void} {
	let buffer = '';
	const decoder = new StringDecoder('utf8');
	const take = (text: string) => {
		buffer += text;
		let newline = buffer.indexOf('\n');
		while (newline !== -1) {
			const line = buffer.slice(0, newline).trim();
			buffer = buffer.slice(newline + 1);
			if (line) {
				onLine(line);
			}

			newline = buffer.indexOf('\n');
		}
	};

	return {
		write: chunk => {
			take(typeof chunk === 'string' ? chunk : decoder.write(chunk));
		},
		end: () => {
			take(`${decoder.end()}\n`);
		},
	};
}

/** Yields each JSON document of a newline-delimited stream. */
export async function * jsonLines<T>(stream: Readable): AsyncGenerator<T> {
	let lines: string[] = [];
	const taker = lineTaker(line => lines.push(line));
	for await (const chunk of stream) {
		taker.write(chunk as Buffer | string);
		for (const line of lines) {
			yield JSON.parse(line) as T;
		}

		lines = [];
	}

	taker.end();
	for (const line of lines) {
		yield JSON.parse(line) as T;
	}
}

/**
 * Calls `onLine` with each line of a stream as it arrives, unparsed, and settles when the stream
 * ends (rejects when it breaks). Cheaper than jsonLines for a stream whose
 * documents are mostly dropped: stats send one a second per container, the screen shows one a
 * refresh, and no promise is made per document.
 */
export async function eachLine(stream: Readable, onLine: (line: string) => void): Promise<void> {
	const taker = lineTaker(onLine);
	await new Promise<void>((resolve, reject) => {
		stream.on('data', (chunk: Buffer | string) => {
			taker.write(chunk);
		});
		stream.once('error', reject);
		stream.once('end', () => {
			taker.end();
			resolve();
		});
		stream.once('close', resolve);
	});
}
