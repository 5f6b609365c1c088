import type {SwarmTask} from '../core/swarm.js';
import {formatAge} from '../render/format.js';
import {sanitizeLine} from '../render/sanitize.js';
import {truncate} from '../render/text-width.js';
import {naturalCompare} from '../core/natural-order.js';

/** One line of the tasks view, with how it stands out. */
export type TaskLine = {readonly key: string; readonly text: string; readonly tone?: 'good' | 'warn' | 'bad' | 'dim'};

/** Slot order, and in a slot the newest first: the task that runs now above the ones it replaced. */
export function sortTasks(tasks: readonly SwarmTask[]): SwarmTask[] {
	return [...tasks].sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || naturalCompare(a.node, b.node) || b.created - a.created || naturalCompare(a.id, b.id));
}

function toneOf(task: SwarmTask): TaskLine['tone'] {
	if (task.state === 'failed' || task.state === 'rejected') {
		return 'bad';
	}

	if (task.desiredState !== 'running') {
		return 'dim';
	}

	return task.state === 'running' ? 'good' : 'warn';
}

const columns = [['TASK', 14], ['NODE', 16], ['DESIRED', 9], ['CURRENT', 10], ['AGE', 5]] as const;

/**
 * The tasks view of one service (issue 17): task (service.slot), node, desired and current state,
 * age, and the error of a task that failed, which stays listed with it. The first line is the titles.
 */
export function taskLines(tasks: readonly SwarmTask[], width: number, nowMs = Date.now()): readonly TaskLine[] {
	const cell = (text: string, size: number) => truncate(sanitizeLine(text), size - 1).padEnd(size);
	const title = `${columns.map(([name, size]) => name.padEnd(size)).join('')}ERROR`;
	const rows = sortTasks(tasks).map(task => {
		const name = `${task.service}.${task.slot ?? task.nodeId.slice(0, 8)}`;
		const values = [name, task.node, task.desiredState, task.state, formatAge(task.since || task.created, nowMs)];
		const error = task.error || (task.state === 'failed' ? task.message : '');
		const text = columns.map(([, size], index) => cell(values[index]!, size)).join('') + sanitizeLine(error);
		return {key: task.id, text: truncate(text, width), tone: toneOf(task)};
	});
	return [{key: 'title', text: truncate(title, width), tone: undefined}, ...rows];
}
