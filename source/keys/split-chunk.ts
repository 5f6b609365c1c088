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
