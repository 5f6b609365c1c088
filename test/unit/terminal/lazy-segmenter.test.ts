import {afterEach, describe, expect, test} from 'vitest';
import {lazySegmenter} from '../../../source/terminal/lazy-segmenter.js';

const Original = Intl.Segmenter;
const writable = Intl as {Segmenter: typeof Intl.Segmenter};
let built = 0;

// Counts the ICU segmenters built while a test runs.
function countSegmenters(): void {
	built = 0;
	writable.Segmenter = class extends Original {
		constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
			super(...args);
			built++;
		}
	};
}

afterEach(() => {
	writable.Segmenter = Original;
});

const cut = (text: string) => [...lazySegmenter().segment(text)].map(({segment, index}) => [segment, index]);
const icuCut = (text: string) => [...new Original().segment(text)].map(({segment, index}) => [segment, index]);

// The text-width modules Ink uses get this segmenter in the bundle (scripts/bundle-plugins.js, issue 15).
describe('lazySegmenter', () => {
	test.each([
		'web-1   Up 3 minutes   0.0%',
		'\u001B[7m selected \u001B[27m',
		'tab\there',
		'',
		'line\r\nnext',
		'naïve café',
		'👍🏽 and 🇫🇷',
		'한국어',
	])('cuts %j as ICU does', text => {
		expect(cut(text)).toEqual(icuCut(text));
	});

	test('containing() answers as ICU does, in and out of range', () => {
		for (const text of ['abc', 'a\u0301bc']) {
			for (const index of [-1, 0, 1, 2, 3, 4]) {
				const mine = lazySegmenter().segment(text).containing(index);
				const icu = new Original().segment(text).containing(index);
				expect(mine && {segment: mine.segment, index: mine.index}).toEqual(icu && {segment: icu.segment, index: icu.index});
			}
		}
	});

	test('ASCII text never builds ICU\'s segmenter; the first other text builds one, once', () => {
		countSegmenters();
		const segmenter = lazySegmenter(undefined, {granularity: 'grapheme'});
		expect(cut('plain ASCII, with \u001B[1mescapes\u001B[22m').length).toBeGreaterThan(0);
		expect([...segmenter.segment('web-10')].length).toBe(6);
		expect(built).toBe(0);
		expect([...segmenter.segment('é')]).toHaveLength(1);
		expect([...segmenter.segment('ü and ö')]).toHaveLength(7);
		expect(built).toBe(1);
	});

	test('word granularity is ICU\'s', () => {
		expect([...lazySegmenter('en', {granularity: 'word'}).segment('two words')].map(s => s.segment)).toEqual(['two', ' ', 'words']);
	});
});
