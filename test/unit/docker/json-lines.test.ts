import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {eachLine, jsonLines} from '../../../source/docker/json-lines.js';

type Doc = {readonly id: number; readonly text?: string};

async function collect<T>(chunks: ReadonlyArray<string | Uint8Array>): Promise<T[]> {
	const out: T[] = [];
	for await (const document of jsonLines<T>(Readable.from(chunks))) {
		out.push(document);
	}

	return out;
}

describe('jsonLines', () => {
	it.each<[string, string[], Doc[]]>([
		['one document per chunk', ['{"id":1}\n', '{"id":2}\n'], [{id: 1}, {id: 2}]],
		['several documents in one chunk', ['{"id":1}\n{"id":2}\n{"id":3}\n'], [{id: 1}, {id: 2}, {id: 3}]],
		['a document split across chunks', ['{"id":', '1,"text":"he', 'llo"}\n'], [{id: 1, text: 'hello'}]],
		['split and joined at once', ['{"id":1}\n{"i', 'd":2}\n{"id":3}\n{', '"id":4}\n'], [{id: 1}, {id: 2}, {id: 3}, {id: 4}]],
		['a split right after the newline', ['{"id":1}\n', '', '{"id":2}\n'], [{id: 1}, {id: 2}]],
		['a split right before the newline', ['{"id":1}', '\n{"id":2}', '\n'], [{id: 1}, {id: 2}]],
		['a last document without a newline', ['{"id":1}\n{"id":2}'], [{id: 1}, {id: 2}]],
		['blank lines and CRLF', ['\n{"id":1}\r\n\r\n', '  \n{"id":2}\r\n'], [{id: 1}, {id: 2}]],
		['one byte at a time', [...'{"id":1}\n{"id":2}\n'], [{id: 1}, {id: 2}]],
		['nothing', [], []],
	])('%s', async (_name, chunks, expected) => {
		expect(await collect<Doc>(chunks)).toEqual(expected);
	});

	it('reads Buffer chunks as the Engine sends them', async () => {
		const chunks = [Buffer.from('{"id":1}\n{"id"'), Buffer.from(':2}\n')];
		expect(await collect<Doc>(chunks)).toEqual([{id: 1}, {id: 2}]);
	});

	it('keeps a multi-byte character that a chunk boundary splits', async () => {
		// Labels and image names in events can be any UTF-8; HTTP chunks split bytes, not characters.
		const bytes = Buffer.from('{"id":1,"text":"日本🐳"}\n');
		const cut = bytes.indexOf(Buffer.from('本')) + 1;
		const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 3), bytes.subarray(cut + 3)];
		expect(await collect<Doc>(chunks)).toEqual([{id: 1, text: '日本🐳'}]);
	});

	it('throws on a line that is not JSON', async () => {
		await expect(collect(['{"id":1}\nnot json\n'])).rejects.toThrow(SyntaxError);
	});

	it('yields the first documents before the stream ends', async () => {
		const stream = new Readable({read() {}});
		const iterator = jsonLines<Doc>(stream);
		stream.push('{"id":1}\n{"id":');
		await expect(iterator.next()).resolves.toEqual({value: {id: 1}, done: false});
		stream.push('2}\n');
		stream.push(null);
		await expect(iterator.next()).resolves.toEqual({value: {id: 2}, done: false});
		await expect(iterator.next()).resolves.toEqual({value: undefined, done: true});
	});
});

describe('eachLine', () => {
	it('hands over each line unparsed, split and joined across chunks, and settles at the end', async () => {
		const lines: string[] = [];
		await eachLine(Readable.from(['{"id":1}\n{"i', 'd":2}\r\n\n  \n{"id":', '3}']), line => lines.push(line));
		expect(lines).toEqual(['{"id":1}', '{"id":2}', '{"id":3}']);
	});

	it('keeps a UTF-8 character split across chunks whole', async () => {
		const bytes = Buffer.from('{"n":"é"}\n');
		const lines: string[] = [];
		await eachLine(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), line => lines.push(line));
		expect(lines).toEqual(['{"n":"é"}']);
	});

	it('resolves when the stream closes and rejects when it breaks', async () => {
		const closing = new Readable({read() {}});
		const closed = eachLine(closing, () => {});
		closing.destroy();
		await expect(closed).resolves.toBeUndefined();

		const broken = new Readable({read() {}});
		const failing = eachLine(broken, () => {});
		broken.destroy(new Error('socket hang up'));
		await expect(failing).rejects.toThrow('socket hang up');
	});
});
