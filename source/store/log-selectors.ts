import type {AppState} from './state.js';
import {tableHeight} from './selectors.js';
import {compileQuery, type Matcher} from '../core/query.js';
import {stripSgr} from '../core/sanitize-log.js';
import type {LogLine, LogsState} from './log-state.js';

/** At this width or more the list and the logs stand side by side. */
export const splitColumns = 120;

export function isSplit(state: AppState): boolean {
	return state.logs !== undefined && state.ui.viewport.columns >= splitColumns;
}

/** Width of the Containers list when it shares the screen with the logs. */
export function splitListWidth(columns: number): number {
	return Math.max(40, Math.floor(columns * 0.4));
}

/** Rows of log text on screen: the body less the pane's title line and the search line when open. */
export function logHeight(state: AppState): number {
	return Math.max(1, tableHeight(state) - (state.logs?.input ? 1 : 0));
}

const compiled = new Map<string, Matcher>();
/** Compiled once per query: every frame asks. */
export function matcherFor(query: string): Matcher | undefined {
	if (!query) {
		return undefined;
	}

	let matcher = compiled.get(query);
	if (!matcher) {
		if (compiled.size > 50) {
			compiled.clear();
		}

		matcher = compileQuery(query);
		compiled.set(query, matcher);
	}

	return matcher;
}

let visibleMemo: {lines: readonly LogLine[]; filter: string; out: readonly LogLine[]} | undefined;

/** The buffer's lines that pass the filter (all of them without one). */
export function visibleLines(logs: LogsState): readonly LogLine[] {
	if (visibleMemo && visibleMemo.lines === logs.lines && visibleMemo.filter === logs.filter) {
		return visibleMemo.out;
	}

	const matcher = matcherFor(logs.filter);
	const out = matcher?.ok ? logs.lines.filter(line => matcher.test(stripSgr(line.text))) : logs.lines;
	visibleMemo = {lines: logs.lines, filter: logs.filter, out};
	return out;
}

let matchMemo: {lines: readonly LogLine[]; search: string; out: readonly number[]} | undefined;

/** The seqs of visible lines matching the search, in order. */
export function searchMatches(logs: LogsState): readonly number[] {
	const lines = visibleLines(logs);
	if (matchMemo && matchMemo.lines === lines && matchMemo.search === logs.search) {
		return matchMemo.out;
	}

	const matcher = matcherFor(logs.search);
	const out = matcher?.ok ? lines.filter(line => matcher.test(stripSgr(line.text))).map(line => line.seq) : [];
	matchMemo = {lines, search: logs.search, out};
	return out;
}

/** Index in `lines` of the first line at or after seq (lines are in seq order). */
export function indexOfSeq(lines: readonly LogLine[], seq: number): number {
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (lines[mid]!.seq < seq) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}

	return low;
}

/** Index of the top line of the view: the anchor while paused, the last screenful while following. */
export function topIndex(logs: LogsState, height: number): number {
	const lines = visibleLines(logs);
	const bottom = Math.max(0, lines.length - height);
	return logs.follow ? bottom : Math.min(indexOfSeq(lines, logs.anchor), Math.max(0, lines.length - 1));
}
