/** A compose project as the Projects pane lists it (store/projects.ts makes them from the containers' labels). */
export type ProjectRow = {
	readonly name: string;
	readonly running: number;
	readonly total: number;
	/** Sorted, without repeats. */
	readonly services: readonly string[];
	readonly workingDir?: string;
	readonly configFiles: readonly string[];
	/** Sum over the containers with a CPU figure; undefined while none has one. */
	readonly cpuPercent?: number;
	/** Sum over the containers with a sample; undefined while none has one. */
	readonly memoryBytes?: number;
	/** Its containers, by service and then name: the order actions go in. */
	readonly containers: ReadonlyArray<{readonly id: string; readonly name: string; readonly running: boolean}>;
};
