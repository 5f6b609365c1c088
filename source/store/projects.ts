import type {ProjectRow} from '../core/project.js';
import type {Container, ContainerStats} from '../core/types.js';
import {naturalCompare} from '../core/natural-order.js';

/** The compose labels a project row reads (set by docker compose on every container it makes). */
export const composeLabels = {
	project: 'com.docker.compose.project',
	service: 'com.docker.compose.service',
	workingDir: 'com.docker.compose.project.working_dir',
	configFiles: 'com.docker.compose.project.config_files',
} as const;

/** One row of the Projects pane: a compose project made from its containers' labels. */
export type {ProjectRow} from '../core/project.js';

const byServiceThenName = (a: Container, b: Container) => naturalCompare(a.labels[composeLabels.service] ?? '', b.labels[composeLabels.service] ?? '') || naturalCompare(a.name, b.name);

function rowOf(name: string, members: Container[], stats: Readonly<Record<string, ContainerStats>>): ProjectRow {
	members.sort(byServiceThenName);
	let cpuPercent: number | undefined;
	let memoryBytes: number | undefined;
	for (const container of members) {
		const sample = stats[container.id];
		if (sample && container.state === 'running') {
			memoryBytes = (memoryBytes ?? 0) + sample.memoryBytes;
			if (sample.cpuPercent !== undefined) {
				cpuPercent = (cpuPercent ?? 0) + sample.cpuPercent;
			}
		}
	}

	// Containers of one project agree on these; when they do not (a project moved), the first says.
	const labelled = (key: string) => members.map(c => c.labels[key]).find(Boolean);
	const workingDir = labelled(composeLabels.workingDir);
	const configFiles = labelled(composeLabels.configFiles);
	return {
		name,
		running: members.filter(c => c.state === 'running').length,
		total: members.length,
		services: [...new Set(members.map(c => c.labels[composeLabels.service]).filter((s): s is string => Boolean(s)))].sort(),
		...(workingDir ? {workingDir} : {}),
		configFiles: configFiles ? configFiles.split(',').filter(Boolean) : [],
		...(cpuPercent === undefined ? {} : {cpuPercent}),
		...(memoryBytes === undefined ? {} : {memoryBytes}),
		containers: members.map(c => ({id: c.id, name: c.name, running: c.state === 'running'})),
	};
}

/**
 * Pure: the compose projects among the containers, sorted by name. Containers without the project
 * label belong to none. Stats are the table's (state.stats, by container id).
 */
export function projectRows(containers: readonly Container[], stats: Readonly<Record<string, ContainerStats>> = {}): ProjectRow[] {
	const groups = new Map<string, Container[]>();
	for (const container of containers) {
		const project = container.labels[composeLabels.project];
		if (project) {
			const group = groups.get(project);
			if (group) {
				group.push(container);
			} else {
				groups.set(project, [container]);
			}
		}
	}

	return [...groups].map(([name, members]) => rowOf(name, members, stats)).sort((a, b) => naturalCompare(a.name, b.name));
}

/** `s` on a project: stop it while anything of it runs, else start it all. */
export function projectToggleVerb(row: ProjectRow): 'stop' | 'start' {
	return row.running > 0 ? 'stop' : 'start';
}

/** The containers a project verb acts on: stop only what runs, start only what does not. */
export function projectTargets(row: ProjectRow, verb: 'stop' | 'start' | 'restart' | 'remove'): ReadonlyArray<{readonly id: string; readonly name: string}> {
	const chosen = verb === 'stop' ? row.containers.filter(c => c.running) : (verb === 'start' ? row.containers.filter(c => !c.running) : row.containers);
	return chosen.map(({id, name}) => ({id, name}));
}
