import {type CgroupReading, statsBetween} from '../docker/cgroup-files.js';
import type {CgroupStats} from '../docker/cgroup-stats.js';
import type {ContainerStats} from '../core/types.js';

export type Offer = (id: string, read: () => ContainerStats) => void;

/**
 * The rows whose stats the stats watcher reads from cgroup files: the last read of each (CPU is
 * the delta from it), and the rows whose files are not there, which are streamed instead.
 */
export function cgroupRows(source: CgroupStats, intervalMs: number) {
	const bases = new Map<string, CgroupReading>();
	const missing = new Set<string>();
	const offerStats = (id: string, stats: ContainerStats, offer: Offer) => {
		offer(id, () => stats);
	};

	return {
		/**
		 * Takes the rows on screen and returns those to stream. A row new on screen is read at
		 * once, so its memory shows without waiting for the refresh; its CPU needs a second read.
		 */
		want(ids: ReadonlySet<string>, offer: Offer): Set<string> {
			for (const id of bases.keys()) {
				if (!ids.has(id)) {
					bases.delete(id);
					source.close(id);
				}
			}

			for (const id of missing) {
				if (!ids.has(id)) {
					missing.delete(id);
				}
			}

			const streamed = new Set<string>();
			for (const id of ids) {
				if (bases.has(id)) {
					continue;
				}

				const reading = missing.has(id) ? undefined : source.read(id);
				if (reading) {
					bases.set(id, reading);
					offerStats(id, statsBetween(undefined, reading, source.hostMemoryBytes), offer);
				} else {
					missing.add(id);
					streamed.add(id);
				}
			}

			return streamed;
		},

		/** One refresh: every row's files, its CPU over the wall time since its last read. */
		read(offer: Offer): void {
			for (const [id, base] of bases) {
				const reading = source.read(id);
				// Its container stopped since the last refresh: the container list will say so. And a
				// row read just before (it came on screen) waits a refresh: CPU over a few ms is noise.
				if (!reading || reading.at - base.at < intervalMs / 2) {
					continue;
				}

				bases.set(id, reading);
				offerStats(id, statsBetween(base, reading, source.hostMemoryBytes), offer);
			}
		},

		stop(): void {
			bases.clear();
			source.closeAll();
		},
	};
}
