import {describe, expect, it} from 'vitest';
import {escapeThenKey, splitChunk} from '../../../source/keys/split-chunk.js';
import {normalizeKey} from '../../../source/keys/remap.js';

describe('splitChunk', () => {
	it('splits keys typed back to back, Enter and Esc included', () => {
		expect(splitChunk('/web\r')).toEqual([['/', {}], ['w', {}], ['e', {}], ['b', {}], ['', {return: true}]]);
		expect(splitChunk('\u001Bj')).toEqual([['', {escape: true}], ['j', {}]]);
	});
});

// Esc then a key, in one read: what Ink emits for it, and what tsdtop makes of it.
describe('escapeThenKey', () => {
	it.each<[string, string, ReturnType<typeof escapeThenKey>]>([
		['Esc then / (Ink hands useInput a plain "/")', '\u001B/', [['', {escape: true}], ['/', {}]]],
		['Esc then ?', '\u001B?', [['', {escape: true}], ['?', {}]]],
		['Esc then j (Ink: meta+j)', '\u001Bj', [['', {escape: true}], ['j', {}]]],
		['Esc then G', '\u001BG', [['', {escape: true}], ['G', {}]]],
		['Esc then a digit', '\u001B2', [['', {escape: true}], ['2', {}]]],
		['Esc then space', '\u001B ', [['', {escape: true}], [' ', {}]]],
		['Esc then Esc', '\u001B\u001B', [['', {escape: true}], ['', {escape: true}]]],
		['Esc then a non-ASCII letter', '\u001Bé', [['', {escape: true}], ['é', {}]]],
		['a lone Esc is Ink\'s to report', '\u001B', undefined],
		['an arrow key', '\u001B[A', undefined],
		['Alt+Up', '\u001B\u001B[A', undefined],
		['Alt+Backspace (ESC DEL)', '\u001B\u007F', undefined],
		['Esc then Ctrl+C is left to Ink', '\u001B\u0003', undefined],
		['a plain key', '/', undefined],
		['a chunk of keys', 'jjj', undefined],
	])('%s', (_name, sequence, expected) => {
		expect(escapeThenKey(sequence)).toEqual(expected);
	});

	it('holds because no Alt key can be bound: the config refuses one', () => {
		expect(normalizeKey('alt+x')).toHaveProperty('problem');
		expect(normalizeKey('meta+/')).toHaveProperty('problem');
	});
});
