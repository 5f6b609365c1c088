import type {Engine} from '../docker/engine.js';
import type {EngineEvent} from '../core/types.js';
import {describeError} from '../docker/errors.js';
import type {Store} from './create-store.js';

export type WatcherOptions = {
	/**
	 * Coalesces bursts of events (a compose up fires dozens) into one list call: the list waits until
	 * events have been quiet this long (rows change at each event already; the list fills in the rest).
	 */
	readonly throttleMs?: number;
	/** A burst that never goes quiet still gets a list after this long. */
	readonly maxWaitMs?: number;
	/**
	 * Lists start at least this far apart: rows change at each event already, so a list in a long
	 * burst (containers starting one by one on a busy host) only confirms, and can wait.
	 */
	readonly minGapMs?: number;
	/**
	 * A list that left rows as events said (it was late, see container-events.ts) is followed by
	 * another this much later, doubling while the Engine keeps disagreeing.
	 */
	readonly confirmMs?: number;
	/**
	 * The slow full refresh behind the events stream, in case an event was missed (and for the
	 * uptimes in the status column). Unset, it is 10 s, longer for long lists (see backstopDelay).
	 */
	readonly backstopMs?: number;
	readonly maxBackoffMs?: number;
};

/** Events that change what the Containers table shows; exec_* and top are noise from health checks. */
const ignoredActions = /^(exec_|top|attach|resize|export|copy|archive-path|commit)/;

/**
 * The default backstop: every 10 s, or 30 ms a container for longer lists (30 s at 1,000). Listing
 * 1,000 containers is 0.8 MB of JSON to read and compare, a good part of tsdtop's idle cost; what
 * waits is an uptime ticking over ("up 47m" to "up 48m"), as events bring every real change.
 */
export function backstopDelay(containerCount: number): number {
	return Math.min(60_000, Math.max(10_000, containerCount * 30));
}

/**
 * Keeps the store's container list in step with the Engine: each event changes its row at once, a
 * throttled list confirms them (and is asked for again while it disagrees), a slow poll backs it up,
 * and a broken connection is retried with backoff while the last data stays on screen. Returns the
 * function that stops it.
 */
