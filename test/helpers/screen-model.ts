/**
 * A small model of a terminal screen: enough of what Ink's renderer writes (text, newline, cursor
 * up/down/column/next line, erase line, insert and delete lines) to tell what the screen shows after
 * a stream of frames. SGR codes are dropped: rows hold plain text.
 */
export class ScreenModel {
	readonly rows: string[][];
	row = 0;
	col = 0;

	constructor(readonly width: number, readonly height: number) {
		this.rows = Array.from({length: height}, () => this.blank());
	}

	write(data: string): void {
		// eslint-disable-next-line no-control-regex
		for (const part of data.split(/(\u001B\[\??[\d;]*[A-Za-z])/)) {
			if (part.startsWith('\u001B[')) {
				this.control(part);
				continue;
			}

			for (const char of part) {
				if (char === '\n') {
					this.lineFeed();
					this.col = 0;
				} else if (char === '\r') {
					this.col = 0;
				} else if (this.col < this.width) {
					this.rows[this.row]![this.col] = char;
					this.col++;
				}
			}
		}
	}

	text(): string[] {
		return this.rows.map(cells => cells.join('').trimEnd());
	}

	private blank(): string[] {
		return Array.from({length: this.width}, () => ' ');
	}

	private lineFeed(): void {
		if (this.row === this.height - 1) {
			this.rows.shift();
			this.rows.push(this.blank());
		} else {
			this.row++;
		}
	}

	private control(sequence: string): void {
		const final = sequence.at(-1)!;
		const parameter = sequence.slice(2, -1);
		if (parameter.startsWith('?') || final === 'm') {
			return;
		}

		// A missing or zero count means one, as in a real terminal.
		const n = Math.max(1, Number(parameter || '1'));
		switch (final) {
			case 'A': {
				this.row = Math.max(0, this.row - n);
				break;
			}

			case 'B': {
				this.row = Math.min(this.height - 1, this.row + n);
				break;
			}

			case 'E': {
				this.row = Math.min(this.height - 1, this.row + n);
				this.col = 0;
				break;
			}

			case 'G': {
				this.col = Math.min(this.width - 1, n - 1);
				break;
			}

			case 'K': {
				const from = parameter === '2' ? 0 : (parameter === '1' ? -1 : this.col);
				const cells = this.rows[this.row]!;
				for (let x = 0; x < this.width; x++) {
					if ((from === -1 && x <= this.col) || (from >= 0 && x >= from)) {
						cells[x] = ' ';
					}
				}

				break;
			}

			case 'L': {
				const count = Math.min(n, this.height - this.row);
				this.rows.splice(this.height - count, count);
				this.rows.splice(this.row, 0, ...Array.from({length: count}, () => this.blank()));
				this.col = 0;
				break;
			}

			case 'M': {
				const count = Math.min(n, this.height - this.row);
				this.rows.splice(this.row, count);
				this.rows.push(...Array.from({length: count}, () => this.blank()));
				this.col = 0;
				break;
			}

			case 'H': {
				const [y = 1, x = 1] = parameter.split(';').map(Number);
				this.row = Math.min(this.height - 1, Math.max(0, y - 1));
				this.col = Math.min(this.width - 1, Math.max(0, x - 1));
				break;
			}

			case 'J': {
				const rows = parameter === '2' || parameter === '3' ? this.rows.keys() : [...this.rows.keys()].filter(y => y > this.row);
				for (const y of rows) {
					this.rows[y] = this.blank();
				}

				break;
			}

			default: {
				throw new Error(`the screen model does not know ${JSON.stringify(sequence)}`);
			}
		}
	}
}
