import type {Engine} from '../docker/engine.js';
import {inspectLines} from '../render/inspect-lines.js';
import type {Store} from './create-store.js';

/**
 * Feeds the detail view that is open, outside React: inspect once, top every 2 s while visible,
 * stats from one streaming connection for that container only. Closing the view stops it all.
 */
export function startDetailWatcher(engine: Engine, store: Store, topMs = 2000): () => void {
	let current: {key: string; controller: AbortController} | undefined;

	const run = async (kind: string, id: string, signal: AbortSignal) => {
		const fail = (error: unknown) => {
			if (!signal.aborted) {
				store.dispatch({type: 'detail/loaded', containerId: id, patch: {error: (error as Error).message}});
			}
		};

		if (kind === 'inspect') {
			try {
				const document = await engine.inspect(id);
				if (!signal.aborted) {
					store.dispatch({type: 'detail/loaded', containerId: id, patch: {inspect: inspectLines(document)}});
				}
			} catch (error) {
				fail(error);
			}
		} else if (kind === 'top') {
			while (!signal.aborted) {
				try {
					// eslint-disable-next-line no-await-in-loop
					const top = await engine.top(id);
					if (!signal.aborted) {
						store.dispatch({type: 'detail/loaded', containerId: id, patch: {top, error: undefined}});
					}
				} catch (error) {
					fail(error);
				}

				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => {
					setTimeout(resolve, topMs);
				});
			}
		} else {
			try {
				for await (const point of engine.statsDetail(id, signal)) {
					store.dispatch({type: 'detail/stats', containerId: id, point});
				}
			} catch (error) {
				fail(error);
			}
		}
	};

	const sync = () => {
		const {detail} = store.getState();
		const key = detail ? `${detail.kind} ${detail.containerId}` : undefined;
		if (current?.key === key) {
			return;
		}

		current?.controller.abort();
		current = undefined;
		if (detail && key) {
			const controller = new AbortController();
			current = {key, controller};
			void run(detail.kind, detail.containerId, controller.signal);
		}
	};

	const unsubscribe = store.subscribe(sync);
	sync();
	return () => {
		unsubscribe();
		current?.controller.abort();
	};
}
