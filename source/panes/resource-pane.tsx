import {Text} from 'ink';
import {useMemo} from 'react';
import {type Cell, type TableRow, Table} from '../components/table.js';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useListWindow} from '../hooks/use-list-window.js';
import {fitToContent, layoutColumns, markSorted} from '../render/columns.js';
import {formatBytes} from '../render/format.js';
import {type Hue, tint} from '../render/theme.js';
import type {CellText, ListDescriptor} from '../render/resource-lists.js';
import {textWidth, truncate} from '../render/text-width.js';
import {defaultSort, descriptors, type ResourcePane as Pane, selectResourceRows, selectUsage} from '../store/resource-selectors.js';

const tones: Readonly<Record<NonNullable<CellText['tone']>, {readonly hue?: Hue; readonly dim?: boolean}>> = {
	good: {hue: 'green'}, warn: {hue: 'yellow'}, bad: {hue: 'red'}, dim: {dim: true},
};

/** The Images, Networks or Volumes table: the same windowed table, filter, sort and marks as Containers. */
export function ResourcePane({pane, height: shorter}: {readonly pane: Pane; readonly height?: number}) {
	const {theme} = useServices();
	const descriptor = descriptors[pane] as ListDescriptor<unknown>;
	const rows = useAppState(s => selectResourceRows(s, pane));
	const usage = useAppState(selectUsage);
	const loaded = useAppState(s => s[pane] !== undefined);
	const {height, scrollTop, selectedId, marks, filtered} = useListWindow(shorter);
	const stale = useAppState(s => s.connection.status === 'disconnected');
	const width = useAppState(s => s.ui.viewport.columns);

	const contentWidths = useMemo(() => {
		const widths: Record<string, number> = {};
		for (const item of rows) {
			for (const [id, cell] of Object.entries(descriptor.cells(item, usage))) {
				widths[id] = Math.max(widths[id] ?? 0, textWidth(cell.text));
			}
		}

		return widths;
	}, [rows, usage, descriptor]);
	const sort = useAppState(s => s.ui.sort) ?? defaultSort[pane];
	const columns = useMemo(() => layoutColumns(fitToContent(markSorted(descriptor.columns, sort), contentWidths), Math.max(20, width - 2)), [descriptor, contentWidths, width, sort]);
	const windowRows: TableRow[] = rows.slice(scrollTop, scrollTop + height).map(item => {
		const key = descriptor.key(item);
		const selected = key === selectedId;
		const cells = Object.fromEntries(Object.entries(descriptor.cells(item, usage)).map(([id, cell]) => {
			const tone = cell.tone && !selected ? tones[cell.tone] : {};
			const color = tint(theme, tone.hue);
			const style: Omit<Cell, 'text'> = {...(color ? {color} : {}), ...(tone.dim ? {dim: true} : {})};
			return [id, {text: cell.text, ...style}];
		}));
		return {key, selected, marked: marks.has(key), cells};
	});

	const empty = loaded ? (filtered ? `no ${descriptor.noun} matches the filter (Esc clears it)` : `no ${descriptor.noun}s`) : 'loading...';
	return <Table columns={columns} rows={windowRows} height={height} empty={empty} color={theme.color} markColor={tint(theme, 'magenta')} stale={stale}/>;
}

/** `docker system df` in one line: total and reclaimable for images, containers, volumes, build cache. */
export function DiskUsageLine() {
	const usage = useAppState(s => s.diskUsage);
	const width = useAppState(s => s.ui.viewport.columns);
	if (!usage) {
		return <Text dimColor>disk: asking the Engine (system df)...</Text>;
	}

	const part = (name: string, entry: {count: number; size: number; reclaimable: number}) =>
		`${name} ${formatBytes(entry.size)} (${formatBytes(entry.reclaimable)} reclaimable)`;
	const line = `disk: ${part('images', usage.images)}, ${part('containers', usage.containers)}, ${part('volumes', usage.volumes)}, ${part('build cache', usage.buildCache)}`;
	return <Text dimColor>{truncate(line, width)}</Text>;
}
