import type {InkKey} from './key-name.js';

/**
 * Ink hands over text that arrived in one read as one string: keys typed fast, a paste, or keys sent
 * before raw mode was on ("/web\r"). Splits it into single key presses so each goes through the keymap.
 */
export function splitChunk(input: string): Array<[string, InkKey]> {
	const presses: Array<[string, InkKey]> = [];
	for (const char of input) {
		switch (char) {
			case '\r':
			case '\n': {
				presses.push(['', {return: true}]);
				break;
			}

			case '\t': {
				presses.push(['', {tab: true}]);
				break;
			}

			case '\u007F':
			case '\b': {
				presses.push(['', {backspace: true}]);
				break;
			}

			case '\u001B': {
				presses.push(['', {escape: true}]);
				break;
			}

			default: {
				const code = char.codePointAt(0)!;
				if (code < 0x20) {
					// Ctrl+letter arrives as 1..26.
					presses.push([String.fromCodePoint(code + 96), {ctrl: true}]);
				} else {
					presses.push([char, {}]);
				}
			}
		}
	}

	return presses;
}

/**
 * Esc is a lone ESC byte and Alt+key is ESC then the key, so Esc typed quickly before another key
 * (or sent with it in one write, as tmux does) reaches Ink as one Alt key, and the Esc is lost: Ink
 * even hands "\x1b/" to useInput as a plain "/". tsdtop binds no Alt key (normalizeKey refuses
 * them), so ESC followed by one printable character or by a second ESC is read as Esc, then that key.
 * Returns those presses for such a sequence as Ink emitted it, else undefined (arrows and the like).
 */
export function escapeThenKey(sequence: string): Array<[string, InkKey]> | undefined {
	const [first, second, ...rest] = sequence;
	if (first !== '\u001B' || second === undefined || rest.length > 0) {
		return undefined;
	}

	const code = second.codePointAt(0)!;
	return second === '\u001B' || (code >= 0x20 && code !== 0x7F) ? splitChunk(sequence) : undefined;
}
