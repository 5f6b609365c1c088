import type {Action} from './actions.js';
import type {AppState} from './state.js';
import {indexOfSeq, logHeight, searchMatches, topIndex, visibleLines} from './log-selectors.js';
import type {LogLine, LogsState} from './log-state.js';
import {addSources, openMerged, withSourceStatus} from './merged-log-state.js';
import {switchPane} from './list-reducer.js';
import type {MergedOpen} from './actions.js';

/** A fresh pane for a container; the person's timestamps and wrap choices carry over. */
export function openLogs(state: AppState, containerId: string, name: string, merged?: MergedOpen, kind?: 'service'): LogsState {
	return {
		...(kind ? {kind} : {}),
		containerId, name, lines: [], nextSeq: 0, status: 'connecting', follow: true, anchor: 0, unread: 0, dropped: 0,
		timestamps: state.logs?.timestamps ?? false, wrap: state.logs?.wrap ?? true,
		search: '', filter: '',
		...(merged ? openMerged(merged) : {}),
	};
}

/** Closes the pane; a merged log opened on another pane (Projects) goes back there. */
function closeLogs(state: AppState): AppState {
	const back = state.logs?.returnTo;
	// The Containers list was narrowed to the project along with the log: both go.
	const closed = {...state, logs: undefined, ui: {...state.ui, focus: 'list' as const, ...(back ? {project: undefined} : {})}};
	return back && back !== state.ui.pane ? switchPane(closed, back) : closed;
}

/** The log pane's share of the reducer: returns undefined for actions that are not its own. */
export function reduceLogs(state: AppState, action: Action): AppState | undefined {
	const {logs} = state;
	const set = (patch: Partial<LogsState>): AppState => (logs ? {...state, logs: {...logs, ...patch}} : state);
	switch (action.type) {
		case 'logs/open': return {...state, logs: openLogs(state, action.containerId, action.name, action.merged, action.kind), ui: {...state.ui, focus: 'logs'}};
		case 'logs/close': return closeLogs(state);
		case 'logs/status': {
			if (logs?.containerId !== action.containerId) {
				return state;
			}

			return action.source ? {...state, logs: withSourceStatus(logs, action.source, action.status, action.message)} : set({status: action.status, message: action.message});
		}

		case 'logs/sources/add': {
			const sources = logs?.sources && logs.containerId === action.containerId ? addSources(logs.sources, action.sources) : undefined;
			return sources && sources !== logs?.sources ? set({sources}) : state;
		}

		case 'logs/append': {
			if (logs?.containerId !== action.containerId || action.lines.length === 0) {
				return state;
			}

			const capacity = state.config.logCapacity;
			const incoming = action.lines.length > capacity ? action.lines.slice(-capacity) : action.lines;
			const skipped = action.lines.length - incoming.length;
			// Plain loops and one object shape: this runs for every line of a firehose.
			const first = logs.nextSeq + skipped;
			const added: LogLine[] = incoming.map((line, index) => {
				const plain: LogLine = line.time === undefined
					? {stream: line.stream, text: line.text, seq: first + index}
					: {stream: line.stream, time: line.time, text: line.text, seq: first + index};
				// A merged log's lines say whose they are (issue 16 item 2).
				const kept = line.source === undefined ? plain : ({...plain, source: line.source} as LogLine);
				// Rare (a line over maxLineLength): its pieces are one line again in a saved file.
				return line.continues ? {...kept, continues: true as const} : kept;
			});
			let drop = Math.max(0, logs.lines.length + added.length - capacity);
			let notKept = 0;
			if (!logs.follow && drop > 0) {
				// Paused: what the person reads must stay. Older lines go first; when the buffer is full
				// from the view down, the newest lines are not kept (they are counted and said).
				const before = indexOfSeq(logs.lines, logs.anchor);
				notKept = Math.min(added.length, Math.max(0, drop - before));
				added.length -= notKept;
				drop -= notKept;
			}

			const merged = (drop > 0 ? logs.lines.slice(drop) : logs.lines).concat(added);
			return set({
				lines: merged, nextSeq: logs.nextSeq + action.lines.length,
				unread: logs.follow ? 0 : logs.unread + action.lines.length, dropped: logs.dropped + notKept,
			});
		}

		case 'logs/follow': return set({follow: true, unread: 0, dropped: 0});
		case 'logs/toggle': return logs ? set(action.what === 'wrap' ? {wrap: !logs.wrap} : {timestamps: !logs.timestamps}) : state;
		case 'logs/clear': return set({lines: [], unread: 0, current: undefined});
		case 'logs/input': {
			// A search starts empty, as in less and vim; the filter shows what it is, to edit or clear.
			const text = action.mode === 'search' ? '' : logs?.filter ?? '';
			return logs ? set({input: {mode: action.mode, text, cursor: text.length}}) : state;
		}
		case 'logs/input/close': {
			if (!logs?.input) {
				return state;
			}

			if (!action.keep) {
				return set({input: undefined});
			}

			const {mode, text} = logs.input;
			if (mode === 'filter') {
				return set({input: undefined, filter: text});
			}

			// A new search jumps to the newest match when following, else to the first one below the top.
			const next = {...state, logs: {...logs, input: undefined, search: text, current: undefined}};
			return text ? jumpToMatch(next, logs.follow ? -1 : 1, true) : next;
		}

		case 'logs/match': return logs ? jumpToMatch(state, action.direction, false) : state;
		case 'logs/reset': return set({search: '', filter: '', current: undefined});
		default: return undefined;
	}
}

/** `force`: pause even when nothing moves (up pauses, even when every line fits on screen). */
export function scrollLogsTo(state: AppState, logs: LogsState, index: number, force = false): AppState {
	const lines = visibleLines(logs);
	const height = logHeight(state);
	const bottom = Math.max(0, lines.length - height);
	const top = Math.min(Math.max(0, index), bottom);
	if (logs.follow && top >= bottom && !force) {
		// Down while following: nothing to do, and it must not pause.
		return state;
	}

	return {...state, logs: {...logs, follow: false, anchor: lines[top]?.seq ?? logs.nextSeq}};
}

/** Moves to the next (1) or previous (-1) match and scrolls it into view, pausing follow. */
function jumpToMatch(state: AppState, direction: 1 | -1, fresh: boolean): AppState {
	const logs = state.logs!;
	const matches = searchMatches(logs);
	if (matches.length === 0) {
		return state;
	}

	const height = logHeight(state);
	const lines = visibleLines(logs);
	let target: number | undefined;
	if (fresh && direction === -1) {
		target = matches.at(-1);
	} else if (fresh) {
		const from = lines[topIndex(logs, height)]?.seq ?? 0;
		target = matches.find(seq => seq >= from) ?? matches[0];
	} else {
		const from = logs.current ?? lines[topIndex(logs, height)]?.seq ?? 0;
		target = direction === 1
			? (matches.find(seq => seq > from) ?? matches[0])
			: ([...matches].reverse().find(seq => seq < from) ?? matches.at(-1));
	}

	const index = lines.findIndex(line => line.seq === target);
	const top = Math.min(Math.max(0, index - Math.floor(height / 3)), Math.max(0, lines.length - height));
	return {...state, logs: {...logs, current: target, follow: false, anchor: lines[top]?.seq ?? 0}};
}
