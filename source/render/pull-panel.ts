import type {LayerProgress as PanelLayer, PullProgress as PanelProgress} from '../core/pull-progress.js';
import {formatBytes} from './format.js';
import {sanitizeLine} from './sanitize.js';
import {fit, truncate} from './text-width.js';

/** A pull's progress, as the panel draws it. */
export type {LayerProgress as PanelLayer, PullProgress as PanelProgress} from '../core/pull-progress.js';

/** Layer lines the panel has under its title: the height stays the same from start to end of a pull. */
export const panelLayerRows = 3;

// Busy layers first, then those still to come; finished ones are only counted in the title.
const order: Readonly<Record<PanelLayer['phase'], number>> = {downloading: 0, extracting: 1, downloaded: 2, waiting: 3, done: 4, exists: 5};

const words: Readonly<Record<PanelLayer['phase'], string>> = {
	waiting: 'waiting', downloading: 'download', downloaded: 'verified', extracting: 'extract', done: 'done', exists: 'exists',
};

/** "[#####-----]": `width` columns in all, brackets included. */
export function progressBar(ratio: number, width: number): string {
	const inner = Math.max(0, width - 2);
	const filled = Math.round(Math.min(1, Math.max(0, ratio)) * inner);
	return `[${'#'.repeat(filled)}${'-'.repeat(inner - filled)}]`;
}

/** "1.2M / 3.4M" for a known total, else what is known. */
function bytesOf(current: number | undefined, total: number | undefined): string {
	if (total === undefined) {
		return current === undefined ? '' : formatBytes(current);
	}

	return `${formatBytes(Math.min(current ?? 0, total))} / ${formatBytes(total)}`;
}

/** One layer: its short id, what it is doing, a bar and its bytes, in exactly `width` columns. */
export function layerLine(layer: PanelLayer, width: number): string {
	const busy = layer.phase === 'downloading' || layer.phase === 'extracting';
	const ratio = busy ? (layer.total ? (layer.current ?? 0) / layer.total : 0) : (layer.phase === 'waiting' ? 0 : 1);
	const bytes = busy ? bytesOf(layer.current, layer.total) : (layer.size === undefined ? '' : formatBytes(layer.size));
	const head = `  ${sanitizeLine(layer.id).slice(0, 12)} ${fit(words[layer.phase], 8)} `;
	const tail = ` ${fit(bytes, 15, 'right')}`;
	const bar = Math.max(4, Math.min(40, width - head.length - tail.length));
	return fit(`${head}${progressBar(ratio, bar)}${tail}`, width);
}

/** The title: what is pulled, the bytes of all layers whose size is known, and how many are done. */
export function panelTitle(reference: string, progress: PanelProgress, width: number): string {
	const {layers} = progress;
	const finished = layers.filter(l => l.phase === 'done' || l.phase === 'exists').length;
	const bytes = progress.total > 0 ? `  ${formatBytes(progress.downloaded)} / ${formatBytes(progress.total)}` : '';
	const count = layers.length > 0 ? `  ${finished} of ${layers.length} layers done` : '  asking the registry...';
	const tail = `${bytes}${count}`;
	const room = Math.max(8, width - tail.length - 'pulling '.length);
	return fit(`pulling ${truncate(sanitizeLine(reference), room)}${tail}`, width);
}

/**
 * The progress panel above the status bar while a pull runs: a title and exactly panelLayerRows
 * layer lines (blank when fewer layers are busy), each exactly `width` columns.
 */
export function pullPanelLines(reference: string, progress: PanelProgress, width: number): string[] {
	const shown = [...progress.layers]
		.filter(l => l.phase !== 'done' && l.phase !== 'exists')
		.sort((a, b) => order[a.phase] - order[b.phase])
		.slice(0, panelLayerRows)
		.map(layer => layerLine(layer, width));
	while (shown.length < panelLayerRows) {
		shown.push(' '.repeat(width));
	}

	return [panelTitle(reference, progress, width), ...shown];
}

/** The status bar during U's check: which container, what is pulled, and the bytes so far. */
export function checkStatusText(name: string, reference: string, progress: PanelProgress | undefined, position?: {readonly index: number; readonly of: number}): string {
	const which = position && position.of > 1 ? ` (${position.index + 1} of ${position.of})` : '';
	const bytes = progress && progress.total > 0 ? `: ${formatBytes(progress.downloaded)} / ${formatBytes(progress.total)}` : '';
	return `checking ${sanitizeLine(name)}${which}: pulling ${sanitizeLine(reference)}${bytes}...`;
}
