import {describe, expect, it} from 'vitest';
// Ink's frame builder as tsdtop patches it (scripts/patches): the package does not export this file.
import Output from '../../node_modules/ink/build/output.js';

type Write = {x: number; y: number; text: string; transformers?: Array<(line: string, index: number) => string>};
type Frame = {width: number; height: number; writes: readonly Write[]; clip?: {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined}};

/** One frame as Ink's renderer makes it: a new Output, its writes (inside one clip if given), get(). */
function draw({width, height, writes, clip}: Frame): string {
	const output = new Output({width, height});
	if (clip) {
		output.clip(clip);
	}

	for (const {x, y, text, transformers = []} of writes) {
		output.write(x, y, text, {transformers});
	}

	if (clip) {
		output.unclip();
	}

	return output.get().output;
}

/** The frame built with nothing reusable from the frame before: one of another width comes first. */
function drawFresh(frame: Frame): string {
	draw({width: frame.width + 7, height: frame.height, writes: [{x: 0, y: 0, text: 'reset'}]});
	return draw(frame);
}

const bold = (text: string) => `\u001B[1m${text}\u001B[22m`;
const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;

// Last frame's rows are reused when a row's writes are the same; these frames each change one thing
// and must come out as the frame drawn from nothing.
describe('Ink output rows reused from the last frame', () => {
	const list = (selected: number): Write[] => [
		{x: 0, y: 0, text: bold('NAME   STATE')},
		...[0, 1, 2].map(i => ({x: 0, y: i + 1, text: i === selected ? inverse(`row-${i}  running`) : `row-${i}  running`})),
		{x: 0, y: 4, text: 'j/k move'},
	];

	it('redraws a row whose write changed, keeps the others', () => {
		const first = draw({width: 20, height: 5, writes: list(0)});
		expect(first.split('\n')[1]).toBe(inverse('row-0  running'));
		const second = draw({width: 20, height: 5, writes: list(1)});
		expect(second).toBe(drawFresh({width: 20, height: 5, writes: list(1)}));
		expect(second.split('\n')[1]).toBe('row-0  running');
		expect(second.split('\n')[2]).toBe(inverse('row-1  running'));
	});

	it('redraws a row whose text is the same and only its style changed', () => {
		draw({width: 20, height: 2, writes: [{x: 0, y: 0, text: 'same text'}]});
		const styled = draw({width: 20, height: 2, writes: [{x: 0, y: 0, text: bold('same text')}]});
		expect(styled.split('\n')[0]).toBe(bold('same text'));
	});

	it('redraws a row whose transformer now styles it differently', () => {
		const plain = (line: string) => line;
		draw({width: 20, height: 1, writes: [{x: 0, y: 0, text: 'abc', transformers: [plain]}]});
		const styled = draw({width: 20, height: 1, writes: [{x: 0, y: 0, text: 'abc', transformers: [inverse]}]});
		expect(styled).toBe(inverse('abc'));
	});

	it('redraws a row whose write moved to another column', () => {
		draw({width: 20, height: 1, writes: [{x: 0, y: 0, text: 'abc'}]});
		expect(draw({width: 20, height: 1, writes: [{x: 3, y: 0, text: 'abc'}]})).toBe('   abc');
	});

	it('empties a row that is no longer written', () => {
		draw({width: 20, height: 3, writes: [{x: 0, y: 0, text: 'a'}, {x: 0, y: 1, text: 'gone soon'}, {x: 0, y: 2, text: 'c'}]});
		expect(draw({width: 20, height: 3, writes: [{x: 0, y: 0, text: 'a'}, {x: 0, y: 2, text: 'c'}]})).toBe('a\n\nc');
	});

	it('redraws a row written over by a second write that changed', () => {
		draw({width: 20, height: 1, writes: [{x: 0, y: 0, text: 'xxxxxxxx'}, {x: 2, y: 0, text: 'ab'}]});
		expect(draw({width: 20, height: 1, writes: [{x: 0, y: 0, text: 'xxxxxxxx'}, {x: 2, y: 0, text: 'AB'}]})).toBe('xxABxxxx');
	});

	it('rebuilds every row after a resize, the cut and the padding included', () => {
		const writes: Write[] = [{x: 0, y: 0, text: 'abcdefghij'}, {x: 12, y: 1, text: 'right'}];
		draw({width: 20, height: 2, writes});
		const narrower = draw({width: 6, height: 2, writes, clip: {x1: 0, x2: 6, y1: undefined, y2: undefined}});
		expect(narrower).toBe('abcdef\n');
		expect(narrower).toBe(drawFresh({width: 6, height: 2, writes, clip: {x1: 0, x2: 6, y1: undefined, y2: undefined}}));
		expect(draw({width: 20, height: 3, writes})).toBe('abcdefghij\n            right\n');
	});

	it('keeps a multi-line write\'s rows in step when it moves down a row', () => {
		draw({width: 10, height: 4, writes: [{x: 0, y: 0, text: 'one\ntwo'}]});
		expect(draw({width: 10, height: 4, writes: [{x: 0, y: 1, text: 'one\ntwo'}]})).toBe('\none\ntwo\n');
	});

	it('matches a frame drawn from nothing over a run of random frames', () => {
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed % n;
		};

		const words = ['alpha', bold('beta'), inverse('gamma'), '漢字', 'x', '', 'δέλτα', 'two\nlines'];
		const write = (width: number, height: number) => ({x: random(width), y: random(height + 1), text: words[random(words.length)]!});
		let width = 10;
		let height = 4;
		let writes = Array.from({length: 5}, () => write(width, height));
		for (let frame = 0; frame < 300; frame++) {
			// Mostly one write changes, as a key changes a row or two; now and then the size.
			if (random(10) === 0) {
				width = 8 + random(4);
				height = 3 + random(2);
			}

			writes = writes.map((old, index) => (index === random(writes.length) ? write(width, height) : old));
			const clip = random(4) === 0 ? {x1: 1, x2: width - 1, y1: undefined, y2: undefined} : undefined;
			const drawn = draw({width, height, writes, ...(clip ? {clip} : {})});
			expect(drawn).toBe(drawFresh({width, height, writes, ...(clip ? {clip} : {})}));
		}
	});
});
