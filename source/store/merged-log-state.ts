import {sanitizeLine} from '../render/sanitize.js';
import type {MergedOpen} from './actions.js';
import type {LogSource, LogsState} from './log-state.js';

type Status = LogSource['status'];

/** Longest prefix a merged log gives a container's name: the rest of the line is what matters. */
export const maxLabelWidth = 24;

/**
 * The containers to add to a merged log's sources: each new one gets its sanitised name (container
 * names come from whoever created the container) and the next colour; ones already there are kept.
 */
export function addSources(sources: readonly LogSource[], added: ReadonlyArray<{readonly id: string; readonly name: string}>): readonly LogSource[] {
	const known = new Set(sources.map(s => s.id));
	const fresh = added.filter(s => !known.has(s.id));
	if (fresh.length === 0) {
		return sources;
	}

	return [...sources, ...fresh.map((s, index) => ({id: s.id, label: sanitizeLine(s.name).slice(0, maxLabelWidth) || s.id.slice(0, 12), hue: sources.length + index, status: 'connecting' as const}))];
}

/** The pane's own status, from its containers': following while any is, then connecting, then stopped. */
export function overallStatus(sources: readonly LogSource[]): Status {
	for (const status of ['following', 'connecting', 'error'] as const) {
		if (sources.some(s => s.status === status)) {
			return status;
		}
	}

	return 'stopped';
}

/** One container's stream changed: its source says so, and the pane's status follows from all of them. */
export function withSourceStatus(logs: LogsState, id: string, status: Status, message?: string): LogsState {
	if (!logs.sources?.some(s => s.id === id)) {
		return logs;
	}

	const sources = logs.sources.map(s => (s.id === id ? {...s, status, ...(message ? {message} : {message: undefined})} : s));
	return {...logs, sources, status: overallStatus(sources)};
}

/** The merged part of a fresh log pane: its sources, what it follows and where Esc goes back to. */
export function openMerged(merged: MergedOpen): Pick<LogsState, 'sources' | 'projects' | 'returnTo'> {
	return {
		sources: addSources([], merged.sources),
		...(merged.projects ? {projects: merged.projects} : {}),
		...(merged.returnTo ? {returnTo: merged.returnTo} : {}),
	};
}

/** "3 containers: 2 following, web-1 stopped": the title's word on a merged log's containers. */
export function sourcesSummary(sources: readonly LogSource[]): string {
	const following = sources.filter(s => s.status === 'following').length;
	const others = sources.filter(s => s.status === 'stopped' || s.status === 'error').map(s => `${s.label} ${s.message ?? s.status}`);
	const parts = [`${following} following`, ...others.slice(0, 3), ...(others.length > 3 ? [`${others.length - 3} more stopped`] : [])];
	return `${sources.length} container${sources.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Each source's prefix text, by id: the name padded to the longest one and a bar, as compose does. */
export function sourcePrefixes(sources: readonly LogSource[]): ReadonlyMap<string, {readonly text: string; readonly hue: number}> {
	const width = Math.max(0, ...sources.map(s => s.label.length));
	return new Map(sources.map(s => [s.id, {text: `${s.label.padEnd(width)} |`, hue: s.hue}]));
}
