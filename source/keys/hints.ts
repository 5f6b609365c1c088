import {truncate} from '../render/text-width.js';
import {bindingsFor, type Command, displayKey, type Scope} from './keymap.js';

export type FooterOptions = {
	/** Only the commands the thing in focus accepts now (a dialog without force shows no f). */
	readonly accepts?: (command: Command) => boolean;
	/** Said before the hints, e.g. "3 marked". */
	readonly prefix?: string;
};

/**
 * The footer's key hints for what has focus, from the keymap's `hint` labels, cut to `width`
 * columns with an ASCII "~": left to Ink, the cut would end in "…", and the first non-ASCII text
 * Ink measures compiles string-width's emoji pattern (about 100 ms at start-up).
 */
export function footerText(scopes: readonly Scope[], readOnly: boolean, width: number, options: FooterOptions = {}): string {
	const {accepts, prefix} = options;
	// ASCII keys first: the footer is on every frame, and plain ASCII is what Ink measures fastest.
	const hints = bindingsFor(scopes, {readOnly}).filter(b => b.hint && (!accepts || accepts(b.command))).map(b => {
		const keys = b.keys.map(k => displayKey(k));
		const ascii = keys.filter(k => /^[\u0020-\u007E]+$/.test(k));
		return `${(ascii.length > 0 ? ascii : keys).slice(0, 2).join('/')} ${b.hint!}`;
	});
	return truncate([...(prefix ? [prefix] : []), ...hints].join('  '), width);
}
