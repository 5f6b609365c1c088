import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useListWindow} from '../hooks/use-list-window.js';
import {containerContentWidths} from '../render/container-row.js';
import {containerEmptyText, containerTableColumns, containerTableRows} from '../render/container-table.js';
import {tint} from '../render/theme.js';
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
	// The sorted column's title says so (^ or v); none with the default running-first order.
	const sort = useAppState(s => s.ui.sort);
	const contentWidths = useMemo(() => containerContentWidths(rows), [rows]);
	const columns = useMemo(() => containerTableColumns(chosen, contentWidths, width, sort), [chosen, width, contentWidths, sort]);
	const windowRows = containerTableRows(rows.slice(scrollTop, scrollTop + height), {stats, pending, selectedId, marks, theme});
	return <Table columns={columns} rows={windowRows} height={height} empty={containerEmptyText(loaded, filtered, showAll)} color={theme.color} markColor={tint(theme, 'magenta')} stale={stale}/>;
}
