import type {RawLine} from '../docker/line-splitter.js';
import type {DetailKind, DetailState} from './log-state.js';
import type {Container, ContainerStats, ContainerVerb, DiskUsage, EngineEvent, EngineInfo, Image, Network, PaneId, Volume} from '../core/types.js';
import type {ListRequest} from './container-events.js';
import type {ConfirmRequest, Target} from '../core/confirm.js';
import type {OutputLine} from '../core/output-line.js';
import type {Sort, Status, TextPage} from './state.js';
import type {SwitchEntry} from '../core/switch-entry.js';
import type {TextEdit} from './text-edit.js';
import type {PullAction} from './pull-state.js';
import type {SwarmNode, SwarmRole, SwarmService, SwarmTask} from '../core/swarm.js';

/** What a merged log is opened with: its containers, the projects it follows, the pane Esc returns to. */
export type MergedOpen = {
	readonly sources: ReadonlyArray<{readonly id: string; readonly name: string}>;
	readonly projects?: readonly string[];
	readonly returnTo?: PaneId;
};

/** What the scroll keys move: the list's cursor, or the first line shown of a view or overlay. */
export type ScrollTarget = 'list' | 'logs' | 'detail' | 'page' | 'output' | 'help' | 'switcher' | 'confirm' | 'tasks';

/** The input lines the edit keys change. */
export type EditTarget = 'filter' | 'logsearch' | 'detailsearch' | 'prompt' | 'switcherfilter' | 'confirm' | 'pull' | 'replicas';

/**
 * How far to scroll: rows (negative is up), pages of what the target shows (`unit: 'page'`; one page
 * is its visible rows minus one, so a line of context stays), or to either end.
 */
export type ScrollBy = number | 'top' | 'bottom';

