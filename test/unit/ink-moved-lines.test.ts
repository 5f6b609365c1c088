import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
// Ink's renderer as tsdtop patches it (scripts/patches): the package does not export this file.
import logUpdate from '../../node_modules/ink/build/log-update.js';
import {ScreenModel} from '../helpers/screen-model.js';

const width = 60;
const height = 24;

/** Ink's incremental renderer writing into a model of a 60x24 screen, counting the bytes. */
function terminal() {
	const screen = new ScreenModel(width, height);
	let bytes = 0;
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			bytes += chunk.length;
			screen.write(chunk.toString('utf8'));
			done();
		},
	});
	const render = logUpdate.create(stream, {incremental: true});
	return {
		screen,
		draw(lines: readonly string[]) {
			const before = bytes;
			render(lines.join('\n'));
			return bytes - before;
		},
	};
}

/** A frame as tsdtop draws one: a header, `rows` of a list from `top`, the selected one styled, a footer. */
function listFrame(top: number, selected: number, rows = 18): string[] {
	const lines = [`\u001B[1mtsdtop\u001B[22m  ${top + 1}-${top + rows} of 500`, 'NAME        STATE'];
	for (let i = top; i < top + rows; i++) {
		const text = `row-${String(i).padStart(3, '0')}     running  up 3 minutes`;
		lines.push(i === selected ? `\u001B[7m${text}\u001B[27m` : text);
	}

	lines.push('j/k move  q quit');
	return lines;
}

const plain = (lines: readonly string[]) => [...lines.map(line => line.replaceAll(/\u001B\[[\d;]*m/g, '')), ...Array.from({length: height - lines.length}, () => '')];

describe('Ink renderer patch: lines that moved are moved by the terminal', () => {
	it('scrolls a list by one row with a delete and an insert, writing only the rows that changed', () => {
		const {screen, draw} = terminal();
		draw(listFrame(0, 17));
		const down = draw(listFrame(1, 18));
		expect(screen.text()).toEqual(plain(listFrame(1, 18)));
		// Header, the row that lost the highlight, the new last row: not all 18 rows (about 700 bytes).
		expect(down).toBeLessThan(250);
		const up = draw(listFrame(0, 0));
		expect(screen.text()).toEqual(plain(listFrame(0, 0)));
		expect(up).toBeLessThan(250);
	});

	it('follows a log that gained lines: they scroll up and only the new ones are written', () => {
		const {screen, draw} = terminal();
		const log = (last: number) => ['logs of web', ...Array.from({length: 20}, (_, i) => `line ${last - 19 + i} GET /index.html 200`), 'f follow  / search'];
		draw(log(100));
		const bytes = draw(log(103));
		expect(screen.text()).toEqual(plain(log(103)));
		expect(bytes).toBeLessThan(200);
	});

	it('shows every frame exactly, whatever moved, changed or repeated (1,000 random frames)', () => {
		let seed = 7;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		const {screen, draw} = terminal();
		const count = 20;
		let lines = Array.from({length: count}, (_, i) => `line ${i}`);
		let next = count;
		draw(lines);
		for (let frame = 0; frame < 1000; frame++) {
			const kind = random();
			const k = 1 + Math.floor(random() * 6);
			const from = Math.floor(random() * count);
			const to = Math.min(count, from + 3 + Math.floor(random() * count));
			const block = lines.slice(from, to);
			const fresh = () => (random() < 0.2 ? '' : `line ${next++}`);
			if (kind < 0.35) {
				// A block moves up by k: fresh lines enter at its bottom.
				lines.splice(from, to - from, ...block.slice(k), ...Array.from({length: Math.min(k, block.length)}, fresh));
			} else if (kind < 0.7) {
				// A block moves down by k: fresh lines enter at its top.
				lines.splice(from, to - from, ...Array.from({length: Math.min(k, block.length)}, fresh), ...block.slice(0, Math.max(0, block.length - k)));
			} else if (kind < 0.85) {
				lines[from] = fresh();
			} else if (kind < 0.95) {
				// Repeated lines, which match in more than one place.
				lines.fill(lines[from]!, from, to);
			}

			lines = lines.slice(0, count);
			draw(lines);
			expect(screen.text(), `frame ${frame}`).toEqual(plain(lines));
		}
	});
});
