import type {Port} from '../core/types.js';

const units = ['B', 'K', 'M', 'G', 'T', 'P'];

/** 1536 -> "1.5K", 12_884_901_888 -> "12G": binary units, at most three significant digits. */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
		return '-';
	}

	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	const digits = unit > 0 && value < 10 ? 1 : 0;
	let text = value.toFixed(digits);
	if (text === '1024' && unit < units.length - 1) {
		text = '1.0';
		unit++;
	}

	return `${text}${units[unit]}`;
}

export function formatPercent(percent: number | undefined): string {
	if (percent === undefined || !Number.isFinite(percent)) {
		return '-';
	}

	// 99.96 would print as "100.0%": decide on the rounded value.
	return percent >= 99.95 ? `${Math.round(percent)}%` : `${percent.toFixed(1)}%`;
}

const unitWords: ReadonlyArray<[RegExp, string]> = [
	[/^seconds?$/, 's'], [/^minutes?$/, 'm'], [/^hours?$/, 'h'], [/^days?$/, 'd'], [/^weeks?$/, 'w'], [/^months?$/, 'mo'], [/^years?$/, 'y'],
];

/** "3 minutes" -> "3m", "About an hour" -> "1h", "Less than a second" -> "<1s". */
export function compactDuration(text: string): string {
	const trimmed = text.trim();
	if (/^less than a second$/i.test(trimmed)) {
		return '<1s';
	}

	const match = /^(?:about )?(an?|\d+) (\w+)$/i.exec(trimmed);
	if (!match) {
		return trimmed;
	}

	const count = /^an?$/i.test(match[1]!) ? '1' : match[1]!;
	const word = match[2]!.toLowerCase();
	const unit = unitWords.find(([pattern]) => pattern.test(word))?.[1];
	return unit ? `${count}${unit}` : trimmed;
}

/**
 * The Engine's status text, short enough for a column:
 * "Up 3 minutes (healthy)" -> "up 3m healthy", "Exited (137) 2 hours ago" -> "exit 137, 2h ago".
 */
export function compactStatus(status: string): string {
	let match = /^Up (.+?)(?: \((healthy|unhealthy|health: starting|Paused)\))?$/.exec(status);
	if (match) {
		// "Paused" is left out: the state column says it already.
		const extra = match[2] && match[2] !== 'Paused' ? ` ${match[2].replace('health: ', '')}` : '';
		return `up ${compactDuration(match[1]!)}${extra}`;
	}

	match = /^Exited \((-?\d+)\) (.+) ago$/.exec(status);
	if (match) {
		return `exit ${match[1]}, ${compactDuration(match[2]!)} ago`;
	}

	match = /^Restarting \((-?\d+)\) (.+) ago$/.exec(status);
	if (match) {
		return `restarting (exit ${match[1]}, ${compactDuration(match[2]!)} ago)`;
	}

	return status.toLowerCase();
}

/** Published ports first, as "8080->80/tcp"; unpublished as "80/tcp". */
export function formatPorts(ports: readonly Port[]): string {
	// Most containers publish nothing; the first frame formats all of them (widths), 1,000 at start.
	if (ports.length === 0) {
		return '';
	}

	const address = (ip: string | undefined) => {
		if (!ip || ip === '0.0.0.0' || ip === '::') {
			return '';
		}

		return ip.includes(':') ? `[${ip}]:` : `${ip}:`;
	};

	const published = ports.filter(p => p.publicPort).map(p => `${address(p.ip)}${p.publicPort}->${p.privatePort}/${p.protocol}`);
	const exposed = ports.filter(p => !p.publicPort).map(p => `${p.privatePort}/${p.protocol}`);
	return [...published, ...exposed].join(', ');
}

/** Seconds since the epoch to "5m", "3h", "2d", "6w", "1y" (how long ago). */
export function formatAge(epochSeconds: number, nowMs = Date.now()): string {
	if (!epochSeconds) {
		return '-';
	}

	const seconds = Math.max(0, Math.floor(nowMs / 1000 - epochSeconds));
	const steps: ReadonlyArray<[number, string]> = [[31_536_000, 'y'], [604_800, 'w'], [86_400, 'd'], [3600, 'h'], [60, 'm']];
	for (const [size, unit] of steps) {
		if (seconds >= size) {
			return `${Math.floor(seconds / size)}${unit}`;
		}
	}

	return `${seconds}s`;
}