/** Every change to the state, as data. */
export type Action =
	/** Moves whatever `target` is; the one way anything scrolls (store/scroll-reducer.ts). */
	| {readonly type: 'scroll'; readonly target: ScrollTarget; readonly by: ScrollBy; readonly unit?: 'row' | 'page'}
	/** Changes the input line `target`; the one way anything is typed (store/edit-reducer.ts). */
	| {readonly type: 'edit'; readonly target: EditTarget; readonly edit: TextEdit}
	| {readonly type: 'viewport'; readonly columns: number; readonly rows: number}
	| {readonly type: 'engine/connected'; readonly info: EngineInfo}
	| {readonly type: 'engine/disconnected'; readonly error: string; readonly retryAt: number}
	/** Another Engine is now in use: everything that came from the old one goes. */
	| {readonly type: 'engine/switched'; readonly host: string; readonly origin?: string; readonly target?: string}
	| {readonly type: 'switcher/open'; readonly entries: readonly SwitchEntry[]}
	| {readonly type: 'switcher/filter'; readonly open: boolean}
	/**
	 * A list of the Engine's containers. `requested` says when the watcher asked for it: rows events
	 * changed since (or that it contradicts too soon after) keep what the events said. Without it the
	 * list replaces everything (the first list at start).
	 */
	| {readonly type: 'containers/loaded'; readonly containers: readonly Container[]; readonly requested?: ListRequest}
	/** A container event, as it arrives: the row changes now, not at the next list. `at` is epoch ms. */
	| {readonly type: 'containers/event'; readonly event: EngineEvent; readonly at: number}
	/** One of tsdtop's own actions has returned: the row says its result at once. */
	| {readonly type: 'containers/acted'; readonly id: string; readonly verb: ContainerVerb | 'rename'; readonly name?: string; readonly at: number}
	| {readonly type: 'stats/loaded'; readonly stats: Readonly<Record<string, ContainerStats>>}
	| {readonly type: 'images/loaded'; readonly images: readonly Image[]}
	| {readonly type: 'networks/loaded'; readonly networks: readonly Network[]}
	| {readonly type: 'volumes/loaded'; readonly volumes: readonly Volume[]}
	| {readonly type: 'diskUsage/loaded'; readonly usage: DiskUsage; readonly volumeSizes: ReadonlyMap<string, number>}
	/** `current` is the order in force when no sort was picked yet (a resource pane's first column). */
	| {readonly type: 'sort/cycle'; readonly columns: ReadonlyArray<{readonly id: string}>; readonly current?: Sort}
	| {readonly type: 'sort/reverse'}
	| {readonly type: 'pane/select'; readonly pane: PaneId}
	| {readonly type: 'pane/cycle'; readonly delta: 1 | -1}
	| {readonly type: 'showAll/toggle'}
	| {readonly type: 'filter/open'}
	| {readonly type: 'filter/close'; readonly keep: boolean}
	| {readonly type: 'mark/toggle'}
	/** Without ids, every mark goes; with them, only the marks of those objects (an image's marks are its rows, `id|tag`). */
	| {readonly type: 'marks/clear'; readonly ids?: readonly string[]}
	| {readonly type: 'overlay/help'}
	| {readonly type: 'overlay/confirm'; readonly request: ConfirmRequest}
	| {readonly type: 'overlay/close'}
	| {readonly type: 'overlay/page'; readonly page: TextPage}
	| {readonly type: 'prompt/open'; readonly target: Target; readonly text?: string}
	| {readonly type: 'prompt/close'}
	| {readonly type: 'output/open'; readonly id: number; readonly target: Target; readonly command: string}
	| {readonly type: 'output/append'; readonly id: number; readonly lines: readonly OutputLine[]}
	| {readonly type: 'output/done'; readonly id: number; readonly exitCode?: number; readonly error?: string}
	| {readonly type: 'status'; readonly status?: Status; readonly at?: number}
	| {readonly type: 'pending/set'; readonly ids: readonly string[]; readonly label: string}
	| {readonly type: 'pending/clear'; readonly ids: readonly string[]}
	| {readonly type: 'logs/open'; readonly containerId: string; readonly name: string; readonly merged?: MergedOpen; readonly kind?: 'service'}
	| {readonly type: 'logs/close'}
	/** `source`: in a merged log, the container whose stream this is about. */
	| {readonly type: 'logs/status'; readonly containerId: string; readonly status: 'connecting' | 'following' | 'stopped' | 'error'; readonly message?: string; readonly source?: string}
	| {readonly type: 'logs/append'; readonly containerId: string; readonly lines: ReadonlyArray<RawLine & {readonly source?: string}>}
	/** Issue 16 item 2: containers that joined a merged project log (created or started since it opened). */
	| {readonly type: 'logs/sources/add'; readonly containerId: string; readonly sources: ReadonlyArray<{readonly id: string; readonly name: string}>}
	/** Issue 16 item 1: Enter on a project narrows the Containers pane to it; Esc there comes back. */
	| {readonly type: 'projects/open'; readonly project: string}
	| {readonly type: 'projects/leave'}
	| {readonly type: 'logs/follow'}
	| {readonly type: 'logs/toggle'; readonly what: 'timestamps' | 'wrap'}
	| {readonly type: 'logs/clear'}
	| {readonly type: 'logs/input'; readonly mode: 'search' | 'filter'}
	| {readonly type: 'logs/input/close'; readonly keep: boolean}
	| {readonly type: 'logs/match'; readonly direction: 1 | -1}
	| {readonly type: 'logs/reset'}
	| {readonly type: 'focus/toggle'}
	| {readonly type: 'detail/open'; readonly kind: DetailKind; readonly containerId: string; readonly name: string}
	| {readonly type: 'detail/loaded'; readonly containerId: string; readonly patch: Partial<Pick<DetailState, 'inspect' | 'top' | 'error'>>}
	| {readonly type: 'detail/stats'; readonly containerId: string; readonly point: DetailState['stats'][number]}
	| {readonly type: 'detail/input'}
	| {readonly type: 'detail/input/close'; readonly keep: boolean}
	| {readonly type: 'detail/match'; readonly direction: 1 | -1}
	| {readonly type: 'detail/search/clear'}
	| {readonly type: 'detail/close'}
	/** P on the Images pane (store/pull-state.ts). */
	| PullAction

	// Swarm (issue 17): store/swarm-reducer.ts.
	| {readonly type: 'swarm/role'; readonly role: SwarmRole}
	| {readonly type: 'swarm/services'; readonly services: readonly SwarmService[]}
	| {readonly type: 'swarm/nodes'; readonly nodes: readonly SwarmNode[]}
	| {readonly type: 'swarm/tasks/open'; readonly serviceId: string; readonly name: string}
	| {readonly type: 'swarm/tasks'; readonly serviceId: string; readonly tasks: readonly SwarmTask[]}
	| {readonly type: 'swarm/tasks/close'}
	| {readonly type: 'swarm/scale/open'; readonly serviceId: string; readonly name: string; readonly text: string}
	| {readonly type: 'swarm/scale/close'};
