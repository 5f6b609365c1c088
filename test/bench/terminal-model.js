// What the terminal shows, cell by cell, with reverse video: enough of the VT100 set that Ink and
// tsdtop's first paint write (text, CR/LF, cursor moves, erase in line and display, insert and
// delete lines, SGR 7/27/0) to tell which row is drawn selected. Reading the raw output for "reverse
// video, then a name" is not enough: Ink 8 rewrites a changed line from its first changed column, so
// a key that scrolls the list may write only `8 running ...` over a row that said `bench-0037`.

export class TerminalModel {
	constructor(columns, rows) {
		this.columns = columns;
		this.height = rows;
		this.rows = Array.from({length: rows}, () => this.blankRow());
		this.row = 0;
		this.col = 0;
		this.inverse = false;
		this.pending = '';
	}

	/** Feeds output as written; a sequence cut between two chunks waits for the rest. */
	write(data) {
		const text = this.pending + data;
		this.pending = '';
		let i = 0;
		while (i < text.length) {
			const char = text[i];
			if (char === '\u001B') {
				const length = this.escape(text, i);
				if (length === 0) {
					this.pending = text.slice(i);
					return;
				}

				i += length;
				continue;
			}

			if (char === '\r') {
				this.col = 0;
			} else if (char === '\n') {
				this.lineFeed();
			} else if (char >= ' ') {
				if (this.col < this.columns) {
					this.rows[this.row][this.col] = {char, inverse: this.inverse};
					this.col++;
				}
			}

			i++;
		}
	}

	/** The rows as plain text. */
	text() {
		return this.rows.map(cells => cells.map(cell => cell.char).join('').trimEnd());
	}

	/** The name matching `pattern` (global) whose first cell is drawn in reverse video, last on screen. */
	selected(pattern) {
		let name;
		for (const cells of this.rows) {
			const line = cells.map(cell => cell.char).join('');
			for (const match of line.matchAll(pattern)) {
				if (cells[match.index].inverse) {
					name = match[0];
				}
			}
		}

		return name;
	}

	blankRow() {
		return Array.from({length: this.columns}, () => ({char: ' ', inverse: false}));
	}

	lineFeed() {
		if (this.row === this.height - 1) {
			this.rows.shift();
			this.rows.push(this.blankRow());
		} else {
			this.row++;
		}
	}

	/** Applies the escape sequence at `i`; returns its length, or 0 if the text ends inside it. */
	escape(text, i) {
		const next = text[i + 1];
		if (next === undefined) {
			return 0;
		}

		if (next === '[') {
			let end = i + 2;
			while (end < text.length && !(text[end] >= '@' && text[end] <= '~')) {
				end++;
			}

			if (end >= text.length) {
				return 0;
			}

			this.csi(text.slice(i + 2, end), text[end]);
			return end + 1 - i;
		}

		if (next === ']') {
			// OSC: up to BEL or ST.
			const bel = text.indexOf('\u0007', i);
			const st = text.indexOf('\u001B\\', i);
			const ends = [bel === -1 ? Infinity : bel + 1, st === -1 ? Infinity : st + 2];
			const end = Math.min(...ends);
			return end === Infinity ? 0 : end - i;
		}

		if (next === '(' || next === ')') {
			return i + 2 < text.length ? 3 : 0;
		}

		return 2;
	}

	csi(parameters, final) {
		if (parameters.startsWith('?') || parameters.startsWith('>')) {
			if (final === 'h' && parameters === '?1049') {
				this.clear();
			}

			return;
		}

		const numbers = parameters === '' ? [] : parameters.split(';').map(Number);
		const n = Math.max(numbers[0] || 1, 1);
		switch (final) {
			case 'A': {
				this.row = Math.max(this.row - n, 0);
				break;
			}

			case 'B': {
				this.row = Math.min(this.row + n, this.height - 1);
				break;
			}

			case 'C': {
				this.col = Math.min(this.col + n, this.columns - 1);
				break;
			}

			case 'D': {
				this.col = Math.max(this.col - n, 0);
				break;
			}

			case 'E': {
				this.row = Math.min(this.row + n, this.height - 1);
				this.col = 0;
				break;
			}

			case 'F': {
				this.row = Math.max(this.row - n, 0);
				this.col = 0;
				break;
			}

			case 'G': {
				this.col = Math.min(n - 1, this.columns - 1);
				break;
			}

			case 'H':
			case 'f': {
				this.row = Math.min(Math.max((numbers[0] || 1) - 1, 0), this.height - 1);
				this.col = Math.min(Math.max((numbers[1] || 1) - 1, 0), this.columns - 1);
				break;
			}

			case 'J': {
				this.eraseDisplay(numbers[0] || 0);
				break;
			}

			case 'K': {
				this.eraseLine(numbers[0] || 0);
				break;
			}

			case 'L': {
				const count = Math.min(n, this.height - this.row);
				this.rows.splice(this.height - count, count);
				this.rows.splice(this.row, 0, ...Array.from({length: count}, () => this.blankRow()));
				break;
			}

			case 'M': {
				const count = Math.min(n, this.height - this.row);
				this.rows.splice(this.row, count);
				this.rows.push(...Array.from({length: count}, () => this.blankRow()));
				break;
			}

			case 'm': {
				this.sgr(numbers.length === 0 ? [0] : numbers);
				break;
			}

			default:
		}
	}

	sgr(numbers) {
		for (let index = 0; index < numbers.length; index++) {
			const code = numbers[index];
			if (code === 0) {
				this.inverse = false;
			} else if (code === 7) {
				this.inverse = true;
			} else if (code === 27) {
				this.inverse = false;
			} else if (code === 38 || code === 48 || code === 58) {
				// Extended colour: 5;n or 2;r;g;b follow and are not codes of their own.
				index += numbers[index + 1] === 5 ? 2 : 4;
			}
		}
	}

	eraseLine(mode) {
		const cells = this.rows[this.row];
		const [from, to] = mode === 1 ? [0, this.col + 1] : (mode === 2 ? [0, this.columns] : [this.col, this.columns]);
		for (let col = from; col < Math.min(to, this.columns); col++) {
			cells[col] = {char: ' ', inverse: false};
		}
	}

	eraseDisplay(mode) {
		if (mode === 2 || mode === 3) {
			this.clear(false);
			return;
		}

		this.eraseLine(mode === 1 ? 1 : 0);
		const [from, to] = mode === 1 ? [0, this.row] : [this.row + 1, this.height];
		for (let row = from; row < to; row++) {
			this.rows[row] = this.blankRow();
		}
	}

	clear(home = true) {
		this.rows = Array.from({length: this.height}, () => this.blankRow());
		if (home) {
			this.row = 0;
			this.col = 0;
		}
	}
}
