import {useMemo} from 'react';
import {Table} from '../components/table.js';
import type {PaneId} from '../core/types.js';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useListWindow} from '../hooks/use-list-window.js';
import {emptyText, tableColumns, tableRows} from '../render/list-table.js';
import {tint} from '../render/theme.js';
import {listPaneOf} from '../store/list-panes.js';
import {selectList, selectWidths, shownColumns, sortOf} from '../store/list-selectors.js';

type Props = {
	readonly pane: PaneId;
	/** Shorter than the room (under a dialog), keeping the selected row in view. */
	readonly height?: number;
	/** Narrower than the screen (beside the log pane). */
	readonly width?: number;
};

/**
 * Any list pane (Containers, Images, Networks, Volumes...): picks its rows, context and window from the
 * state through the one list selector and hands the Table only what is on screen. Never calls the Engine.
 */
export function ListPane({pane, height: shorter, width: narrower}: Props) {
	const {theme} = useServices();
	const entry = listPaneOf(pane);
	const {descriptor} = entry;
	const {rows} = useAppState(s => selectList(s, pane));
	const context = useAppState(s => entry.context(s));
	const widths = useAppState(s => selectWidths(s, pane));
	const shown = useAppState(s => shownColumns(s, pane));
	// The sorted column's title says so (^ or v); none in a natural order (Containers: running first).
	const sort = useAppState(s => sortOf(s, pane));
	const loaded = useAppState(s => entry.items(s) !== undefined);
	const showAll = useAppState(s => s.ui.showAll);
	const stale = useAppState(s => s.connection.status === 'disconnected');
	const screenWidth = useAppState(s => s.ui.viewport.columns);
	const width = narrower ?? screenWidth;
	const {height, scrollTop, selectedId, marks, filtered} = useListWindow(shorter);
	const columns = useMemo(() => tableColumns(shown, widths, width, sort), [shown, widths, width, sort]);
	const windowRows = tableRows(descriptor, rows.slice(scrollTop, scrollTop + height), context, {selectedId, marks, theme});
	return <Table columns={columns} rows={windowRows} height={height} empty={emptyText(descriptor, loaded, filtered, showAll)} color={theme.color} markColor={tint(theme, 'magenta')} stale={stale}/>;
}