export function startWatcher(engine: Engine, store: Store, options: WatcherOptions = {}): () => void {
	const throttleMs = options.throttleMs ?? 50;
	const maxWaitMs = options.maxWaitMs ?? 1000;
	const minGapMs = options.minGapMs ?? 500;
	const confirmMs = options.confirmMs ?? 250;
	const now = Date.now;
	const backstopMs = () => options.backstopMs ?? backstopDelay(store.getState().containers?.length ?? 0);
	const maxBackoffMs = options.maxBackoffMs ?? 5000;
	let stopped = false;
	let session: AbortController | undefined;
	let timer: NodeJS.Timeout | undefined;
	let inFlight = false;
	let dirty = false;
	let lastSignature = JSON.stringify(store.getState().containers);
	// The burst being coalesced: when its first event came, and its last.
	let burstStart = 0;
	let lastEventAt = 0;
	let lastListAt = Number.NEGATIVE_INFINITY;
	let confirmDelay = confirmMs;
	const unconfirmed = () => Object.keys(store.getState().eventMarks.byId).length > 0;

	const refresh = async () => {
		if (inFlight) {
			// A refresh is running: run once more after it, never two at a time.
			dirty = true;
			return;
		}

		inFlight = true;
		try {
			do {
				dirty = false;
				const requested = {seq: store.getState().eventMarks.seq, at: now()};
				lastListAt = requested.at;
				// eslint-disable-next-line no-await-in-loop
				const containers = await engine.listContainers();
				// The backstop mostly finds nothing new: an unchanged list must not cost a frame. With
				// rows the events changed, it goes to the store all the same, to confirm them.
				const signature = JSON.stringify(containers);
				if (!stopped && (signature !== lastSignature || unconfirmed())) {
					lastSignature = signature;
					store.dispatch({type: 'containers/loaded', containers, requested});
				}
			} while (dirty && !stopped);
		} finally {
			inFlight = false;
		}

		// Rows still as events said: the list was asked for before them, or the Engine lagged.
		if (unconfirmed()) {
			schedule(confirmDelay);
			confirmDelay = Math.min(confirmDelay * 2, 2000);
		} else {
			confirmDelay = confirmMs;
		}
	};

	const fire = () => {
		timer = undefined;
		const time = now();
		// Still in a burst: wait for it to settle, but not for ever; and never list right after a list.
		const settling = burstStart > 0 && time - burstStart < maxWaitMs ? lastEventAt + throttleMs - time : 0;
		const wait = Math.max(settling, lastListAt + minGapMs - time);
		if (wait > 0) {
			schedule(wait);
			return;
		}

		burstStart = 0;
		refresh().catch(error => session?.abort(error));
	};

	const schedule = (delay: number) => {
		if (timer || stopped) {
			return;
		}

		timer = setTimeout(fire, delay);
	};

	const onEvent = (event: EngineEvent) => {
		const at = now();
		store.dispatch({type: 'containers/event', event, at});
		lastEventAt = at;
		burstStart ||= at;
		schedule(throttleMs);
	};

	let firstConnect = true;
	const connectOnce = async (signal: AbortSignal) => {
		let live = true;
		try {
			await follow(signal, () => live);
		} finally {
			live = false;
		}
	};

	const follow = async (signal: AbortSignal, live: () => boolean) => {
		// run() has just asked for the version; after a reconnect it must be asked again (an upgrade).
		// Podman's GET /version takes seconds (it gathers all of `podman info`), so it is asked for
		// alongside the events and the list, not before them.
		const askInfo = !firstConnect || store.getState().connection.status !== 'connected';
		if (askInfo) {
			engine.info().then(info => {
				if (live() && !signal.aborted) {
					store.dispatch({type: 'engine/connected', info});
				}
			}, () => undefined);
		}

		firstConnect = false;
		// Subscribe before listing, so nothing that happens in between is missed.
		const events = engine.events(signal)[Symbol.asyncIterator]();
		const first = events.next();
		// Awaited below; if the stream fails while the list loads, that must not be an unhandled rejection.
		first.catch(() => undefined);
		await refresh();
		// The list answered, so the Engine is back; the version, if still on its way, follows.
		const {connection} = store.getState();
		if (askInfo && connection.status !== 'connected') {
			store.dispatch({type: 'engine/connected', info: connection.info ?? {host: engine.host}});
		}
		let backstop: NodeJS.Timeout | undefined;
		let following = true;
		const scheduleBackstop = () => {
			// A refresh that ends after this connection did must not start a new round.
			if (following && !stopped) {
				backstop = setTimeout(() => {
					if (following && !stopped) {
						refresh().then(scheduleBackstop, error => session?.abort(error));
					}
				}, backstopMs());
			}
		};

		scheduleBackstop();
		try {
			for (let result = await first; !result.done; result = await events.next()) {
				if (!ignoredActions.test(result.value.action)) {
					onEvent(result.value);
				}
			}
		} finally {
			following = false;
			clearTimeout(backstop);
			await events.return?.();
		}

		if (!signal.aborted) {
			throw Object.assign(new Error('the Engine closed the events stream'), {code: 'ECONNRESET'});
		}
	};

	const loop = async () => {
		let failures = 0;
		while (!stopped) {
			session = new AbortController();
			try {
				// eslint-disable-next-line no-await-in-loop
				await connectOnce(session.signal);
				failures = 0;
			} catch (error) {
				if (stopped) {
					return;
				}

				const reason = session.signal.aborted && session.signal.reason instanceof Error ? session.signal.reason : error;
				const delay = Math.min(maxBackoffMs, 500 * (2 ** failures));
				failures++;
				store.dispatch({type: 'engine/disconnected', error: describeError(reason, engine.host), retryAt: Date.now() + delay});
				// eslint-disable-next-line no-await-in-loop
				await sleep(delay);
			} finally {
				session.abort();
			}
		}
	};

	void loop();
	return () => {
		stopped = true;
		clearTimeout(timer);
		session?.abort();
	};
}

async function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms).unref();
	});
}
