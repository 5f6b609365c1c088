import {Text} from 'ink';
import {useAppState} from '../hooks/use-app-state.js';
import {confirmAccepts, footerText, typingFooter} from '../keys/hints.js';
import type {Scope} from '../keys/keymap.js';
import {sanitizeLine} from '../render/sanitize.js';
import {selectMarkSummary, tableHeight} from '../store/selectors.js';

/** Key hints for what has focus, from the keymap's `hint` labels, after the count of marks. */
export function Footer({scopes, readOnly = false, width}: {readonly scopes: readonly Scope[]; readonly readOnly?: boolean; readonly width: number}) {
	// Issue 12 item 9: marks outlive the filter, so the count stays in sight even when they are hidden.
	const marked = useAppState(selectMarkSummary);
	const request = useAppState(s => (s.ui.overlay?.kind === 'confirm' ? s.ui.overlay.request : undefined));
	// The room the dialog has, as app.tsx gives it: the table's lines and its title.
	const room = useAppState(tableHeight) + 1;
	if (request?.typeToConfirm !== undefined) {
		return <Text wrap="truncate" dimColor>{sanitizeLine(typingFooter(request, room, width))}</Text>;
	}

	const options = {...(marked ? {prefix: marked} : {}), ...(request ? {accepts: confirmAccepts(request, room)} : {})};
	return <Text wrap="truncate" dimColor>{footerText(scopes, readOnly, width, options)}</Text>;
}
