/** A table column: how narrow it may get, how it shares spare width, and how soon it drops out. */
export type Column<Id extends string = string> = {
	readonly id: Id;
	readonly title: string;
	readonly minWidth: number;
	/** The most it grows to; undefined grows without bound. */
	readonly maxWidth?: number;
	/** Share of spare width; 0 keeps it at minWidth. */
	readonly grow: number;
	/** 0 never drops; higher numbers drop first when the terminal is narrow. */
	readonly priority: number;
	readonly align?: 'left' | 'right';
	/** Sized by its rules alone, never to what it holds: text that changes every second (CPU) would move the columns. */
	readonly fixed?: boolean;
};

export type LaidOutColumn<Id extends string = string> = Column<Id> & {readonly width: number};

/**
 * Fits columns into `width` (one space between columns): drops the highest priority numbers until the
 * minimum widths fit, then shares what is left by `grow`. Order on screen is the order given.
 */
export function layoutColumns<Id extends string>(columns: ReadonlyArray<Column<Id>>, width: number): Array<LaidOutColumn<Id>> {
	let kept = [...columns];
	const needed = (cols: ReadonlyArray<Column<Id>>) => cols.reduce((sum, c) => sum + c.minWidth, 0) + Math.max(0, cols.length - 1);
	while (needed(kept) > width && kept.some(c => c.priority > 0)) {
		const drop = kept.reduce((worst, c) => (c.priority >= worst.priority ? c : worst));
		kept = kept.filter(c => c !== drop);
	}

	const widths = new Map(kept.map(c => [c.id, c.minWidth]));
	let spare = width - needed(kept);
	// Hand out spare columns one pass at a time so that maxWidth caps are honoured and the rest flows on.
	while (spare > 0) {
		const growing = kept.filter(c => c.grow > 0 && (c.maxWidth === undefined || widths.get(c.id)! < c.maxWidth));
		if (growing.length === 0) {
			break;
		}

		const totalGrow = growing.reduce((sum, c) => sum + c.grow, 0);
		let given = 0;
		for (const c of growing) {
			const room = c.maxWidth === undefined ? Number.POSITIVE_INFINITY : c.maxWidth - widths.get(c.id)!;
			const share = Math.min(room, Math.max(1, Math.floor((spare * c.grow) / totalGrow)), spare - given);
			if (share <= 0) {
				continue;
			}

			widths.set(c.id, widths.get(c.id)! + share);
			given += share;
		}

		if (given === 0) {
			break;
		}

		spare -= given;
	}

	return kept.map(c => ({...c, width: widths.get(c.id)!}));
}

/**
 * Fits columns to what they hold: no wider than their widest cell (or title), so width goes where
 * text is cut; a droppable column with nothing in it (no ports anywhere) is left out.
 */
export function fitToContent<Id extends string>(columns: ReadonlyArray<Column<Id>>, contentWidths: Readonly<Partial<Record<Id, number>>>): Array<Column<Id>> {
	const fitted: Array<Column<Id>> = [];
	for (const column of columns) {
		const content = contentWidths[column.id];
		if (content === undefined) {
			fitted.push(column);
			continue;
		}

		if (content === 0 && column.priority > 0) {
			continue;
		}

		const needed = Math.max(content, column.title.length);
		fitted.push({...column, minWidth: Math.min(column.minWidth, needed), maxWidth: Math.min(column.maxWidth ?? Number.POSITIVE_INFINITY, needed)});
	}

	return fitted;
}

/**
 * Marks the sorted column's title with ^ (ascending) or v (descending), ASCII like all drawn text,
 * and widens it so the mark is never cut (issue 12 item 10). No sort: the columns as they are.
 */
export function markSorted<Id extends string>(columns: ReadonlyArray<Column<Id>>, sort: {readonly column: string; readonly descending: boolean} | undefined): Array<Column<Id>> {
	return columns.map(column => {
		if (column.id !== sort?.column) {
			return column;
		}

		const title = `${column.title} ${sort.descending ? 'v' : '^'}`;
		return {...column, title, minWidth: Math.max(column.minWidth, title.length), ...(column.maxWidth === undefined ? {} : {maxWidth: Math.max(column.maxWidth, title.length)})};
	});
}
