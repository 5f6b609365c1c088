/** A character on screen with the attributes that SGR codes gave it. */
export type Cell = {readonly char: string; readonly bold: boolean; readonly dim: boolean; readonly inverse: boolean; readonly fg?: number | string};

/**
 * Reads text with SGR codes into lines of cells, so two renderings can be compared by what a
 * terminal would show, whatever order or grouping their codes came in. Trailing blanks are dropped.
 */
export function sgrCells(text: string): Cell[][] {
	return text.split(/\r?\n/).map(line => {
		const cells: Cell[] = [];
		let style: Omit<Cell, 'char'> = {bold: false, dim: false, inverse: false};
		// eslint-disable-next-line no-control-regex
		for (const part of line.split(/(\u001B\[[\d;]*[A-Za-z])/)) {
			// eslint-disable-next-line no-control-regex
			const sgr = /^\u001B\[([\d;]*)m$/.exec(part);
			if (sgr) {
				style = apply(style, sgr[1]!);
				continue;
			}

			if (part.startsWith('\u001B')) {
				continue;
			}

			for (const char of part) {
				cells.push({char, ...style});
			}
		}

		while (cells.length > 0 && cells.at(-1)!.char === ' ' && !cells.at(-1)!.inverse) {
			cells.pop();
		}

		return cells;
	});
}

function apply(style: Omit<Cell, 'char'>, params: string): Omit<Cell, 'char'> {
	let next = {...style};
	const codes = (params === '' ? '0' : params).split(';').map(Number);
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 38 && codes[index + 1] === 5) {
			next.fg = `256:${codes[index + 2]!}`;
			index += 2;
		} else if (code === 0) {
			next = {bold: false, dim: false, inverse: false};
		} else if (code === 1) {
			next.bold = true;
		} else if (code === 2) {
			next.dim = true;
		} else if (code === 22) {
			next.bold = false;
			next.dim = false;
		} else if (code === 7) {
			next.inverse = true;
		} else if (code === 27) {
			next.inverse = false;
		} else if (code === 39) {
			delete next.fg;
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			next.fg = code;
		}
	}

	return next;
}
