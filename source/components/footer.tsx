import {Text} from 'ink';
import {footerText} from '../keys/hints.js';
import type {Scope} from '../keys/keymap.js';

/** Key hints for what has focus, from the keymap's `hint` labels. */
export function Footer({scopes, readOnly = false, width}: {readonly scopes: readonly Scope[]; readonly readOnly?: boolean; readonly width: number}) {
	return <Text wrap="truncate" dimColor>{footerText(scopes, readOnly, width)}</Text>;
}
