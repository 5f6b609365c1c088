import {confirmLayout} from '../render/confirm-layout.js';
import {describeConfirm} from '../render/confirm-text.js';
import {truncate} from '../render/text-width.js';
import type {ConfirmRequest} from '../core/confirm.js';
import {bindingsFor, type Command, displayKey, keyLabel, type Scope} from './keymap.js';

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

const choiceCommand = {y: 'confirm.yes', f: 'confirm.force', v: 'confirm.volumes'} as const;
const scrollCommands: ReadonlySet<Command> = new Set(['scroll.up', 'scroll.down', 'scroll.pageUp', 'scroll.pageDown', 'scroll.top', 'scroll.bottom']);

/**
 * The commands a confirmation accepts (issue 12 item 13: the footer offered f and y where they did
 * nothing): its choices, no, u where it switches the list, and scrolling when the list scrolls.
 */
export function confirmAccepts(request: ConfirmRequest, room: number): (command: Command) => boolean {
	const text = describeConfirm(request);
	const accepted = new Set<Command>(['confirm.no', ...text.choices.map(c => choiceCommand[c.key])]);
	if (request.action === 'image-prune') {
		accepted.add('confirm.allUnused');
	}

	if (confirmLayout(text, request.typeToConfirm !== undefined, room).rows < text.lines.length) {
		for (const command of scrollCommands) {
			accepted.add(command);
		}
	}

	return command => accepted.has(command);
}

/**
 * The footer of a dialog that wants a word typed: there every printable key is text, so only Enter,
 * Esc and the keys that are not letters work (the confirmtype scope's keys: y or j would be typed).
 */
export function typingFooter(request: ConfirmRequest, room: number, width: number): string {
	const text = describeConfirm(request);
	const scrolls = confirmLayout(text, true, room).rows < text.lines.length;
	const label = (command: Command) => keyLabel(command, 'confirmtype');
	const scroll = scrolls ? `  ${label('scroll.pageUp')}/${label('scroll.pageDown')} scroll` : '';
	return truncate(`type ${request.typeToConfirm ?? ''}  ${label('confirmtype.apply')} remove  ${label('confirmtype.cancel')} cancel${scroll}`, width);
}
