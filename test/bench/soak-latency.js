// Change to screen: for every change the soak makes to a watched container, ms from its API call's
// return to the first finished frame whose rows show it. A change the next change to the same
// container overtakes before it shows is not counted (superseded); one not shown within 10 s is.
import {isWatched} from './soak-churn.js';
import {median, p95} from './stats.js';

const timeoutMs = 10_000;

/** The condition on the watched rows that shows a change has reached the screen. */
function shows({kind, name, newName, state}) {
	return rows => {
		const find = n => rows.find(r => r.name === n);
		if (kind === 'rename') {
			return (!isWatched(name) || find(name) === undefined) && (!isWatched(newName) || find(newName)?.state === state);
		}

		return state === 'gone' ? find(name) === undefined : find(newName ?? name)?.state === state;
	};
}

export class LatencySampler {
	constructor() {
		this.pending = new Set();
		this.samples = [];
		this.notShown = [];
		this.superseded = 0;
	}

	/** Before a change to `name`: a sample of the last change to it that has not shown yet no longer can. */
	supersede(name) {
		for (const sample of this.pending) {
			if (sample.names.includes(name)) {
				this.pending.delete(sample);
				this.superseded++;
			}
		}
	}

	/** After a change returned (Churn.apply's result), with the rows on screen now. */
	add(change, rows) {
		if (!isWatched(change.name ?? '') && !isWatched(change.newName ?? '')) {
			return;
		}

		const detail = `${change.kind} ${change.name ?? ''}${change.newName ? ` -> ${change.newName}` : ''} (${change.state})`;
		const sample = {kind: change.kind, names: [change.name, change.newName].filter(Boolean), returnedAt: change.returnedAt, test: shows(change), detail};
		// Already on screen: the event was drawn before the API call returned.
		if (sample.test(rows)) {
			this.samples.push({kind: sample.kind, ms: 0});
		} else {
			this.pending.add(sample);
		}
	}

	/** A finished frame at `at` (performance.now()) shows `rows`. */
	frame(at, rows) {
		for (const sample of this.pending) {
			if (sample.test(rows)) {
				this.pending.delete(sample);
				this.samples.push({kind: sample.kind, ms: at - sample.returnedAt});
			} else if (at - sample.returnedAt > timeoutMs) {
				this.pending.delete(sample);
				this.notShown.push(sample.detail);
			}
		}
	}

	/** Median, p95 and the worst (with its kind of change), and what never showed. */
	summary(now) {
		const late = [...this.pending].filter(s => now - s.returnedAt > timeoutMs).map(s => s.detail);
		const ms = this.samples.map(s => s.ms);
		const worst = this.samples.reduce((w, s) => (w === undefined || s.ms > w.ms ? s : w), undefined);
		return {median: median(ms), p95: p95(ms), worst: worst?.ms, worstKind: worst?.kind, samples: ms.length, notShown: this.notShown.length + late.length, notShownChanges: [...this.notShown, ...late], superseded: this.superseded};
	}
}
