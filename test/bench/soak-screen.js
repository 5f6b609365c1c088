// What the soak reads on tsdtop's screen (the screen model fed with every pty chunk), and what the
// Engine says the same window should show: the watched rows (name, state) in tsdtop's default order,
// and the header's counts of every container.
import {ScreenModel} from './screen-model.js';
import {isWatched, watchedPrefix} from './soak-churn.js';

const rowPattern = new RegExp(String.raw`^\s*\S?\s*(${watchedPrefix}-\d+)\s+(\w+)`);
// eslint-disable-next-line no-control-regex
const unfinished = /\u001B(?:\[[0-?]*[ -/]*)?$/;
const countsPattern = /(\d+) running(?:, (\d+) paused)?, (\d+) stopped, (\d+) total/;

/** The screen as the pty shows it, kept up to date by every chunk; `rows()` and `counts()` read it. */
export class SoakScreen {
	constructor(session) {
		this.model = new ScreenModel(120, session.rows);
		this.session = session;
		this.unknown = undefined;
		this.onFrame = () => {};
		// A chunk may end inside an escape sequence (`ESC[` here, `2K` in the next one): the model
		// reads whole sequences, so the unfinished end waits for the next chunk.
		let carry = '';
		session.listeners.add((at, bytes, data) => {
			let text = carry + data;
			const partial = unfinished.exec(text);
			carry = partial ? partial[0] : '';
			text = partial ? text.slice(0, partial.index) : text;
			try {
				this.model.write(text);
			} catch (error) {
				this.unknown ??= error.message;
			}

			// A frame is finished when no synchronized update is left open.
			if (!session.syncOpen) {
				this.onFrame(at);
			}
		});
	}

	/** The watched rows shown, top to bottom: [{name, state}]. */
	rows() {
		const rows = [];
		for (const line of this.model.text()) {
			const match = rowPattern.exec(line);
			if (match) {
				rows.push({name: match[1], state: match[2]});
			}
		}

		return rows;
	}

	/** The header's counts, or undefined when it is not drawn. */
	counts() {
		const match = countsPattern.exec(this.model.text()[0] ?? '');
		return match ? {running: Number(match[1]), paused: Number(match[2] ?? 0), stopped: Number(match[3]), total: Number(match[4])} : undefined;
	}
}

// tsdtop's default order (source/store/selectors.ts): running and restarting, then paused and
// removing, then the stopped ones; names numeric-aware within each.
const collator = new Intl.Collator('en', {numeric: true});
const rank = state => (state === 'running' || state === 'restarting' ? 0 : (state === 'paused' || state === 'removing' ? 1 : 2));
const isStopped = state => rank(state) === 2;

/** From `/containers/json?all=1`: the watched window as tsdtop should draw it, and the header's counts. */
export function engineView(list) {
	const all = list.map(c => ({name: c.Names[0].replace(/^\//, ''), state: c.State}));
	const rows = all.filter(c => isWatched(c.name)).sort((a, b) => rank(a.state) - rank(b.state) || collator.compare(a.name, b.name));
	const stopped = all.filter(c => isStopped(c.state)).length;
	const paused = all.filter(c => c.state === 'paused').length;
	return {rows, counts: {running: all.length - stopped - paused, paused, stopped, total: all.length}};
}

/** What differs between the Engine's view and the screen's, as short lines; empty when they agree. */
export function differences(expected, shown) {
	const lines = [];
	const shownBy = new Map(shown.rows.map(r => [r.name, r]));
	const expectedBy = new Map(expected.rows.map(r => [r.name, r]));
	for (const r of expected.rows) {
		const s = shownBy.get(r.name);
		if (s === undefined) {
			lines.push(`missing ${r.name} (${r.state})`);
		} else if (s.state !== r.state) {
			lines.push(`${r.name}: screen ${s.state}, Engine ${r.state}`);
		}
	}

	for (const s of shown.rows) {
		if (!expectedBy.has(s.name)) {
			lines.push(`extra ${s.name} (${s.state}): not in the Engine's list`);
		}
	}

	const order = rows => rows.map(r => r.name).join(',');
	if (lines.length === 0 && order(expected.rows) !== order(shown.rows)) {
		lines.push(`order: screen ${order(shown.rows)}; Engine ${order(expected.rows)}`);
	}

	const e = expected.counts;
	const s = shown.counts;
	if (s === undefined || ['running', 'paused', 'stopped', 'total'].some(k => s[k] !== e[k])) {
		const text = c => (c ? `${c.running} running, ${c.paused} paused, ${c.stopped} stopped, ${c.total} total` : 'none');
		lines.push(`header: screen ${text(s)}; Engine ${text(e)}`);
	}

	return lines;
}
