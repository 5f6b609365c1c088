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

export function applyTextEdit(value: TextValue, edit: TextEdit): TextValue {
	const {text, cursor} = value;
	switch (edit.kind) {
		case 'insert': {
			return {text: text.slice(0, cursor) + edit.text + text.slice(cursor), cursor: cursor + edit.text.length};
		}

		case 'backspace': {
			return cursor === 0 ? value : {text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1};
		}

		case 'delete': {
			return cursor >= text.length ? value : {text: text.slice(0, cursor) + text.slice(cursor + 1), cursor};
		}

		case 'left': {
			return {text, cursor: Math.max(0, cursor - 1)};
		}

		case 'right': {
			return {text, cursor: Math.min(text.length, cursor + 1)};
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
