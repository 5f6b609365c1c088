import {Text} from 'ink';
import {useAppState} from '../hooks/use-app-state.js';
import {footerText} from '../keys/hints.js';
import type {Scope} from '../keys/keymap.js';
import {selectMarkSummary} from '../store/selectors.js';

/** Key hints for what has focus, from the keymap's `hint` labels, after the count of marks. */
export function Footer({scopes, readOnly = false, width}: {readonly scopes: readonly Scope[]; readonly readOnly?: boolean; readonly width: number}) {
	// Issue 12 item 9: marks outlive the filter, so the count stays in sight even when they are hidden.
	const marked = useAppState(selectMarkSummary);
	return <Text wrap="truncate" dimColor>{footerText(scopes, readOnly, width, marked ? {prefix: marked} : {})}</Text>;
}
