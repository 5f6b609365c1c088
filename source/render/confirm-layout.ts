import type {ConfirmText} from './confirm-types.js';

/** How a confirmation fits the lines it has: which of its target lines show, and what the dialog says about the rest. */
export type ConfirmLayout = {
	/** Lines the dialog takes, border included. */
	readonly height: number;
	/** Target lines on screen. */
	readonly rows: number;
	/** The first target line on screen, clamped so the last page is full. */
	readonly scroll: number;
	/** "rows 1-12 of 19; 1.2 GB in all": shown when the targets scroll, or when there is a total. */
	readonly info?: string;
};

/**
 * Lays a confirmation out in `room` lines. Every target stays reachable: when they do not all fit,
 * the dialog scrolls and says which rows are shown (issue 12 item 7: "... and 4 more" named nothing).
 */
export function confirmLayout(text: ConfirmText, typing: boolean, room: number, scroll = 0): ConfirmLayout {
	// Border (2), title, the choices (or the typing instruction), the notes, and the typed word.
	const fixed = 4 + (text.note ? 1 : 0) + (text.volumeNote ? 1 : 0) + (typing ? 1 : 0);
	const total = text.lines.length;
	const fits = total <= room - fixed;
	const withInfo = !fits || text.total !== undefined;
	const rows = Math.min(total, fits ? total : Math.max(1, room - fixed - 1));
	const top = Math.min(Math.max(0, scroll), Math.max(0, total - rows));
	const parts = [...(rows < total ? [`rows ${top + 1}-${top + rows} of ${total}`] : []), ...(text.total ? [text.total] : [])];
	return {height: Math.min(room, fixed + rows + (withInfo ? 1 : 0)), rows, scroll: top, ...(parts.length > 0 ? {info: parts.join('; ')} : {})};
}
