// tsdtop's own natural order, in place of `Intl.Collator('en', {numeric: true})` and `localeCompare`:
// the first ICU collator costs about 3 MB of RSS (ICU's data pages), for names that are nearly always
// ASCII (issue 15). For ASCII it orders as that collator did, so lists keep the order users saw:
// punctuation before digits before letters, case ignored (then lowercase first), digit runs compared
// as numbers (web2 < web10). Other characters come after ASCII in code-unit order (é is not placed
// next to e, as ICU would place it).

// ASCII printable characters in the collator's order; characters in one group weigh the same.
const asciiOrder = [' ', '_', '-', ',', ';', ':', '!', '?', '.', '\'', '"', '(', ')', '[', ']', '{', '}', '@', '*', '/', '\\', '&', '#', '%', '`', '^', '+', '<', '=', '>', '|', '~', '$', '0123456789'];
const letters = 'abcdefghijklmnopqrstuvwxyz';
const digitWeight = asciiOrder.length;
const otherBase = 256;

const weights = new Uint16Array(128);
for (const [index, group] of asciiOrder.entries()) {
	for (const character of group) {
		weights[character.charCodeAt(0)] = index + 1;
	}
}

for (const [index, letter] of [...letters].entries()) {
	weights[letter.charCodeAt(0)] = digitWeight + 2 + index;
	weights[letter.toUpperCase().charCodeAt(0)] = digitWeight + 2 + index;
}

function weightOf(code: number): number {
	return code < 128 ? weights[code]! : otherBase + code;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

// The end of the digit run that starts at `start`.
function digitRunEnd(text: string, start: number): number {
	let end = start;
	while (end < text.length && isDigit(text.charCodeAt(end))) {
		end++;
	}

	return end;
}

// Two digit runs by their value: leading zeros skipped, then the longer number is larger, then digit by digit.
function compareRuns(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
	while (aStart < aEnd - 1 && a.charCodeAt(aStart) === 48) {
		aStart++;
	}

	while (bStart < bEnd - 1 && b.charCodeAt(bStart) === 48) {
		bStart++;
	}

	const lengths = (aEnd - aStart) - (bEnd - bStart);
	if (lengths !== 0) {
		return lengths;
	}

	for (; aStart < aEnd; aStart++, bStart++) {
		const difference = a.charCodeAt(aStart) - b.charCodeAt(bStart);
		if (difference !== 0) {
			return difference;
		}
	}

	return 0;
}

// Equal but for case or leading zeros: the shorter first (web2 before web02), then lowercase first.
function tieBreak(a: string, b: string): number {
	if (a.length !== b.length) {
		return a.length - b.length;
	}

	for (let index = 0; index < a.length; index++) {
		const difference = b.charCodeAt(index) - a.charCodeAt(index);
		if (difference !== 0) {
			return difference;
		}
	}

	return 0;
}

/**
 * Compares two strings in natural order: case-insensitive, digit runs as numbers, punctuation before
 * digits before letters. Strings that differ only in case or leading zeros are ordered too (so a list
 * never swaps them between refreshes); only identical strings compare equal.
 */
export function naturalCompare(a: string, b: string): number {
	let ai = 0;
	let bi = 0;
	while (ai < a.length && bi < b.length) {
		const ac = a.charCodeAt(ai);
		const bc = b.charCodeAt(bi);
		if (isDigit(ac) && isDigit(bc)) {
			const aEnd = digitRunEnd(a, ai);
			const bEnd = digitRunEnd(b, bi);
			const order = compareRuns(a, ai, aEnd, b, bi, bEnd);
			if (order !== 0) {
				return order;
			}

			ai = aEnd;
			bi = bEnd;
			continue;
		}

		const order = (isDigit(ac) ? digitWeight : weightOf(ac)) - (isDigit(bc) ? digitWeight : weightOf(bc));
		if (order !== 0) {
			return order;
		}

		ai++;
		bi++;
	}

	return (a.length - ai) - (b.length - bi) || tieBreak(a, b);
}
