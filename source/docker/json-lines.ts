import type {Readable} from 'node:stream';

/** Yields each JSON document of a newline-delimited stream; chunks may split or join documents. */
export async function * jsonLines<T>(stream: Readable): AsyncGenerator<T> {
	let buffer = '';
	for await (const chunk of stream) {
		buffer += typeof chunk === 'string' ? chunk : (chunk as Uint8Array).toString();
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

	const rest = buffer.trim();
	if (rest) {
		yield JSON.parse(rest) as T;
	}
}
