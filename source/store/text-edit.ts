/** Pure line editing for the filter box: every key is applied to the latest value, so none is lost. */
export type TextValue = {readonly text: string; readonly cursor: number};

export type TextEdit =
	| {readonly kind: 'insert'; readonly text: string}
	| {readonly kind: 'backspace'}
	| {readonly kind: 'delete'}
	| {readonly kind: 'left'}
	| {readonly kind: 'right'}
	| {readonly kind: 'home'}
	| {readonly kind: 'end'}
	| {readonly kind: 'deleteWord'}
	| {readonly kind: 'clear'};

// The cursor counts UTF-16 units; these step over a whole surrogate pair, so an emoji is one character.
const isLow = (code: number | undefined) => code !== undefined && code >= 0xDC_00 && code <= 0xDF_FF;
const isHigh = (code: number | undefined) => code !== undefined && code >= 0xD8_00 && code <= 0xDB_FF;

function previous(text: string, cursor: number): number {
	return cursor >= 2 && isLow(text.charCodeAt(cursor - 1)) && isHigh(text.charCodeAt(cursor - 2)) ? cursor - 2 : Math.max(0, cursor - 1);
}

function next(text: string, cursor: number): number {
	return isHigh(text.charCodeAt(cursor)) && isLow(text.charCodeAt(cursor + 1)) ? cursor + 2 : Math.min(text.length, cursor + 1);
}

export function applyTextEdit(value: TextValue, edit: TextEdit): TextValue {
	const {text, cursor} = value;
	switch (edit.kind) {
		case 'insert': {
			return {text: text.slice(0, cursor) + edit.text + text.slice(cursor), cursor: cursor + edit.text.length};
		}

		case 'backspace': {
			const start = previous(text, cursor);
			return cursor === 0 ? value : {text: text.slice(0, start) + text.slice(cursor), cursor: start};
		}

		case 'delete': {
			return cursor >= text.length ? value : {text: text.slice(0, cursor) + text.slice(next(text, cursor)), cursor};
		}

		case 'left': {
			return {text, cursor: previous(text, cursor)};
		}

		case 'right': {
			return {text, cursor: next(text, cursor)};
		}

		case 'home': {
			return {text, cursor: 0};
		}

		case 'end': {
			return {text, cursor: text.length};
		}

		case 'deleteWord': {
			const before = text.slice(0, cursor).replace(/\S*\s*$/, '');
			return {text: before + text.slice(cursor), cursor: before.length};
		}

		case 'clear': {
			return {text: '', cursor: 0};
		}
	}
}
