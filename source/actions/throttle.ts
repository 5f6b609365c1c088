/**
 * At most one call every `intervalMs`, with the latest value: a pull's Engine stream sends a message
 * per chunk (hundreds a second), the screen needs about ten. The first value goes at once; later
 * ones wait for the interval; flush() sends a pending value now and cancel() drops it.
 */
export type Throttled<T> = {
	(value: T): void;
	flush(): void;
	cancel(): void;
};

/** The refresh cadence of progress in the status bar and the pull panel: 10 updates a second. */
export const progressIntervalMs = 100;

export function throttle<T>(send: (value: T) => void, intervalMs = progressIntervalMs): Throttled<T> {
	let last = Number.NEGATIVE_INFINITY;
	let pending: {value: T} | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const fire = () => {
		timer = undefined;
		if (pending) {
			const {value} = pending;
			pending = undefined;
			last = Date.now();
			send(value);
		}
	};

	const throttled = (value: T) => {
		pending = {value};
		const wait = last + intervalMs - Date.now();
		if (wait <= 0 && !timer) {
			fire();
		} else {
			timer ??= setTimeout(fire, Math.max(0, wait));
		}
	};

	throttled.flush = () => {
		if (timer) {
			clearTimeout(timer);
		}

		fire();
	};

	throttled.cancel = () => {
		if (timer) {
			clearTimeout(timer);
		}

		timer = undefined;
		pending = undefined;
	};

	return throttled;
}
