import type {Engine} from '../docker/engine.js';
import {describeError} from '../docker/errors.js';
import type {Store} from './create-store.js';
import {type ListRefresher, listRefresher} from './list-refresher.js';
import {reconnectLoop} from './reconnect.js';

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
	const backstopMs = () => options.backstopMs ?? backstopDelay(store.getState().containers?.length ?? 0);
	let stopped = false;
	const lists = listRefresher(engine, store, {
		throttleMs: options.throttleMs ?? 50,
		maxWaitMs: options.maxWaitMs ?? 1000,
		minGapMs: options.minGapMs ?? 500,
		confirmMs: options.confirmMs ?? 250,
	}, error => {
		connections.abort(error);
	});
	let firstConnect = true;
	const connections = reconnectLoop({
		maxBackoffMs: options.maxBackoffMs ?? 5000,
		async connect(signal) {
			let live = true;
			const askInfo = !firstConnect || store.getState().connection.status !== 'connected';
			firstConnect = false;
			try {
				await followEvents({engine, store, lists, signal, askInfo, live: () => live && !stopped, backstopMs, onError: error => {
					connections.abort(error);
				}});
			} finally {
				live = false;
			}
		},
		onFailure(error, delay) {
			store.dispatch({type: 'engine/disconnected', error: describeError(error, engine.host), retryAt: Date.now() + delay});
		},
	});
	return () => {
		stopped = true;
		lists.stop();
		connections.stop();
	};
}

type FollowOptions = {
	readonly engine: Engine;
	readonly store: Store;
	readonly lists: ListRefresher;
	readonly signal: AbortSignal;
	/** Ask the Engine's version: after a reconnect (an upgrade), or when run() has not. */
	readonly askInfo: boolean;
	/** False once this connection is over or the watcher stopped. */
	readonly live: () => boolean;
	readonly backstopMs: () => number;
	readonly onError: (error: unknown) => void;
};

/** One connection: subscribe to events, list, then apply events as they come, a backstop list behind them. */
async function followEvents({engine, store, lists, signal, askInfo, live, backstopMs, onError}: FollowOptions): Promise<void> {
	// Podman's GET /version takes seconds (it gathers all of `podman info`), so it is asked for
	// alongside the events and the list, not before them.
	if (askInfo) {
		engine.info().then(info => {
			if (live() && !signal.aborted) {
				store.dispatch({type: 'engine/connected', info});
			}
		}, () => undefined);
	}

	// Subscribe before listing, so nothing that happens in between is missed.
	const events = engine.events(signal)[Symbol.asyncIterator]();
	const first = events.next();
	// Awaited below; if the stream fails while the list loads, that must not be an unhandled rejection.
	first.catch(() => undefined);
	await lists.refresh();
	// The list answered, so the Engine is back; the version, if still on its way, follows.
	const {connection} = store.getState();
	if (askInfo && connection.status !== 'connected') {
		store.dispatch({type: 'engine/connected', info: connection.info ?? {host: engine.host}});
	}

	let backstop: NodeJS.Timeout | undefined;
	let following = true;
	const scheduleBackstop = () => {
		// A refresh that ends after this connection did must not start a new round.
		if (following && live()) {
			backstop = setTimeout(() => {
				if (following && live()) {
					lists.refresh().then(scheduleBackstop, onError);
				}
			}, backstopMs());
		}
	};

	scheduleBackstop();
	try {
		for (let result = await first; !result.done; result = await events.next()) {
			if (!ignoredActions.test(result.value.action)) {
				const at = Date.now();
				store.dispatch({type: 'containers/event', event: result.value, at});
				lists.eventAt(at);
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
}
