import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {stripSgr} from '../core/sanitize-log.js';
import type {LogsState} from '../store/log-state.js';

/** A file name for a saved log: the container's name (made file-safe) and the time. */
export function logFileName(name: string, now: Date): string {
	const safe = name.replaceAll(/[^\w.-]/g, '_').slice(0, 60) || 'container';
	const stamp = now.toISOString().replaceAll(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `tsdtop-${safe}-${stamp}.log`;
}

/**
 * The buffer as a file's text: the lines as read, without colour codes, stderr ones unmarked. A line
 * kept in pieces (longer than maxLineLength) is one line again, with its timestamp once (issue 12).
 */
export function logFileText(logs: LogsState): {readonly text: string; readonly lines: number} {
	// A merged log's lines keep their container's name, padded, as on screen (issue 16 item 2).
	const labels = new Map((logs.sources ?? []).map(source => [source.id, source.label]));
	const width = Math.max(0, ...[...labels.values()].map(label => label.length));
	const who = (source: string | undefined) => (source !== undefined && labels.has(source) ? `${labels.get(source)!.padEnd(width)} | ` : '');
	const stamp = (time: string | undefined, source?: string) => `${logs.timestamps && time ? `${time} ` : ''}${who(source)}`;
	let text = '';
	let lines = 0;
	// The pieces of a line are in order, but a line of the other stream may come between them.
	const open = new Map<string, string>();
	for (const line of logs.lines) {
		const stream = `${line.source ?? ''}\u0000${line.stream}`;
		const before = open.get(stream);
		const piece = stripSgr(line.text);
		if (line.continues) {
			open.set(stream, (before ?? stamp(line.time, line.source)) + piece);
			continue;
		}

		open.delete(stream);
		text += `${before ?? stamp(line.time, line.source)}${piece}\n`;
		lines++;
	}

	// A line still being written when the file is saved: what has come of it.
	for (const rest of open.values()) {
		text += `${rest}\n`;
		lines++;
	}

	return {text, lines};
}

/** Writes the buffer to a new file in `directory`; resolves to its path and the lines written. */
export async function saveLogs(logs: LogsState, directory: string, now = new Date()): Promise<{readonly file: string; readonly lines: number}> {
	const file = path.resolve(directory, logFileName(logs.name, now));
	const {text, lines} = logFileText(logs);
	await writeFile(file, text, {flag: 'wx'});
	return {file, lines};
}
