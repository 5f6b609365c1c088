// What a pull's progress is, shared by the Engine layer that reads it and the panel that draws it.

export type LayerPhase = 'waiting' | 'downloading' | 'downloaded' | 'extracting' | 'done' | 'exists';

/** A layer as the progress panel shows it. */
export type LayerProgress = {
	readonly id: string;
	/** The Engine's own words, e.g. "Downloading", "Verifying Checksum", "Pull complete". */
	readonly status: string;
	readonly phase: LayerPhase;
	/** Bytes of the current phase (download, then extraction), when the Engine says. */
	readonly current?: number;
	readonly total?: number;
	/** The download's size, kept once known so the total stays right during extraction. */
	readonly size?: number;
};

/** A pull's progress as plain data: layers in the order the Engine named them, and the sum. */
export type PullProgress = {
	readonly layers: readonly LayerProgress[];
	/** Bytes downloaded of the layers whose size is known ("Already exists" layers left out). */
	readonly downloaded: number;
	readonly total: number;
	/** Lines without a layer: "Pulling from ...", "Digest: ...", "Status: ...". */
	readonly messages: readonly string[];
	readonly digest?: string;
	/** The stream's own error, when it sent one. */
	readonly error?: string;
};
