import type {Container, ContainerVerb, EngineEvent, Health} from '../core/types.js';

/**
 * Events are the truth and lists confirm them (issue 12): a container event changes its row at once,
 * and the row is marked. A list asked for before the mark, or one that disagrees with it soon after
 * (Docker 20.10's /containers/json still says "running" ~20 ms after `die`, longer on a busy host),
 * does not undo the event; a later list that agrees clears the mark.
 */
export type EventMark = {
	/** The event's place in the order events and finished actions reached the store. */
	readonly seq: number;
	/** Epoch ms it reached the store. */
	readonly at: number;
	/** The container was removed: a list that still has it is late. */
	readonly gone?: boolean;
};

export type EventMarks = {
	/** The newest seq handed out; a list carries the seq it was asked for at. */
	readonly seq: number;
	/** Rows changed by an event that no list has confirmed yet; a removed container keeps its mark. */
	readonly byId: Readonly<Record<string, EventMark>>;
};

export const noMarks: EventMarks = {seq: 0, byId: {}};

/**
 * How long a list that disagrees with an event is taken for a late list rather than a change the
 * events missed. Docker's lag is ~20 ms; a list that still disagrees 2 s later wins.
 */
export const listLagMs = 2000;

/** When a list was asked for: the newest seq then, and the clock. */
export type ListRequest = {readonly seq: number; readonly at: number};

const justNow = 'Less than a second';

/** The fields an event decides; the rest of a row comes from lists. */
type EventFields = Pick<Container, 'state' | 'status' | 'exitCode' | 'health' | 'name'>;

/**
 * The rows after one container event, or undefined when it changes nothing on screen (exec_*, top,
 * attach..., or an event about a container no list has shown yet, except create).
 */
export function applyEvent(containers: readonly Container[], event: EngineEvent): readonly Container[] | undefined {
	const index = containers.findIndex(c => c.id === event.id);
	if (event.action === 'create') {
		return index === -1 ? [...containers, createdRow(event)] : undefined;
	}

	if (index === -1) {
		return undefined;
	}

	if (event.action === 'destroy') {
		return containers.filter(c => c.id !== event.id);
	}

	const row = containers[index]!;
	const fields = eventFields(row, event);
	if (!fields) {
		return undefined;
	}

	const next = [...containers];
	next[index] = withFields(row, fields);
	return next;
}

/** Whether an event decides anything about a row, so it is marked (and waits for a list to confirm). */
export function isStateEvent(event: EngineEvent): boolean {
	return event.action === 'create' || event.action === 'destroy' || eventFields(undefined, event) !== undefined;
}

function eventFields(row: Container | undefined, event: EngineEvent): Partial<EventFields> | undefined {
	const status = row?.status ?? '';
	const attributes = event.attributes;
	const action = event.action.startsWith('health_status') ? 'health_status' : event.action;
	switch (action) {
		case 'start':
		case 'restart': {
			// A container with a health check starts "starting" until the first check reports.
			const health: Health | undefined = row?.health === undefined ? undefined : 'starting';
			return {state: 'running', status: `Up ${justNow}${health ? ' (health: starting)' : ''}`, exitCode: undefined, health};
		}

		case 'unpause': {
			return {state: 'running', status: status.replace(/ \(Paused\)$/, '')};
		}

		case 'pause': {
			// As the Engine words it: "Up 3 minutes (Paused)", the health left out.
			const base = status.replace(/ \((?:healthy|unhealthy|health: starting|Paused)\)$/, '') || `Up ${justNow}`;
			return {state: 'paused', status: `${base} (Paused)`};
		}

		case 'die': {
			const code = Number.parseInt(attributes['exitCode'] ?? '', 10);
			return Number.isNaN(code)
				? {state: 'exited', status: `Exited ${justNow} ago`, exitCode: undefined, health: undefined}
				: {state: 'exited', status: `Exited (${code}) ${justNow} ago`, exitCode: code, health: undefined};
		}

		case 'stop': {
			// `stop` follows `die`, which brought the exit code: keep it.
			return row?.state === 'exited' ? {} : {state: 'exited', status: `Exited ${justNow} ago`, exitCode: undefined, health: undefined};
		}

		case 'kill': {
			// Only SIGKILL surely ends it: `docker stop` sends SIGTERM first, which a process may take
			// seconds to act on or ignore. `die` follows with the exit code either way.
			return isSigkill(attributes['signal']) && row?.state !== 'exited'
				? {state: 'exited', status: `Exited (137) ${justNow} ago`, exitCode: 137, health: undefined}
				: undefined;
		}

		case 'rename': {
			const name = (attributes['name'] ?? '').replace(/^\//, '');
			return name ? {name} : undefined;
		}

		case 'health_status': {
			const health = parseHealth(event.action.slice('health_status:'.length).trim());
			if (!health) {
				return undefined;
			}

			const text = health === 'starting' ? 'health: starting' : health;
			const base = status.replace(/ \((?:healthy|unhealthy|health: starting)\)$/, '');
			return {health, status: base.startsWith('Up ') ? `${base} (${text})` : base};
		}

		default: {
			return undefined;
		}
	}
}

function isSigkill(signal: string | undefined): boolean {
	return signal === '9' || signal === 'KILL' || signal === 'SIGKILL';
}

function parseHealth(text: string): Health | undefined {
	return text === 'healthy' || text === 'unhealthy' || text === 'starting' ? text : undefined;
}

function withFields(row: Container, fields: Partial<EventFields>): Container {
	const next: Record<string, unknown> = {...row};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) {
			// Absent, not undefined: rows compare the same whichever way they were made.
			delete next[key];
		} else {
			next[key] = value;
		}
	}

	return next as Container;
}

