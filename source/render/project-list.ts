import type {ListDescriptor} from './list-descriptor.js';
import {formatBytes, formatPercent} from './format.js';
import {sanitizeLine} from './sanitize.js';
import type {ProjectRow} from '../core/project.js';

/**
 * The Projects pane (issue 16 item 1): one row per compose project. It lives in store/ because its
 * rows (store/projects.ts) are built here from the containers and their stats. Every text a row shows
 * comes from labels, which anyone who can create a container sets: all of it is sanitised.
 */
export const projectList: ListDescriptor<ProjectRow, undefined> = {
	title: 'Projects',
	noun: 'project',
	defaultSort: {column: 'name', descending: false},
	columns: [
		// The name is what a person reads first: at 80 columns it keeps room for a long one, the files go.
		{id: 'name', title: 'PROJECT', minWidth: 18, maxWidth: 40, grow: 3, priority: 0},
		{id: 'running', title: 'RUNNING', minWidth: 7, grow: 0, priority: 0, align: 'right'},
		{id: 'services', title: 'SERVICES', minWidth: 10, maxWidth: 40, grow: 2, priority: 1},
		{id: 'cpu', title: 'CPU', minWidth: 6, grow: 0, priority: 0, align: 'right', fixed: true},
		{id: 'memory', title: 'MEM', minWidth: 6, grow: 0, priority: 0, align: 'right', fixed: true},
		{id: 'dir', title: 'DIRECTORY', minWidth: 12, grow: 2, priority: 2},
		{id: 'files', title: 'CONFIG FILES', minWidth: 14, grow: 1, priority: 3},
	],
	key: project => project.name,
	label: project => sanitizeLine(project.name),
	cells: project => ({
		name: {text: sanitizeLine(project.name)},
		running: {text: `${project.running}/${project.total}`, tone: project.running === 0 ? 'dim' : (project.running < project.total ? 'warn' : 'good')},
		services: {text: sanitizeLine(project.services.join(','))},
		// No sample (nothing runs, or none read yet): '-' as in the Containers table.
		cpu: {text: formatPercent(project.cpuPercent)},
		memory: {text: formatBytes(project.memoryBytes)},
		dir: {text: sanitizeLine(project.workingDir ?? '-')},
		files: {text: sanitizeLine(project.configFiles.map(file => baseName(file)).join(',') || '-')},
	}),
	sortValue(project, column) {
		switch (column) {
			case 'running': return project.running;
			case 'services': return project.services.length;
			case 'cpu': return project.cpuPercent ?? -1;
			case 'memory': return project.memoryBytes ?? -1;
			case 'dir': return project.workingDir ?? '';
			case 'files': return project.configFiles.join(',');
			default: return project.name;
		}
	},
	sortReadsContext: () => false,
	search: project => [project.name, project.workingDir ?? '', ...project.services].join('\n').toLowerCase(),
};

/** The files are named in full in the working directory's column already; the file name is what tells them apart. */
function baseName(file: string): string {
	return file.slice(file.lastIndexOf('/') + 1) || file;
}
