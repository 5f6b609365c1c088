import type {Engine} from '../docker/engine.js';
import type {Store} from './create-store.js';

export type ListTiming = {
	readonly throttleMs: number;
	readonly maxWaitMs: number;
	readonly minGapMs: number;
	readonly confirmMs: number;
};

export type ListRefresher = {
	/** Lists now (or once more after the list in flight); rejects when the Engine does not answer. */
	readonly refresh: () => Promise<void>;
	/** An event arrived: a list follows once the burst settles. */
	readonly eventAt: (at: number) => void;
	readonly stop: () => void;
};

/**
 * The container list behind the events: coalesces bursts of events into one list, keeps lists
 * apart, never runs two at a time, skips a list that changed nothing, and lists again (backing off)
 * while rows still stand as events said. A list that fails on a timer goes to `onError`.
 */
export function listRefresher(engine: Engine, store: Store, timing: ListTiming, onError: (error: unknown) => void): ListRefresher {
	const now = Date.now;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let inFlight = false;
	let dirty = false;
	let lastSignature = JSON.stringify(store.getState().containers);
	// The burst being coalesced: when its first event came, and its last.
	let burstStart = 0;
	let lastEventAt = 0;
	let lastListAt = Number.NEGATIVE_INFINITY;
	let confirmDelay = timing.confirmMs;
	const unconfirmed = () => Object.keys(store.getState().eventMarks.byId).length > 0;

	const listOnce = async () => {
		dirty = false;
		const requested = {seq: store.getState().eventMarks.seq, at: now()};
		lastListAt = requested.at;
		const containers = await engine.listContainers();
		// The backstop mostly finds nothing new: an unchanged list must not cost a frame. With rows
		// the events changed, it goes to the store all the same, to confirm them.
		const signature = JSON.stringify(containers);
		if (!stopped && (signature !== lastSignature || unconfirmed())) {
			lastSignature = signature;
			store.dispatch({type: 'containers/loaded', containers, requested});
		}
	};

	const refresh = async () => {
		if (inFlight) {
			// A refresh is running: run once more after it, never two at a time.
			dirty = true;
			return;
		}

		inFlight = true;
		try {
			do {
				// eslint-disable-next-line no-await-in-loop
				await listOnce();
			} while (dirty && !stopped);
		} finally {
			inFlight = false;
		}

		// Rows still as events said: the list was asked for before them, or the Engine lagged.
		if (unconfirmed()) {
			schedule(confirmDelay);
			confirmDelay = Math.min(confirmDelay * 2, 2000);
		} else {
			confirmDelay = timing.confirmMs;
		}
	};

	const fire = () => {
		timer = undefined;
		const time = now();
		// Still in a burst: wait for it to settle, but not for ever; and never list right after a list.
		const settling = burstStart > 0 && time - burstStart < timing.maxWaitMs ? lastEventAt + timing.throttleMs - time : 0;
		const wait = Math.max(settling, lastListAt + timing.minGapMs - time);
		if (wait > 0) {
			schedule(wait);
			return;
		}

		burstStart = 0;
		refresh().catch(onError);
	};

	function schedule(delay: number) {
		if (timer || stopped) {
			return;
		}

		timer = setTimeout(fire, delay);
	}

	return {
		refresh,
		eventAt(at) {
			lastEventAt = at;
			burstStart ||= at;
			schedule(timing.throttleMs);
		},
		stop() {
			stopped = true;
			clearTimeout(timer);
		},
	};
}
