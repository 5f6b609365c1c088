import type {Sort} from '../core/sort.js';
import {type Column, fitToContent, type LaidOutColumn, layoutColumns, markSorted} from './columns.js';
import type {CellText, ListDescriptor, Tone} from './list-descriptor.js';
import {type Cell, emptyLine, rowLine, type TableRow, titleLine} from './table-lines.js';
import type {StyledLine} from './styled-line.js';
import {textWidth} from './text-width.js';
import {type Hue, type Theme, tint} from './theme.js';

// The one renderer of every list pane: descriptor + rows in, laid-out columns and table rows out.

const tones: Readonly<Record<Tone, {readonly hue?: Hue; readonly dim?: boolean}>> = {
	good: {hue: 'green'}, warn: {hue: 'yellow'}, bad: {hue: 'red'}, dim: {dim: true},
};

type Widths = Readonly<Record<string, number>>;

// Per item object: a list is new objects where it changed and the same ones in between, so a refresh
// of 1,000 rows measures only those that changed (the first frame and Ink's first render share them).
const measured = new WeakMap<object, WeakMap<object, {readonly context: unknown; readonly widths: Widths}>>();

function widthsOf<T extends object, C>(descriptor: ListDescriptor<T, C>, item: T, context: C, ids: readonly string[]): Widths {
	let cache = measured.get(descriptor);
	if (!cache) {
		cache = new WeakMap();
		measured.set(descriptor, cache);
	}

	const key = descriptor.widthsReadContext === false ? undefined : context;
	const entry = cache.get(item);
	if (entry && entry.context === key) {
		return entry.widths;
	}

	const cells = descriptor.cells(item, context);
	const widths = Object.fromEntries(ids.map(id => [id, textWidth(cells[id]?.text ?? '')]));
	cache.set(item, {context: key, widths});
	return widths;
}

/**
 * Widest text per column over all rows (not just the window), so columns do not jump while
 * scrolling; fixed columns are not measured. No rows: nothing measured, the columns as declared.
 */
export function contentWidths<T extends object, C>(descriptor: ListDescriptor<T, C>, rows: readonly T[], context: C): Widths {
	if (rows.length === 0) {
		return {};
	}

	const ids = descriptor.columns.filter(c => !c.fixed).map(c => c.id);
	const widest: Record<string, number> = Object.fromEntries(ids.map(id => [id, 0]));
	for (const item of rows) {
		const widths = widthsOf(descriptor, item, context, ids);
		for (const id of ids) {
			widest[id] = Math.max(widest[id]!, widths[id]!);
		}
	}

	return widest;
}

/**
 * The columns on screen for `width`: the sorted one marked, each fitted to what the rows hold, then
 * the highest priority numbers dropped until the rest fit (the mark column and a margin take 2).
 */
export function tableColumns(columns: readonly Column[], widths: Widths, width: number, sort?: Sort): LaidOutColumn[] {
	return layoutColumns(fitToContent(markSorted(columns, sort), widths), Math.max(20, width - 2));
}

/** A cell as drawn: its tone or hue as a colour, none on the selected row (inverse video would make a block of it). */
function styledCell(cell: CellText, selected: boolean, theme: Theme): Cell {
	if (selected || (cell.tone === undefined && cell.hue === undefined)) {
		return {text: cell.text};
	}

	const tone = cell.tone ? tones[cell.tone] : {};
	const color = tint(theme, cell.hue ?? tone.hue);
	return {text: cell.text, ...(color ? {color} : {}), ...(tone.dim ? {dim: true} : {})};
}

export type RowMarks = {readonly selectedId?: string; readonly marks: ReadonlySet<string>; readonly theme: Theme};

/** The rows on screen (the caller slices the window) as table rows: cells, selection and marks. */
export function tableRows<T, C>(descriptor: ListDescriptor<T, C>, visible: readonly T[], context: C, {selectedId, marks, theme}: RowMarks): TableRow[] {
	return visible.map(item => {
		const key = descriptor.key(item);
		const selected = key === selectedId;
		const cells: Record<string, Cell> = {};
		for (const [id, cell] of Object.entries(descriptor.cells(item, context))) {
			cells[id] = styledCell(cell, selected, theme);
		}

		return {key, selected, marked: marks.has(key), cells};
	});
}

/** What a list says when it has no rows. */
export function emptyText(descriptor: Pick<ListDescriptor<never, never>, 'noun' | 'showAll'>, loaded: boolean, filtered: boolean, showAll: boolean): string {
	if (!loaded) {
		return 'loading...';
	}

	if (filtered) {
		return `no ${descriptor.noun} matches the filter (Esc clears it)`;
	}

	return descriptor.showAll && !showAll ? descriptor.showAll.emptyText : `no ${descriptor.noun}s`;
}

/** The table as lines (titles, then the rows or the empty text), as the Table component draws it: for the first frame. */
export function tableLines(columns: readonly LaidOutColumn[], rows: readonly TableRow[], empty: string, theme: Theme, stale: boolean): StyledLine[] {
	const lines = [titleLine(columns)];
	if (rows.length === 0) {
		lines.push(emptyLine(empty));
	}

	for (const row of rows) {
		lines.push(rowLine(row, columns, theme.color && !stale, stale, tint(theme, 'magenta')));
	}

	return lines;
}
