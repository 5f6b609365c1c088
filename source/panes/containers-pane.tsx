import {useMemo} from 'react';
import {type TableRow, Table} from '../components/table.js';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {layoutColumns} from '../render/columns.js';
import {containerCells, containerColumns} from '../render/container-row.js';
import {stateColor} from '../render/state-color.js';
import {selectRows, tableHeight} from '../store/selectors.js';

/** The Containers table: renders the visible window of the state, never calls the Engine. */
export function ContainersPane() {
	const {theme} = useServices();
	const rows = useAppState(selectRows);
	const height = useAppState(tableHeight);
	const scrollTop = useAppState(s => s.ui.scrollTop);
	const selectedId = useAppState(s => s.ui.selectedId);
	const marks = useAppState(s => s.ui.marks);
	const stats = useAppState(s => s.stats);
	const pending = useAppState(s => s.pending);
	const width = useAppState(s => s.ui.viewport.columns);
	const loaded = useAppState(s => s.containers !== undefined);
	const showAll = useAppState(s => s.ui.showAll);
	const filtered = useAppState(s => s.ui.filter.text !== '');

	const columns = useMemo(() => layoutColumns(containerColumns, Math.max(20, width - 2)), [width]);
	const windowRows: TableRow[] = rows.slice(scrollTop, scrollTop + height).map(container => {
		const label = pending[container.id];
		const cells = containerCells(container, stats[container.id], label);
		const color = theme.color ? stateColor(container, label) : undefined;
		return {
			key: container.id,
			selected: container.id === selectedId,
			marked: marks.has(container.id),
			cells: {
				...Object.fromEntries(Object.entries(cells).map(([id, text]) => [id, {text}])),
				state: {text: cells.state, ...(color ? {color} : {})},
				status: {text: cells.status, dim: true},
			},
		};
	});

	const empty = loaded
		? (filtered ? 'no container matches the filter (Esc clears it)' : (showAll ? 'no containers' : 'no running containers (a shows stopped ones)'))
		: 'loading...';
	return <Table columns={columns} rows={windowRows} height={height} empty={empty}/>;
}
