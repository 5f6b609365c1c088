import {describe, expect, it} from 'vitest';
import {type TextEdit, type TextValue, applyTextEdit} from '../../../source/store/text-edit.js';

/** 'ab|c' is text 'abc' with the cursor before 'c'. */
function value(marked: string): TextValue {
	const cursor = marked.indexOf('|');
	return {text: marked.replace('|', ''), cursor};
}

function show(v: TextValue): string {
	return v.text.slice(0, v.cursor) + '|' + v.text.slice(v.cursor);
}

describe('applyTextEdit', () => {
	it.each<[string, TextEdit, string]>([
		['|', {kind: 'insert', text: 'w'}, 'w|'],
		['web|', {kind: 'insert', text: '-1'}, 'web-1|'],
		['w|b', {kind: 'insert', text: 'e'}, 'we|b'],
		['|eb', {kind: 'insert', text: 'w'}, 'w|eb'],
		['ab|', {kind: 'insert', text: ''}, 'ab|'],
		['数|', {kind: 'insert', text: '据'}, '数据|'],

		['abc|', {kind: 'backspace'}, 'ab|'],
		['a|bc', {kind: 'backspace'}, '|bc'],
		['|abc', {kind: 'backspace'}, '|abc'],
		['|', {kind: 'backspace'}, '|'],

		['a|bc', {kind: 'delete'}, 'a|c'],
		['|abc', {kind: 'delete'}, '|bc'],
		['abc|', {kind: 'delete'}, 'abc|'],
		['|', {kind: 'delete'}, '|'],

		['ab|c', {kind: 'left'}, 'a|bc'],
		['|abc', {kind: 'left'}, '|abc'],
		['a|bc', {kind: 'right'}, 'ab|c'],
		['abc|', {kind: 'right'}, 'abc|'],
		['|', {kind: 'right'}, '|'],

		['ab|c', {kind: 'home'}, '|abc'],
		['|abc', {kind: 'home'}, '|abc'],
		['a|bc', {kind: 'end'}, 'abc|'],
		['abc|', {kind: 'end'}, 'abc|'],

		['nginx web|', {kind: 'deleteWord'}, 'nginx |'],
		['nginx web  |', {kind: 'deleteWord'}, 'nginx |'],
		['nginx we|b', {kind: 'deleteWord'}, 'nginx |b'],
		['nginx |web', {kind: 'deleteWord'}, '|web'],
		['web|', {kind: 'deleteWord'}, '|'],
		['|web', {kind: 'deleteWord'}, '|web'],
		['   |', {kind: 'deleteWord'}, '|'],

		['ab|c', {kind: 'clear'}, '|'],
		['|', {kind: 'clear'}, '|'],
	])('%j + %j = %j', (before, edit, after) => {
		expect(show(applyTextEdit(value(before), edit))).toBe(after);
	});

	it('returns the same value when nothing changes', () => {
		const start = value('|abc');
		expect(applyTextEdit(start, {kind: 'backspace'})).toBe(start);
		const end = value('abc|');
		expect(applyTextEdit(end, {kind: 'delete'})).toBe(end);
	});

	it('keeps the cursor within 0..text.length through any sequence of edits', () => {
		const edits: TextEdit[] = [
			{kind: 'insert', text: 'ab'}, {kind: 'left'}, {kind: 'left'}, {kind: 'left'}, {kind: 'backspace'}, {kind: 'delete'},
			{kind: 'right'}, {kind: 'right'}, {kind: 'right'}, {kind: 'insert', text: ' cd'}, {kind: 'deleteWord'}, {kind: 'home'},
			{kind: 'delete'}, {kind: 'end'}, {kind: 'backspace'}, {kind: 'clear'}, {kind: 'left'}, {kind: 'delete'}, {kind: 'backspace'},
		];
		let current: TextValue = {text: '', cursor: 0};
		for (let round = 0; round < 5; round++) {
			for (const edit of edits) {
				current = applyTextEdit(current, edit);
				expect(current.cursor).toBeGreaterThanOrEqual(0);
				expect(current.cursor).toBeLessThanOrEqual(current.text.length);
			}
		}
	});

	it('typing every key of a fast burst keeps them all, in order', () => {
		let current: TextValue = {text: '', cursor: 0};
		for (const char of 'postgres') {
			current = applyTextEdit(current, {kind: 'insert', text: char});
		}

		expect(current).toEqual({text: 'postgres', cursor: 8});
	});

	// An emoji is two UTF-16 code units: one Backspace must remove the whole character, not
	// leave half a surrogate pair in the filter (which then prints as garbage and matches nothing).
	it('removes a whole emoji with one backspace', () => {
		const typed = applyTextEdit({text: 'web', cursor: 3}, {kind: 'insert', text: '🐳'});
		const after = applyTextEdit(typed, {kind: 'backspace'});
		expect(after).toEqual({text: 'web', cursor: 3});
	});

	it('moves over a whole emoji with one left arrow', () => {
		const after = applyTextEdit({text: 'a🐳', cursor: 3}, {kind: 'left'});
		expect(after.cursor).toBe(1);
	});
});
