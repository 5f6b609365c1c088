import type {LayerPhase, LayerProgress, PullProgress} from '../core/pull-progress.js';
/** One message of the Engine's pull stream (POST /images/create), as JSON lines. */
export type PullMessage = {
	readonly status?: string;
	readonly id?: string;
	readonly progressDetail?: {readonly current?: number; readonly total?: number};
	readonly error?: string;
	readonly errorDetail?: {readonly message?: string};
};

export type {LayerPhase, LayerProgress, PullProgress} from '../core/pull-progress.js';

export const emptyPull: PullProgress = {layers: [], downloaded: 0, total: 0, messages: []};

function phaseOf(status: string, previous: LayerPhase | undefined): LayerPhase {
	switch (status) {
		case 'Pulling fs layer':
		case 'Waiting': {
			return 'waiting';
		}

		case 'Downloading': {
			return 'downloading';
		}

		case 'Verifying Checksum':
		case 'Download complete': {
			return 'downloaded';
		}

		case 'Extracting': {
			return 'extracting';
		}

		case 'Pull complete': {
			return 'done';
		}

		case 'Already exists': {
			return 'exists';
		}

		default: {
			return previous ?? 'waiting';
		}
	}
}

function updateLayer(previous: LayerProgress | undefined, id: string, message: PullMessage): LayerProgress {
	const status = message.status ?? '';
	const phase = phaseOf(status, previous?.phase);
	const detail = message.progressDetail;
	const total = detail?.total !== undefined && detail.total > 0 ? detail.total : undefined;
	const current = detail?.current;
	// Extraction reads the same compressed blob: its total is the download's size when no
	// "Downloading" message said it (the Engine drops progress messages a slow reader has not taken).
	const size = (phase === 'downloading' || (phase === 'extracting' && previous?.size === undefined)) && total !== undefined ? total : previous?.size;
	return {
		id,
		status,
		phase,
		...(current === undefined ? {} : {current}),
		...(total === undefined ? {} : {total}),
		...(size === undefined ? {} : {size}),
	};
}

function downloadedOf(layer: LayerProgress): number {
	if (layer.size === undefined) {
		return 0;
	}

	return layer.phase === 'downloading' ? Math.min(layer.current ?? 0, layer.size) : (layer.phase === 'waiting' ? 0 : layer.size);
}

/** Pure: the progress after one message of the stream. */
export function reducePull(state: PullProgress, message: PullMessage): PullProgress {
	if (message.error || message.errorDetail?.message) {
		return {...state, error: (message.errorDetail?.message ?? message.error ?? '').replaceAll(/\s+/g, ' ').trim()};
	}

	const status = message.status ?? '';
	// A layer's messages carry its short id; the first line's id is the tag ("Pulling from x", id "1").
	const isLayer = message.id !== undefined && /^[a-f\d]{12}$/.test(message.id);
	if (!isLayer) {
		const digest = /^Digest: (\S+)/.exec(status)?.[1];
		const line = message.id && !status.includes(message.id) ? `${message.id}: ${status}` : status;
		return {...state, messages: line ? [...state.messages, line] : state.messages, ...(digest ? {digest} : {})};
	}

	const index = state.layers.findIndex(layer => layer.id === message.id);
	const layer = updateLayer(index === -1 ? undefined : state.layers[index], message.id!, message);
	const layers = index === -1 ? [...state.layers, layer] : state.layers.map((old, at) => (at === index ? layer : old));
	let downloaded = 0;
	let total = 0;
	for (const each of layers) {
		if (each.phase !== 'exists' && each.size !== undefined) {
			downloaded += downloadedOf(each);
			total += each.size;
		}
	}

	return {...state, layers, downloaded, total};
}
