import {EditLine} from '../components/edit-line.js';
import {Box, Text} from 'ink';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useMemo} from 'react';
import {layoutWindow, sourcePrefix} from '../render/log-layout.js';
import {sourcePrefixes, sourcesSummary} from '../store/merged-log-state.js';
import {logHeight, matcherFor, searchMatches, topIndex, visibleLines} from '../store/log-selectors.js';
import type {LogsState} from '../store/log-state.js';
import {sanitizeLine} from '../render/sanitize.js';
import {truncate} from '../render/text-width.js';

/** The title line: whose log, follow or paused, search count, filter, and what to press. */
export function logTitle(logs: LogsState, matches: readonly number[]): string {
	const parts = [`Logs: ${sanitizeLine(logs.name)}`];
	if (logs.sources) {
		// A merged log: how each container's stream stands (issue 16 item 2).
		parts.push(`[${sourcesSummary(logs.sources)}]`);
	} else if (logs.status === 'stopped' || logs.status === 'error') {
		parts.push(`[${logs.message ?? logs.status}, lines kept]`);
	} else if (logs.status === 'connecting') {
		parts.push('[connecting]');
	}

	parts.push(logs.follow ? '[following]' : `[paused${logs.unread > 0 ? `, ${logs.unread} new` : ''}${logs.dropped > 0 ? `, ${logs.dropped} not kept (buffer full)` : ''}: f follows]`);
	for (const [label, query] of [['search', logs.search], ['filter', logs.filter]] as const) {
		const matcher = matcherFor(query);
		if (matcher && !matcher.ok) {
			parts.push(matcher.error);
		} else if (query && label === 'search') {
			const at = logs.current === undefined ? -1 : matches.indexOf(logs.current);
			parts.push(`search ${query} ${at === -1 ? '-' : at + 1}/${matches.length}`);
		} else if (query) {
			parts.push(`filter ${query}`);
		}
	}

	return parts.join('  ');
}

/**
 * The live log pane: renders the window of the buffer that is on screen, never more (a 10,000-line
 * buffer costs what its 30 visible lines do). Never calls the Engine: the log watcher feeds the store.
 */
export function LogPane({width}: {readonly width: number}) {
	const {theme} = useServices();
	const logs = useAppState(s => s.logs);
	const height = useAppState(logHeight);
	const focused = useAppState(s => s.ui.focus === 'logs');
	const sources = logs?.sources;
	const prefix = useMemo(() => (sources ? sourcePrefix(sourcePrefixes(sources), theme.color) : undefined), [sources, theme.color]);
	if (!logs) {
		return null;
	}

	const lines = visibleLines(logs);
	const matches = searchMatches(logs);
	const search = matcherFor(logs.search);
	const rows = layoutWindow(lines, topIndex(logs, height), logs.follow, height, width, logs.wrap, {timestamps: logs.timestamps, search, current: logs.current, color: theme.color, ...(prefix ? {prefix} : {})});
	const empty = logs.lines.length === 0 ? (logs.status === 'connecting' ? 'waiting for the log...' : 'no lines yet') : (lines.length === 0 ? 'no line matches the filter' : '');
	const {input} = logs;
	return (
		<Box flexDirection="column" width={width} height={height + 1 + (input ? 1 : 0)} flexShrink={0}>
			<Text wrap="truncate" bold inverse={focused}>{truncate(logTitle(logs, matches), width)}</Text>
			{empty ? <Text dimColor>  {empty}</Text> : null}
			{rows.map(row => <Text key={row.key} wrap="truncate">{row.text}</Text>)}
			{input ? <Box flexGrow={1}/> : null}
			{input ? <EditLine label={`${input.mode} (text or /regex/): `} value={input} hint="Enter apply, Esc cancel"/> : null}
		</Box>
	);
}
