import {closeSync, openSync, readSync} from 'node:fs';
import {type CgroupLayout, type CgroupReading, isReading, readingV1, readingV2} from './cgroup-files.js';

/** Reads the cgroup files of the containers on screen, each file kept open between refreshes. */
export type CgroupReader = {
	/** The container's counters now; undefined when its files are not there (stopped, gone, elsewhere). */
	read(id: string): CgroupReading | undefined;
	/** Closes the container's files (its row left the screen). */
	close(id: string): void;
	closeAll(): void;
};

// The four files a reading needs, in the order readingV1/readingV2 take them.
const v1Files = ['memory.usage_in_bytes', 'memory.stat', 'memory.limit_in_bytes', 'cpuacct.usage'] as const;
const v2Files = ['memory.current', 'memory.stat', 'memory.max', 'cpu.stat'] as const;

// One buffer for every read: memory.stat, the largest of these files, is 1-2 kB.
const buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A cgroup file is made anew by the kernel on each read from offset 0, so an open file is read
 * with one pread, where readFileSync takes five system calls and a buffer: 37 containers' files
 * cost 0.8-1.2 ms a refresh kept open and 5-14 ms read afresh on this project's loaded machine.
 */
export function createCgroupReader(layout: CgroupLayout): CgroupReader {
	const open = new Map<string, number[]>();
	const names = layout.version === 2 ? v2Files : v1Files;

	const close = (id: string) => {
		for (const fd of open.get(id) ?? []) {
			closeSync(fd);
		}

		open.delete(id);
	};

	const openFiles = (id: string): number[] => {
		const fds: number[] = [];
		try {
			for (const [index, name] of names.entries()) {
				// The memory files are in the memory directory; the last is the CPU's.
				fds.push(openSync(`${(index < 3 ? layout.memory : layout.cpu).replaceAll('{id}', id)}/${name}`, 'r'));
			}
		} catch (error) {
			for (const fd of fds) {
				closeSync(fd);
			}

			throw error;
		}

		open.set(id, fds);
		return fds;
	};

	const readAll = (fds: readonly number[], at: number): CgroupReading => {
		const [a = '', b = '', c = '', d = ''] = fds.map(fd => buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)));
		return layout.version === 2 ? readingV2({current: a, stat: b, max: c, cpuStat: d}, at) : readingV1({usage: a, stat: b, limit: c, cpuacct: d}, at);
	};

	return {
		read(id) {
			// Twice at most: files of a cgroup that was removed fail to read (the container stopped,
			// or restarted with a new cgroup of the same name): open them again, once.
			for (let attempt = 0; attempt < 2; attempt++) {
				try {
					const fds = open.get(id) ?? openFiles(id);
					const reading = readAll(fds, performance.now());
					return isReading(reading) ? reading : undefined;
				} catch {
					close(id);
				}
			}

			return undefined;
		},
		close,
		closeAll() {
			for (const id of [...open.keys()]) {
				close(id);
			}
		},
	};
}
