/**
 * Where things are in a JSON text, so that the config file's errors can name a line. JSON.parse
 * gives no positions, so this walks the (already valid) text once: for each object key and array
 * element, its path ("keys.quit[1]") and the line it starts on.
 */
export function jsonLines(text: string): ReadonlyMap<string, number> {
	type Frame = {readonly array: boolean; readonly path: string; key?: string; index: number; expectKey: boolean};
	const lines = new Map<string, number>();
	const stack: Frame[] = [];
	let line = 1;
	const valuePath = (): string => {
		const top = stack.at(-1);
		if (!top) {
			return '';
		}

		if (top.array) {
			return `${top.path}[${top.index}]`;
		}

		return top.path ? `${top.path}.${top.key ?? ''}` : top.key ?? '';
	};

	const record = () => {
		const path = valuePath();
		if (path && !lines.has(path)) {
			lines.set(path, line);
		}
	};

	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		const top = stack.at(-1);
		if (char === '\n') {
			line++;
		} else if (char === '"') {
			let end = i + 1;
			while (end < text.length && text[end] !== '"') {
				end += text[end] === '\\' ? 2 : 1;
			}

			if (top && !top.array && top.expectKey) {
				top.key = JSON.parse(text.slice(i, end + 1)) as string;
				top.expectKey = false;
			}

			record();
			i = end;
		} else if (char === '{' || char === '[') {
			record();
			stack.push({array: char === '[', path: valuePath(), index: 0, expectKey: char === '{'});
		} else if (char === '}' || char === ']') {
			stack.pop();
		} else if (char === ',' && top) {
			if (top.array) {
				top.index++;
			} else {
				top.expectKey = true;
			}
		} else if (top?.array && !/[\s:]/.test(char)) {
			record();
		}
	}

	return lines;
}

/** The line of a path, else of the nearest enclosing one that has a line. */
export function lineOf(lines: ReadonlyMap<string, number>, path: string): number | undefined {
	for (let p = path; p; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
		const found = lines.get(p);
		if (found !== undefined) {
			return found;
		}

		if (!/[.[]/.test(p)) {
			break;
		}
	}

	return undefined;
}

/** JSON.parse's complaint with the line it is on. Node 20 gives "at position N" for some errors only. */
export function jsonSyntaxProblem(text: string, error: Error): {readonly line: number; readonly message: string} {
	const position = /at position (\d+)/.exec(error.message);
	const offset = position ? Number(position[1]) : errorOffset(text);
	const line = text.slice(0, offset).split('\n').length;
	const message = error.message
		.replace(/\s*in JSON at position \d+.*$/s, '')
		.replace(/, ".*" is not valid JSON$/s, '')
		.replace(/\s*\(line \d+ column \d+\)$/, '');
	return {line, message};
}

/**
 * Where a JSON text first goes wrong, for errors that do not say ("Unexpected token 'l', ..."):
 * the shortest start of the text that already fails for a reason other than ending too soon.
 */
function errorOffset(text: string): number {
	const failsEarly = (length: number): boolean => {
		try {
			JSON.parse(text.slice(0, length));
			return false;
		} catch (error) {
			const {message} = error as Error;
			const position = /at position (\d+)/.exec(message);
			return !message.includes('Unexpected end of JSON input') && (!position || Number(position[1]) < length);
		}
	};

	let low = 0;
	let high = text.length;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (failsEarly(middle)) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}

	return Math.max(0, low - 1);
}
