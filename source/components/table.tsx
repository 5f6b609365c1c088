import {Box} from 'ink';
import {memo} from 'react';
import type {LaidOutColumn} from '../render/columns.js';
import {emptyLine, rowLine, type TableRow, titleLine} from '../render/table-lines.js';
import {StyledText} from './styled-text.js';

export type {Cell, TableRow} from '../render/table-lines.js';

type Props = {
	readonly columns: readonly LaidOutColumn[];
	/** Only the rows on screen: the caller slices the window, so 10,000 rows cost what 30 do. */
	readonly rows: readonly TableRow[];
	readonly height: number;
	readonly empty?: string;
	/** False under NO_COLOR. */
	readonly color?: boolean;
	/** The colour of a mark's star; undefined draws it plain. */
	readonly markColor?: string;
	/** The Engine is out of reach: the rows are the last known, drawn dim. */
	readonly stale?: boolean;
};

/**
 * A windowed table: one Text line per row, cells padded to the laid-out widths. Replaces ink-table,
 * which does not load with Ink 6 or 8 and renders every row (see readme.md).
 */
export function Table({columns, rows, height, empty, color = true, markColor, stale = false}: Props) {
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<StyledText line={titleLine(columns)}/>
			{rows.length === 0 && empty ? <StyledText line={emptyLine(empty)}/> : null}
			{rows.map(row => <Row key={row.key} row={row} columns={columns} color={color && !stale} markColor={markColor} stale={stale}/>)}
		</Box>
	);
}

const Row = memo(function Row({row, columns, color, markColor, stale}: {readonly row: TableRow; readonly columns: readonly LaidOutColumn[]; readonly color: boolean; readonly markColor: string | undefined; readonly stale: boolean}) {
	return <StyledText line={rowLine(row, columns, color, stale, markColor)}/>;
}, (a, b) => a.columns === b.columns && a.color === b.color && a.markColor === b.markColor && a.stale === b.stale && a.row.selected === b.row.selected && a.row.marked === b.row.marked && sameCells(a.row.cells, b.row.cells));

function sameCells(a: TableRow['cells'], b: TableRow['cells']): boolean {
	for (const id in a) {
		if (a[id]!.text !== b[id]?.text || a[id]!.color !== b[id]?.color || a[id]!.dim !== b[id]?.dim) {
			return false;
		}
	}

	return true;
}
