/** A search or filter as typed: a plain string, or /re/ for a regular expression. */
export type Matcher =
	| {readonly ok: true; readonly test: (text: string) => boolean; readonly ranges: (text: string) => Array<[number, number]>}
	| {readonly ok: false; readonly error: string};

/**
 * Compiles what the person typed. Plain text matches case-insensitively unless it has a capital
 * (smart case, as in less and vim). `/re/` is a regular expression, with the same smart case; a bad
 * one gives a message, never a throw.
 */
export function compileQuery(query: string): Matcher {
	const regex = query.length >= 2 && query.startsWith('/') && query.endsWith('/');
	const source = regex ? query.slice(1, -1) : query.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const flags = /[A-Z]/.test(regex ? source.replaceAll(/\\./g, '') : query) ? 'g' : 'gi';
	let re: RegExp;
	try {
		re = new RegExp(source, flags);
	} catch (error) {
		return {ok: false, error: `bad regex ${query}: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`};
	}

	return {
		ok: true,
		test(text) {
			re.lastIndex = 0;
			return re.test(text);
		},
		ranges(text) {
			const out: Array<[number, number]> = [];
			re.lastIndex = 0;
			for (let m = re.exec(text); m; m = re.exec(text)) {
				if (m[0].length === 0) {
					// An empty match (/x*/) would loop for ever; step over it.
					re.lastIndex++;
					continue;
				}

				out.push([m.index, m.index + m[0].length]);
			}

			return out;
		},
	};
}
