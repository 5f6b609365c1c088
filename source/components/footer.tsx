import {Text} from 'ink';
import {bindingsFor, displayKey, type Scope} from '../keys/keymap.js';

/** Key hints for what has focus, from the keymap's `hint` labels. */
export function Footer({scopes}: {readonly scopes: readonly Scope[]}) {
	const hints = bindingsFor(scopes).filter(b => b.hint).map(b => `${b.keys.slice(0, 2).map(k => displayKey(k)).join('/')} ${b.hint!}`);
	return <Text wrap="truncate" dimColor>{hints.join('  ')}</Text>;
}
