// The bundle gives this to the text-width modules Ink uses (string-width, wrap-ansi, cli-truncate,
// slice-ansi, @alcalzone/ansi-tokenize, Ink's line-update) in place of `new Intl.Segmenter()`, which
// each of them built at load (scripts/bundle-plugins.js). ICU's segmenter costs about 2.6 MB of RSS
// (issue 15), and Ink's output segments every line it draws: text that is all ASCII is cut here
// instead, one character a grapheme, and ICU's segmenter is built only for the first text that is not.

type Segment = {readonly segment: string; readonly index: number; readonly input: string};
type Segments = Iterable<Segment> & {containing(index?: number): Segment | undefined};

/** What those modules use of a segmenter. */
export type TextSegmenter = {
	segment(text: string): Segments;
	resolvedOptions(): Intl.ResolvedSegmenterOptions;
};

// ASCII but CR: in ASCII only CR LF is one grapheme of two characters (Unicode's rule GB3).
const simpleAscii = /^[\u0000-\u000C\u000E-\u007F]*$/;

class AsciiSegments implements Segments {
	constructor(private readonly input: string) {}

	containing(index = 0): Segment | undefined {
		const at = Math.trunc(index);
		return at >= 0 && at < this.input.length ? {segment: this.input[at]!, index: at, input: this.input} : undefined;
	}

	* [Symbol.iterator](): Iterator<Segment> {
		const {input} = this;
		for (let index = 0; index < input.length; index++) {
			yield {segment: input[index]!, index, input};
		}
	}
}

/** A grapheme segmenter that builds ICU's only when a text needs it; other granularities go to ICU's. */
export function lazySegmenter(locales?: string | readonly string[], options?: Intl.SegmenterOptions): TextSegmenter {
	let icu: Intl.Segmenter | undefined;
	const real = () => {
		icu ??= new Intl.Segmenter(locales as string | string[] | undefined, options);
		return icu;
	};

	const graphemes = (options?.granularity ?? 'grapheme') === 'grapheme';
	return {
		segment: text => (graphemes && simpleAscii.test(text) ? new AsciiSegments(text) : real().segment(text)),
		resolvedOptions: () => real().resolvedOptions(),
	};
}
