import type {LaidOutColumn} from './columns.js';
import type {Segment, StyledLine} from './styled-line.js';
import {fit} from './text-width.js';

export type Cell = {readonly text: string; readonly color?: string; readonly dim?: boolean};

export type TableRow = {
	readonly key: string;
	readonly cells: Readonly<Record<string, Cell>>;
	readonly selected: boolean;
	readonly marked: boolean;
};

/** The bold line of column titles, indented past the mark column. */
export function titleLine(columns: readonly LaidOutColumn[]): StyledLine {
	return {style: {bold: true}, segments: [{text: '  ' + columns.map(c => fit(c.title, c.width, c.align)).join(' ')}]};
}

export function emptyLine(text: string): StyledLine {
	return {style: {dim: true}, segments: [{text: `  ${text}`}]};
}

/**
 * One row: a mark column, then each cell padded to its column's width. `color` false (NO_COLOR, or
 * the Engine out of reach) drops colours; `stale` dims the whole row; `markColor` is the mark's star.
 */
export function rowLine(row: TableRow, columns: readonly LaidOutColumn[], color: boolean, stale: boolean, markColor?: string): StyledLine {
	const segments: Segment[] = [row.marked ? {text: '* ', bold: true, ...(color && !row.selected && markColor ? {color: markColor} : {})} : {text: '  '}];
	for (const [index, column] of columns.entries()) {
		const cell = row.cells[column.id] ?? {text: ''};
		const text = fit(cell.text, column.width, column.align) + (index < columns.length - 1 ? ' ' : '');
		segments.push({text, ...(cell.color && color ? {color: cell.color} : {}), ...(cell.dim ? {dim: true} : {})});
	}

	return {style: {...(row.selected ? {inverse: true} : {}), ...(stale ? {dim: true} : {})}, segments};
}
