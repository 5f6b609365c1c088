import {Text} from 'ink';
import type {ConfirmRequest} from '../core/confirm.js';
import {confirmAccepts, footerText, typingFooter} from '../keys/hints.js';
import type {Scope} from '../keys/keymap.js';
import {sanitizeLine} from '../render/sanitize.js';

/** Key hints for what has focus, from the keymap's `hint` labels, after the count of marks. */
export type FooterProps = {
	readonly scopes: readonly Scope[];
	readonly readOnly?: boolean;
	readonly width: number;
	/** "3 marked" and such: issue 12 item 9, marks outlive the filter, so the count stays in sight. */
	readonly marked?: string;
	/** The confirmation on screen, if any, and the room its dialog has. */
	readonly request?: ConfirmRequest;
	readonly room: number;
};

export function Footer({scopes, readOnly = false, width, marked, request, room}: FooterProps) {
	if (request?.typeToConfirm !== undefined) {
		return <Text wrap="truncate" dimColor>{sanitizeLine(typingFooter(request, room, width))}</Text>;
	}

	const options = {...(marked ? {prefix: marked} : {}), ...(request ? {accepts: confirmAccepts(request, room)} : {})};
	return <Text wrap="truncate" dimColor>{footerText(scopes, readOnly, width, options)}</Text>;
}
