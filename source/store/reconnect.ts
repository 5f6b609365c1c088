/** The wait before retry number `failures` (0-based): 0.5 s, doubling, at most `maxMs`. */
export function backoffDelay(failures: number, maxMs = 5000): number {
	return Math.min(maxMs, 500 * (2 ** failures));
}

export type ReconnectOptions = {
	/** One connection: resolves or throws when it ends (the signal aborts it when the loop stops). */
	readonly connect: (signal: AbortSignal) => Promise<void>;
	/** A connection failed and the next try is in `delayMs`. */
	readonly onFailure?: (error: unknown, delayMs: number) => void;
	readonly maxBackoffMs?: number;
};

/**
 * Connects again and again until stopped, waiting longer after each failure in a row (a connection
 * that ended cleanly resets the count). Returns the function that stops it. A failure's error is the
 * signal's reason when the connection was aborted with one (a refresh that failed inside it).
 */
export function reconnectLoop({connect, onFailure, maxBackoffMs = 5000}: ReconnectOptions): {readonly stop: () => void; readonly abort: (reason: unknown) => void} {
	let stopped = false;
	let session: AbortController | undefined;
	const loop = async () => {
		let failures = 0;
		while (!stopped) {
			session = new AbortController();
			try {
				// eslint-disable-next-line no-await-in-loop
				await connect(session.signal);
				failures = 0;
			} catch (error) {
				if (stopped) {
					return;
				}

				const reason = session.signal.aborted && session.signal.reason instanceof Error ? session.signal.reason : error;
				const delay = backoffDelay(failures, maxBackoffMs);
				failures++;
				onFailure?.(reason, delay);
				// eslint-disable-next-line no-await-in-loop
				await sleep(delay);
			} finally {
				session.abort();
			}
		}
	};

	void loop();
	return {
		stop() {
			stopped = true;
			session?.abort();
		},
		abort(reason) {
			session?.abort(reason);
		},
	};
}

async function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms).unref();
	});
}
