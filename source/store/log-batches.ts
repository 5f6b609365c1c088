import {MergeBuffer} from '../docker/merge-buffer.js';
import type {RawLine} from '../docker/line-splitter.js';

/** A line of a batch: a merged log's say which container they came from. */
export type BatchLine = RawLine & {readonly source?: string};

/**
 * Gathers a log's lines between two store dispatches. One container's log and a merged log differ
 * only here: the watcher's follow loop (re-attaching as containers restart) is the same for both.
 */
export type LogBatcher = {
	push(id: string, lines: readonly RawLine[]): void;
	/** Container `id` is attached (true) or its stream has ended (false). */
	attached(id: string, open: boolean): void;
	/** The lines to send now, in time order. */
	take(nowMs: number): readonly BatchLine[];
};

/** Sortable form of an RFC 3339 timestamp: fractions padded to 9 digits. */
export function timeKey(time: string): string {
	const match = /^([^.Z+]+)(?:\.(\d+))?/.exec(time);
	return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : time;
}

/** A batch in time order (stable for lines of the same time): streams and tasks are read apart. */
export function sortByTime(lines: RawLine[]): RawLine[] {
	const keyed = lines.map((line, index) => ({line, index, key: line.time ? timeKey(line.time) : ''}));
	keyed.sort((a, b) => (a.key < b.key ? -1 : (a.key > b.key ? 1 : a.index - b.index)));
	return keyed.map(k => k.line);
}

/**
 * One container: every line as it came, at most twice the pane's capacity held (a firehose between
 * two batches keeps only what the pane could show). stdout and stderr come on one connection but are
 * read apart, so a batch with both is put in time order.
 */
export function singleBatcher(capacity: () => number): LogBatcher {
	let pending: RawLine[] = [];
	return {
		push(_id, lines) {
			for (const line of lines) {
				pending.push(line);
			}

			const keep = capacity();
			if (pending.length > keep * 2) {
				pending = pending.slice(-keep);
			}
		},
		attached() {},
		take() {
			if (pending.length === 0) {
				return pending;
			}

			const lines = pending.length > 1 && pending[0]!.time && pending.some(line => line.stream !== pending[0]!.stream) ? sortByTime(pending) : pending;
			pending = [];
			return lines;
		},
	};
}

/**
 * Several containers (issue 16 item 2): their lines interleaved in time order by the merge buffer,
 * which holds a line until every attached container has sent one as late, or for `holdMs`. A
 * container whose stream ended holds nothing back until it is attached again.
 */
export function mergedBatcher(holdMs = 500): LogBatcher {
	const buffer = new MergeBuffer(holdMs);
	return {
		push(id, lines) {
			buffer.push(id, lines, Date.now());
		},
		attached(id, open) {
			if (open) {
				buffer.open(id);
			} else {
				buffer.close(id);
			}
		},
		take: nowMs => buffer.take(nowMs),
	};
}
