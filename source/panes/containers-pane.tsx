import {useMemo} from 'react';
import {type TableRow, Table} from '../components/table.js';
import {useServices} from '../contexts/app-context.js';
import {tint} from '../render/theme.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useListWindow} from '../hooks/use-list-window.js';
import {fitToContent, layoutColumns} from '../render/columns.js';
import {containerCells, containerContentWidths, pickColumns} from '../render/container-row.js';
import {stateColor} from '../render/state-color.js';
import {selectRows} from '../store/selectors.js';

/**
 * The Containers table: renders the visible window of the state, never calls the Engine.
 * `height` shortens it (under a dialog), keeping the selected row in view.
 */
export function ContainersPane({height: shorter, width: narrower}: {readonly height?: number; readonly width?: number} = {}) {
	const {theme} = useServices();
	const rows = useAppState(selectRows);
	const {height, scrollTop, selectedId, marks, filtered} = useListWindow(shorter);
	const stale = useAppState(s => s.connection.status === 'disconnected');
	const stats = useAppState(s => s.stats);
	const pending = useAppState(s => s.pending);
	const screenWidth = useAppState(s => s.ui.viewport.columns);
	const width = narrower ?? screenWidth;
	const loaded = useAppState(s => s.containers !== undefined);
	const showAll = useAppState(s => s.ui.showAll);

	const chosen = useAppState(s => s.config.containerColumns);
	const contentWidths = useMemo(() => containerContentWidths(rows), [rows]);
	const columns = useMemo(() => layoutColumns(fitToContent(pickColumns(chosen), contentWidths), Math.max(20, width - 2)), [chosen, width, contentWidths]);
	const windowRows: TableRow[] = rows.slice(scrollTop, scrollTop + height).map(container => {
		const label = pending[container.id];
		const cells = containerCells(container, stats[container.id], label);
		const selected = container.id === selectedId;
		// Under inverse video a coloured cell becomes a solid block: the selected row stays plain.
		const color = selected ? undefined : tint(theme, stateColor(container, label));
		return {
			key: container.id,
			selected,
			marked: marks.has(container.id),
			cells: {
				...Object.fromEntries(Object.entries(cells).map(([id, text]) => [id, {text}])),
				state: {text: cells.state, ...(color ? {color} : {})},
				status: {text: cells.status, dim: !selected},
			},
		};
	});

	const empty = loaded
		? (filtered ? 'no container matches the filter (Esc clears it)' : (showAll ? 'no containers' : 'no running containers (a shows stopped ones)'))
		: 'loading...';
	return <Table columns={columns} rows={windowRows} height={height} empty={empty} color={theme.color} markColor={tint(theme, 'magenta')} stale={stale}/>;
}
