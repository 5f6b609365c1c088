import type {Readable} from 'node:stream';
import type Docker from 'dockerode';
import {ServiceLogSplitter, type TaskNames, tagLine} from './service-log-lines.js';
import type {ApiNode, ApiService, ApiTask} from './swarm-api.js';
import type {ServiceLogLine} from '../core/swarm.js';

export type ServiceLogOptions = {
	/** Lines of history to start with, per task. */
	readonly tail: number;
	/** Only lines after this time (seconds.nanoseconds), when re-attaching. */
	readonly since?: string;
	/** False under --no-color / NO_COLOR: SGR codes are dropped from the text. */
	readonly color: boolean;
	readonly signal: AbortSignal;
};

async function taskNames(docker: Docker, service: ApiService): Promise<TaskNames> {
	const [tasks, nodes] = await Promise.all([
		docker.listTasks({filters: {service: [service.ID]}}) as Promise<ApiTask[]>,
		docker.listNodes() as Promise<ApiNode[]>,
	]);
	return {
		service: service.Spec?.Name ?? service.ID,
		slots: new Map(tasks.filter(task => task.ServiceID === service.ID).map(task => [task.ID, task.Slot || undefined])),
		hostnames: new Map(nodes.map(node => [node.ID, node.Description?.Hostname ?? node.ID])),
	};
}

/**
 * Follows GET /services/{id}/logs (timestamps and details on) and yields each chunk's lines,
 * tagged with task, slot and node. A line from a task started after the names were read (a scale, a
 * restart) makes them read again, once for that task.
 */
export async function * followServiceLogs(docker: Docker, serviceId: string, options: ServiceLogOptions): AsyncGenerator<readonly ServiceLogLine[]> {
	const service = await docker.getService(serviceId).inspect({abortSignal: options.signal} as object) as ApiService & {Spec?: {TaskTemplate?: {ContainerSpec?: {TTY?: boolean}}}};
	let names = await taskNames(docker, service);
	const asked = new Set<string>();
	const stream = await docker.getService(service.ID).logs({
		follow: true, stdout: true, stderr: true, timestamps: true, details: true, tail: options.tail,
		...(options.since ? {since: options.since} : {}),
		abortSignal: options.signal,
	} as unknown as {follow: true}) as unknown as Readable;
	const splitter = new ServiceLogSplitter(Boolean(service.Spec?.TaskTemplate?.ContainerSpec?.TTY), options.color);
	const tag = async (lines: ReturnType<ServiceLogSplitter['push']>) => {
		let tagged = lines.map(line => tagLine(line, names));
		const unknown = tagged.find(line => line.taskId && !names.slots.has(line.taskId) && !asked.has(line.taskId));
		if (unknown) {
			asked.add(unknown.taskId);
			names = await taskNames(docker, service);
			tagged = lines.map(line => tagLine(line, names));
		}

		return tagged;
	};

	try {
		for await (const chunk of stream) {
			const lines = splitter.push(chunk as Uint8Array);
			if (lines.length > 0) {
				yield await tag(lines);
			}
		}

		const rest = splitter.end();
		if (rest.length > 0) {
			yield await tag(rest);
		}
	} finally {
		stream.destroy();
	}
}
