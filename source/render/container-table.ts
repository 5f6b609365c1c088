import type {Sort} from '../core/sort.js';
import type {Container, ContainerStats} from '../core/types.js';
import {fitToContent, layoutColumns, type LaidOutColumn, markSorted} from './columns.js';
import {type ContainerColumnId, containerCells, containerContentWidths, pickColumns} from './container-row.js';
import {stateColor} from './state-color.js';
import type {TableRow} from './table-lines.js';
import {type Theme, tint} from './theme.js';

export type ContainerWindow = {
	readonly stats: Readonly<Record<string, ContainerStats>>;
	readonly pending: Readonly<Record<string, string>>;
	readonly selectedId?: string;
	readonly marks: ReadonlySet<string>;
	readonly theme: Theme;
};

/** The Containers table's columns (those chosen, in their order) for `width`, sized to what the rows hold. */
export function containerTableColumns(chosen: readonly ContainerColumnId[], contentWidths: ReturnType<typeof containerContentWidths>, width: number, sort?: Sort): LaidOutColumn[] {
	return layoutColumns(fitToContent(markSorted(pickColumns(chosen), sort), contentWidths), Math.max(20, width - 2));
}

/** The rows on screen as table rows: cells, the state's colour, selection and marks. */
export function containerTableRows(visible: readonly Container[], {stats, pending, selectedId, marks, theme}: ContainerWindow): TableRow[] {
	return visible.map(container => {
		const label = pending[container.id];
		const cells = containerCells(container, stats[container.id], label);
		const selected = container.id === selectedId;
		// Under inverse video a coloured cell becomes a solid block: the selected row stays plain.
		const stateColour = selected ? undefined : tint(theme, stateColor(container, label));
		return {
			key: container.id,
			selected,
			marked: marks.has(container.id),
			cells: {
				...Object.fromEntries(Object.entries(cells).map(([id, text]) => [id, {text}])),
				state: {text: cells.state, ...(stateColour ? {color: stateColour} : {})},
				status: {text: cells.status, dim: !selected},
			},
		};
	});
}

/** What the table says when it has no rows. */
export function containerEmptyText(loaded: boolean, filtered: boolean, showAll: boolean): string {
	if (!loaded) {
		return 'loading...';
	}

	return filtered ? 'no container matches the filter (Esc clears it)' : (showAll ? 'no containers' : 'no running containers (a shows stopped ones)');
}
