import {bindingsFor, displayKey, type Scope} from './keymap.js';

/** The footer's key hints for what has focus, from the keymap's `hint` labels. */
export function footerText(scopes: readonly Scope[], readOnly: boolean): string {
	// ASCII keys first: the footer is on every frame, and plain ASCII is what Ink measures fastest.
	const hints = bindingsFor(scopes, {readOnly}).filter(b => b.hint).map(b => {
		const keys = b.keys.map(k => displayKey(k));
		const ascii = keys.filter(k => /^[\u0020-\u007E]+$/.test(k));
		return `${(ascii.length > 0 ? ascii : keys).slice(0, 2).join('/')} ${b.hint!}`;
	});
	return hints.join('  ');
}
