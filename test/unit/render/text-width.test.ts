import {describe, expect, it} from 'vitest';
import {fit, textWidth, truncate} from '../../../source/render/text-width.js';

describe('textWidth', () => {
	it.each([
		['', 0],
		['nginx', 5],
		['日本', 4],
		['数据库容器', 10],
		['🐳', 2],
		['a🐳b', 4],
		['👨‍👩‍👧', 2],
		['🇯🇵', 2],
		['café', 4],
		['e\u0301', 1],
		['…', 1],
	])('textWidth(%j) is %i', (text, width) => {
		expect(textWidth(text)).toBe(width);
	});
});

describe('truncate', () => {
	it.each<[string, number, string]>([
		['nginx', 10, 'nginx'],
		['nginx', 5, 'nginx'],
		['nginx', 4, 'ngi~'],
		['nginx', 1, '~'],
		['nginx', 0, ''],
		['nginx', -3, ''],
		['', 3, ''],
		['日本語テキスト', 14, '日本語テキスト'],
		['日本語テキスト', 5, '日本~'],
		// A wide character never straddles the edge: one column is left empty instead.
		['日本語テキスト', 4, '日~'],
		['日本語', 2, '~'],
		['🐳🐳🐳', 5, '🐳🐳~'],
		['🐳🐳🐳', 4, '🐳~'],
		['a🐳b', 3, 'a~'],
	])('truncate(%j, %i) is %j', (text, width, expected) => {
		expect(truncate(text, width)).toBe(expected);
	});

	it('never exceeds the width, for any width', () => {
		const samples = ['a-very-long-container-name', '数据库容器数据库容器', 'mix日本🐳text', '🐳🐳🐳🐳🐳', 'café résumé'];
		for (const text of samples) {
			for (let width = 0; width <= textWidth(text) + 2; width++) {
				const cut = truncate(text, width);
				expect(textWidth(cut), `${text} @ ${width}`).toBeLessThanOrEqual(width);
				if (textWidth(text) > width && width > 0) {
					expect(cut.endsWith('~'), `${text} @ ${width}`).toBe(true);
				}
			}
		}
	});
});

describe('fit', () => {
	it.each<[string, number, 'left' | 'right' | undefined, string]>([
		['web', 6, undefined, 'web   '],
		['web', 6, 'left', 'web   '],
		['web', 6, 'right', '   web'],
		['nginx', 5, 'left', 'nginx'],
		['nginx-proxy', 6, 'left', 'nginx~'],
		['nginx-proxy', 6, 'right', 'nginx~'],
		['日本', 6, 'left', '日本  '],
		['日本', 6, 'right', '  日本'],
		['日本語', 4, 'left', '日~ '],
		['🐳', 3, 'right', ' 🐳'],
		['', 3, 'left', '   '],
		['abc', 0, 'left', ''],
	])('fit(%j, %i, %s) is %j', (text, width, align, expected) => {
		expect(fit(text, width, align)).toBe(expected);
	});

	it('always fills exactly the width, wide characters included', () => {
		for (const text of ['x', 'container', '数据库容器数据库', '🐳🐳🐳🐳', 'a日b🐳c']) {
			for (let width = 1; width <= 20; width++) {
				expect(textWidth(fit(text, width)), `${text} @ ${width}`).toBe(width);
				expect(textWidth(fit(text, width, 'right')), `${text} @ ${width}`).toBe(width);
			}
		}
	});
});
