import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {stripSgr} from '../logs/sanitize-log.js';
import type {LogsState} from '../logs/types.js';

/** A file name for a saved log: the container's name (made file-safe) and the time. */
export function logFileName(name: string, now: Date): string {
	const safe = name.replaceAll(/[^\w.-]/g, '_').slice(0, 60) || 'container';
	const stamp = now.toISOString().replaceAll(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `tsdtop-${safe}-${stamp}.log`;
}

/** The buffer as a file's text: the lines as read, without colour codes, stderr ones unmarked. */
export function logFileText(logs: LogsState): string {
	return logs.lines.map(line => `${logs.timestamps && line.time ? `${line.time} ` : ''}${stripSgr(line.text)}\n`).join('');
}

/** Writes the buffer to a new file in `directory`; resolves to its path. */
export async function saveLogs(logs: LogsState, directory: string, now = new Date()): Promise<string> {
	const file = path.resolve(directory, logFileName(logs.name, now));
	await writeFile(file, logFileText(logs), {flag: 'wx'});
	return file;
}
