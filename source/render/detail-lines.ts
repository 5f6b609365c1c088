import type {DetailContent, StatsPoint, TopTable} from '../core/details.js';
import {formatBytes, formatPercent} from './format.js';
import {sanitizeLine} from './sanitize.js';

const bars = ' ▁▂▃▄▅▆▇█';

/** The last `width` values as a sparkline, scaled to their maximum (or `max` when given). */
export function sparkline(values: readonly number[], width: number, max?: number): string {
	const shown = values.slice(-width);
	const top = max ?? Math.max(0, ...shown);
	return shown.map(v => bars[top > 0 ? Math.min(8, Math.max(0, Math.round((v / top) * 8))) : 0]).join('');
}

/** `docker top` as aligned columns; the last column (the command) takes what is left. */
export function topLines(top: TopTable): string[] {
	const rows = [top.titles, ...top.processes].map(row => row.map(cell => sanitizeLine(cell)));
	const widths = top.titles.map((_, i) => Math.max(...rows.map(row => row[i]?.length ?? 0)));
	return rows.map(row => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

/** Per-second rate between the last two points of a cumulative counter. */
function rate(points: readonly StatsPoint[], pick: (p: StatsPoint) => number): number[] {
	return points.slice(1).map((p, i) => Math.max(0, pick(p) - pick(points[i]!)));
}

/**
 * How often samples come, from the Engine's read times: Docker sends one a second, Podman's Docker
 * API one every 5 s.
 */
export function sampleInterval(points: readonly StatsPoint[]): string {
	const [previous, last] = points.slice(-2);
	const seconds = previous?.readMs && last?.readMs ? Math.round((last.readMs - previous.readMs) / 1000) : 1;
	return seconds > 1 ? `one every ${seconds} s` : 'one a second';
}

/** The stats view: now, then a sparkline per metric over the kept history (a sample a second). */
export function statsLines(points: readonly StatsPoint[], width: number): string[] {
	const last = points.at(-1);
	if (!last) {
		return ['waiting for the first sample...'];
	}

	const spark = Math.max(10, width - 40);
	const line = (name: string, now: string, values: number[], max?: number) => `${name.padEnd(10)}${now.padEnd(26)}${sparkline(values, spark, max)}`;
	const memory = last.memoryLimitBytes > 0 ? `${formatBytes(last.memoryBytes)} / ${formatBytes(last.memoryLimitBytes)}` : formatBytes(last.memoryBytes);
	return [
		`${points.length} samples, ${sampleInterval(points)}`,
		'',
		line('CPU', formatPercent(last.cpuPercent), points.map(p => p.cpuPercent ?? 0)),
		line('Memory', memory, points.map(p => p.memoryBytes)),
		line('Net rx', `${formatBytes(last.rxBytes)} total`, rate(points, p => p.rxBytes)),
		line('Net tx', `${formatBytes(last.txBytes)} total`, rate(points, p => p.txBytes)),
		line('Block in', `${formatBytes(last.blockReadBytes)} read`, rate(points, p => p.blockReadBytes)),
		line('Block out', `${formatBytes(last.blockWriteBytes)} written`, rate(points, p => p.blockWriteBytes)),
		line('PIDs', String(last.pids), points.map(p => p.pids)),
	];
}

/** The lines of inspect, top or stats as shown: what the view draws and what its search looks in. */
export function detailLines(detail: DetailContent, width: number): readonly string[] {
	if (detail.error) {
		return [`error: ${sanitizeLine(detail.error)}`];
	}

	if (detail.kind === 'inspect') {
		return detail.inspect ?? ['loading...'];
	}

	return detail.kind === 'top' ? (detail.top ? topLines(detail.top) : ['loading...']) : statsLines(detail.stats, width);
}

/** The line of the next match of `search` from `from` on (wrapping), going `direction`; undefined when none. */
export function findLine(lines: readonly string[], search: string, from: number, direction: 1 | -1): number | undefined {
	const needle = search.toLowerCase();
	for (let step = 0; step < lines.length; step++) {
		const index = (((from + (direction * step)) % lines.length) + lines.length) % lines.length;
		if (lines[index]!.toLowerCase().includes(needle)) {
			return index;
		}
	}

	return undefined;
}