/** A list's state agrees with an event's: equal, or "restarting" after `die` (a restart policy). */
function sameState(byEvent: Container['state'], listed: Container['state']): boolean {
	return byEvent === listed || (byEvent === 'exited' && listed === 'restarting');
}

/** A row from a create event, until the next list brings the command and the ports. */
function createdRow(event: EngineEvent): Container {
	const {name = '', image = '', ...labels} = event.attributes;
	const project = labels['com.docker.compose.project'];
	return {
		id: event.id,
		name: name.replace(/^\//, '') || event.id.slice(0, 12),
		image,
		command: '',
		state: 'created',
		status: 'Created',
		created: event.time,
		ports: [],
		...(project ? {project} : {}),
		labels,
	};
}

const actedEvent: Record<ContainerVerb, {readonly action: string; readonly attributes?: Readonly<Record<string, string>>}> = {
	start: {action: 'start'},
	stop: {action: 'stop'},
	restart: {action: 'restart'},
	pause: {action: 'pause'},
	unpause: {action: 'unpause'},
	// The Engine's kill sends SIGKILL unless told otherwise, and tsdtop never tells it otherwise.
	kill: {action: 'kill', attributes: {signal: 'KILL'}},
	remove: {action: 'destroy'},
};

/** What a finished action of tsdtop's own means for the row, as the event the Engine sends for it. */
export function eventOfAction(id: string, verb: ContainerVerb | 'rename', time: number, name?: string): EngineEvent {
	if (verb === 'rename') {
		return {type: 'container', action: 'rename', id, time, attributes: {name: name ?? ''}};
	}

	const {action, attributes = {}} = actedEvent[verb];
	return {type: 'container', action, id, time, attributes};
}

/**
 * A list merged with what the events said since. A marked row keeps what its event decided when
 * the list was asked for before the event, or disagrees with it within listLagMs; a list that agrees
 * (or comes later) clears the mark. A row the events removed stays removed; a row they created, that a
 * list asked for earlier does not know yet, stays.
 */
export function mergeList(current: readonly Container[] | undefined, marks: EventMarks, list: readonly Container[], requested: ListRequest): {containers: readonly Container[]; marks: EventMarks} {
	if (Object.keys(marks.byId).length === 0) {
		return {containers: list, marks};
	}

	const rows = new Map((current ?? []).map(c => [c.id, c]));
	const kept: Record<string, EventMark> = {};
	const merged: Container[] = [];
	const listed = new Set<string>();
	for (const fresh of list) {
		listed.add(fresh.id);
		const mark = marks.byId[fresh.id];
		const row = rows.get(fresh.id);
		if (!mark) {
			merged.push(fresh);
			continue;
		}

		const older = mark.seq > requested.seq;
		const agrees = row !== undefined && sameState(row.state, fresh.state) && row.name === fresh.name;
		if (!older && (agrees || requested.at - mark.at >= listLagMs)) {
			merged.push(fresh);
			continue;
		}

		kept[fresh.id] = mark;
		if (row) {
			merged.push(withFields(fresh, {state: row.state, status: row.status, exitCode: row.exitCode, health: row.health, name: row.name}));
		} else if (!mark.gone) {
			// Its event came before any list showed it (at start): the list's row until the next list.
			merged.push(fresh);
		}
	}

	for (const [id, mark] of Object.entries(marks.byId)) {
		const row = rows.get(id);
		if (!listed.has(id) && mark.seq > requested.seq) {
			// Created (or left alone) after the list was asked for, or removed and not listed: the event stands.
			kept[id] = mark;
			if (row) {
				merged.push(row);
			}
		}
	}

	return {containers: merged, marks: {seq: marks.seq, byId: kept}};
}
