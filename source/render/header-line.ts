import type {ConnectionStatus} from '../core/connection-status.js';
import type {PaneId} from '../core/types.js';
import {sanitizeLine} from './sanitize.js';
import type {Segment, StyledLine} from './styled-line.js';
import {truncate} from './text-width.js';
import {type Theme, tint} from './theme.js';

/** A pane's tab, in the order of the number keys that show them (store/list-panes.ts lists them). */
export type PaneTab = {
	readonly id: PaneId;
	readonly title: string;
	/** The number key that shows it, when not its place in the row (the Swarm panes: 6 and 7). */
	readonly key?: string;
};

export type HeaderInput = {
	readonly host: string;
	/** How the Engine was picked ("via --host"), shown after its name. */
	readonly origin?: string;
	readonly version?: string;
	/** What the Engine calls itself: Podman's /version names Podman. */
	readonly product?: string;
	readonly status: ConnectionStatus;
	readonly pane: PaneId;
	readonly tabs: readonly PaneTab[];
	readonly counts?: {readonly running: number; readonly paused: number; readonly stopped: number; readonly total: number};
	readonly readOnly: boolean;
	readonly columns: number;
	readonly theme: Theme;
};

/** Engine, connection state, counts and the pane tabs, on one line that fits `columns`. */
export function headerLine({host, origin, version, product, status, pane, tabs: paneTabs, counts, readOnly, columns, theme}: HeaderInput): StyledLine {
	const versionText = version ? `, ${product ?? 'Engine'} ${sanitizeLine(version)}` : '';
	const paused = counts && counts.paused > 0 ? `, ${counts.paused} paused` : '';
	const countText = counts ? `${counts.running} running${paused}, ${counts.stopped} stopped, ${counts.total} total` : '';
	const hostText = sanitizeLine(host);
	// Which Engine and how it was picked (--host, DOCKER_HOST, a context...), so a surprise shows.
	const originText = origin ? ` ${origin}` : '';
	const fixed = 'tsdtop '.length + (readOnly ? ' READ-ONLY'.length : 0) + 2 + countText.length + 2;
	// Issue 12: the Engine's address was cut at 120 columns while the tabs kept their names. What gives
	// way, in turn, when the line is short: the names of the panes not shown (their number keys stay;
	// below 110 columns they never show), the Engine's version, how it was picked. The address is cut last.
	const layouts = [[columns >= 110, originText + versionText], [false, originText + versionText], [false, originText], [false, '']] as const;
	const fits = ([named, extra]: (typeof layouts)[number]) => fixed + tabsWidth(tabsFor(paneTabs, pane, named)) + hostText.length + extra.length <= columns;
	const [named, extra] = layouts.find(layout => fits(layout)) ?? layouts.at(-1)!;
	const tabs = tabsFor(paneTabs, pane, named);
	// Cut by us so that the line stays plain ASCII for Ink.
	const engineText = truncate(hostText + extra, Math.max(0, columns - fixed - tabsWidth(tabs)));
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

/**
 * The pane tabs: each with its number key, named when `named` (the focused one always is). A tab
 * without its name is its number and one space: with five panes and more, the address keeps its room.
 */
function tabsFor(paneTabs: readonly PaneTab[], pane: PaneId, named: boolean): Array<{readonly id: PaneId; readonly text: string}> {
	return paneTabs.map(({id, title, key}, index) => ({id, text: named || id === pane ? ` ${key ?? index + 1} ${title} ` : ` ${key ?? index + 1}`}));
}

function tabsWidth(tabs: ReadonlyArray<{readonly text: string}>): number {
	return tabs.reduce((sum, tab) => sum + tab.text.length, 0);
}
