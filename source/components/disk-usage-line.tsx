import {Text} from 'ink';
import type {DiskUsage} from '../core/types.js';
import {formatBytes} from '../render/format.js';
import {truncate} from '../render/text-width.js';

/** `docker system df` in one line: total and reclaimable for images, containers, volumes, build cache. */
export function DiskUsageLine({usage, width}: {readonly usage?: DiskUsage; readonly width: number}) {
	if (!usage) {
		return <Text dimColor>disk: asking the Engine (system df)...</Text>;
	}

	const part = (name: string, entry: {count: number; size: number; reclaimable: number}) =>
		`${name} ${formatBytes(entry.size)} (${formatBytes(entry.reclaimable)} reclaimable)`;
	const line = `disk: ${part('images', usage.images)}, ${part('containers', usage.containers)}, ${part('volumes', usage.volumes)}, ${part('build cache', usage.buildCache)}`;
	return <Text dimColor>{truncate(line, width)}</Text>;
}
