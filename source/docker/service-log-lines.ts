import {Demuxer} from './demux.js';
import {LineSplitter, type RawLine} from './line-splitter.js';
import type {ServiceLogLine} from '../core/swarm.js';

/** The ids `details=1` puts before each line of a service's log (after the timestamp). */
export type LogDetails = {
	readonly taskId: string;
	readonly nodeId: string;
	readonly serviceId: string;
	/** The line itself, after the details. */
	readonly text: string;
};

/**
 * Splits "com.docker.swarm.node.id=N,com.docker.swarm.service.id=S,com.docker.swarm.task.id=T text"
 * into the ids and the text. The Engine query-escapes the values (a log driver may add labels and
 * env there too), so the details end at the first space. A line without them keeps its text.
 */
export function parseLogDetails(line: string): LogDetails {
	const space = line.indexOf(' ');
	const head = space === -1 ? line : line.slice(0, space);
	if (!head.includes('com.docker.swarm.')) {
		return {taskId: '', nodeId: '', serviceId: '', text: line};
	}

	const values = new Map<string, string>();
	for (const pair of head.split(',')) {
		const equals = pair.indexOf('=');
		if (equals !== -1) {
			values.set(pair.slice(0, equals), decode(pair.slice(equals + 1)));
		}
	}

	return {
		taskId: values.get('com.docker.swarm.task.id') ?? '',
		nodeId: values.get('com.docker.swarm.node.id') ?? '',
		serviceId: values.get('com.docker.swarm.service.id') ?? '',
		text: space === -1 ? '' : line.slice(space + 1),
	};
}

function decode(value: string): string {
	try {
		return decodeURIComponent(value.replaceAll('+', ' '));
	} catch {
		return value;
	}
}

/** What the tags of a line need to know of the service's tasks and the swarm's nodes. */
export type TaskNames = {
	readonly service: string;
	/** Task id to its slot (absent for a global service's tasks). */
	readonly slots: ReadonlyMap<string, number | undefined>;
	readonly hostnames: ReadonlyMap<string, string>;
};

/** Tags one line with its task as docker names it ("web.2", or "web.<node id>" for global tasks). */
export function tagLine(line: RawLine, names: TaskNames): ServiceLogLine {
	const details = parseLogDetails(line.text);
	const slot = names.slots.get(details.taskId);
	const task = `${names.service}.${slot ?? details.nodeId}`;
	return {
		stream: line.stream,
		...(line.time === undefined ? {} : {time: line.time}),
		text: details.text,
		taskId: details.taskId,
		nodeId: details.nodeId,
		task,
		...(slot === undefined ? {} : {slot}),
		node: names.hostnames.get(details.nodeId) ?? details.nodeId,
	};
}

/**
 * Turns the bytes of GET /services/{id}/logs (timestamps and details on) into raw lines: framed
 * stdout/stderr unless the service runs with a TTY, then each stream cut into lines.
 */
export class ServiceLogSplitter {
	private readonly demuxer: Demuxer | undefined;
	private readonly out: LineSplitter;
	private readonly err: LineSplitter;

	constructor(tty: boolean, color: boolean) {
		this.demuxer = tty ? undefined : new Demuxer();
		this.out = new LineSplitter('stdout', {color, timestamps: true});
		this.err = new LineSplitter('stderr', {color, timestamps: true});
	}

	push(bytes: Uint8Array): RawLine[] {
		if (!this.demuxer) {
			return this.out.push(bytes);
		}

		return this.demuxer.push(bytes).flatMap(chunk => (chunk.stream === 'stderr' ? this.err : this.out).push(chunk.data));
	}

	end(): RawLine[] {
		return [...this.out.end(), ...this.err.end()];
	}
}
