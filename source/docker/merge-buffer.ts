import type {RawLine} from './line-splitter.js';

/** A line of a merged log: which container (source id) it came from. */
export type MergedLine = RawLine & {readonly source: string};

type Held = {readonly line: MergedLine; readonly key: string; readonly seq: number; readonly at: number};

/**
 * Sortable form of an RFC 3339 timestamp (fractions padded to 9 digits). The same as the log
 * watcher's timeKey, which lives in the store: the Engine layer may not import it.
 */
export function mergeKey(time: string | undefined): string {
	if (!time) {
		return '';
	}

	const match = /^([^.Z+]+)(?:\.(\d+))?/.exec(time);
	return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : time;
}

/**
 * Interleaves the lines of several log streams in time order. Each stream is in order by itself,
 * but the streams arrive at different moments, so a line is held until every open source has sent
 * something at least as late (then nothing earlier can come from them), or until it has been held
 * `holdMs` (so a quiet container does not hold the others back for ever).
 *
 * One container's stdout and stderr are timestamped apart and can reach its log a little out of
 * order, so a line also waits `settleMs` after it came, and no later line goes before it: an
 * earlier sibling from the other stream then still finds its place.
 *
 * Late lines: a line that arrives after later lines were already given out (a source quiet longer
 * than holdMs, or a clock behind the others) is given out with the next batch, sorted among that
 * batch only. It is never dropped and never moves what was given out before: the view stays stable,
 * at the cost of that line standing a little out of time order.
 */
export class MergeBuffer {
	private held: Held[] = [];
	private seq = 0;
	/** Per open source: the key of its latest line, or '' before its first. */
	private readonly latest = new Map<string, string>();

	constructor(private readonly holdMs: number, private readonly settleMs = 100) {}

	/** A source whose lines are awaited: it holds back the others until it sends. */
	open(source: string): void {
		if (!this.latest.has(source)) {
			this.latest.set(source, '');
		}
	}

	/** The source has ended: it no longer holds back the others. */
	close(source: string): void {
		this.latest.delete(source);
	}

	push(source: string, lines: readonly RawLine[], nowMs: number): void {
		for (const line of lines) {
			const key = mergeKey(line.time);
			this.held.push({line: {...line, source}, key, seq: this.seq++, at: nowMs});
			if (this.latest.has(source) && key > this.latest.get(source)!) {
				this.latest.set(source, key);
			}
		}
	}

	/** The lines that can be given out now, in time order (lines arrived in the same order stay so). */
	take(nowMs: number): MergedLine[] {
		if (this.latest.size === 0) {
			return this.flush();
		}

		// Every open source has sent something this late: nothing earlier can come from them.
		let watermark: string | undefined;
		for (const key of this.latest.values()) {
			watermark = watermark === undefined || key < watermark ? key : watermark;
		}

		// Nothing at or after a line that just came (its sibling may be on the way)...
		let cap: string | undefined;
		// ...but what waited holdMs goes, and with it every line not later than it.
		let aged: string | undefined;
		for (const item of this.held) {
			const age = nowMs - item.at;
			if (age < this.settleMs && (cap === undefined || item.key < cap)) {
				cap = item.key;
			}

			if (age >= this.holdMs && (aged === undefined || item.key > aged)) {
				aged = item.key;
			}
		}

		const ready: Held[] = [];
		const kept: Held[] = [];
		for (const item of this.held) {
			// A line without a timestamp has nothing to wait for.
			const go = item.key === ''
				|| (watermark !== undefined && item.key <= watermark && (cap === undefined || item.key < cap))
				|| (aged !== undefined && item.key <= aged);
			(go ? ready : kept).push(item);
		}

		this.held = kept;
		return sorted(ready);
	}

	/** Everything held, in time order: when all sources have ended. */
	flush(): MergedLine[] {
		const all = this.held;
		this.held = [];
		return sorted(all);
	}

	get size(): number {
		return this.held.length;
	}
}

function sorted(items: Held[]): MergedLine[] {
	return items.sort((a, b) => (a.key < b.key ? -1 : (a.key > b.key ? 1 : a.seq - b.seq))).map(item => item.line);
}
