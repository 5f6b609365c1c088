import type {ConnectionState} from '../store/state.js';
import type {PaneId} from '../types.js';
import {sanitizeLine} from './sanitize.js';
import type {Segment, StyledLine} from './styled-line.js';
import {truncate} from './text-width.js';
import {type Theme, tint} from './theme.js';

const paneTitles: ReadonlyArray<[PaneId, string]> = [['containers', 'Containers'], ['images', 'Images'], ['networks', 'Networks'], ['volumes', 'Volumes']];

export type HeaderInput = {
	readonly host: string;
	/** How the Engine was picked ("via --host"), shown after its name. */
	readonly origin?: string;
	readonly version?: string;
	/** What the Engine calls itself: Podman's /version names Podman. */
	readonly product?: string;
	readonly status: ConnectionState['status'];
	readonly pane: PaneId;
	readonly counts?: {readonly running: number; readonly paused: number; readonly stopped: number; readonly total: number};
	readonly readOnly: boolean;
	readonly columns: number;
	readonly theme: Theme;
};

/** Engine, connection state, counts and the pane tabs, on one line that fits `columns`. */
export function headerLine({host, origin, version, product, status, pane, counts, readOnly, columns, theme}: HeaderInput): StyledLine {
	// Below 110 columns only the focused pane is named; the others keep their number key.
	const wide = columns >= 110;
	const versionText = version ? `, ${product ?? 'Engine'} ${sanitizeLine(version)}` : '';
	const tabs = paneTitles.map(([id, title], index) => ({id, text: ` ${index + 1}${wide || id === pane ? ` ${title}` : ''} `}));
	const paused = counts && counts.paused > 0 ? `, ${counts.paused} paused` : '';
	const countText = counts ? `${counts.running} running${paused}, ${counts.stopped} stopped, ${counts.total} total` : '';
	// The Engine's name takes what is left, cut by us so that the line stays plain ASCII for Ink.
	const used = 'tsdtop '.length + (readOnly ? ' READ-ONLY'.length : 0) + tabs.reduce((sum, tab) => sum + tab.text.length, 0) + 2 + countText.length + 2;
	// Which Engine and how it was picked (--host, DOCKER_HOST, a context...), so a surprise shows.
	const engineText = truncate(sanitizeLine(host) + (origin ? ` ${origin}` : '') + versionText, Math.max(0, columns - used));
	const segments: Segment[] = [
		{text: 'tsdtop', bold: true, color: tint(theme, 'cyan')},
		...(readOnly ? [{text: ' READ-ONLY', bold: true, inverse: true}] : []),
		{text: ' '},
		...tabs.map(tab => (tab.id === pane ? {text: tab.text, inverse: true} : {text: tab.text, dim: true})),
		{text: '  '},
		{text: countText, dim: status !== 'connected'},
		{text: '  '},
		{text: engineText, dim: true},
	];
	return {segments};
}
