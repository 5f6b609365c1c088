import type {Container, ContainerStats, EngineInfo, PaneId} from '../types.js';
import type {ConfirmRequest, Status} from './state.js';
import type {TextEdit} from './text-edit.js';

/** Every change to the state, as data. */
export type Action =
	| {readonly type: 'viewport'; readonly columns: number; readonly rows: number}
	| {readonly type: 'engine/connected'; readonly info: EngineInfo}
	| {readonly type: 'engine/disconnected'; readonly error: string; readonly retryAt: number}
	| {readonly type: 'containers/loaded'; readonly containers: readonly Container[]}
	| {readonly type: 'stats/loaded'; readonly stats: Readonly<Record<string, ContainerStats>>}
	| {readonly type: 'cursor/move'; readonly delta: number}
	| {readonly type: 'cursor/page'; readonly direction: 1 | -1}
	| {readonly type: 'cursor/edge'; readonly edge: 'top' | 'bottom'}
	| {readonly type: 'pane/select'; readonly pane: PaneId}
	| {readonly type: 'pane/cycle'; readonly delta: 1 | -1}
	| {readonly type: 'showAll/toggle'}
	| {readonly type: 'filter/open'}
	| {readonly type: 'filter/edit'; readonly edit: TextEdit}
	| {readonly type: 'filter/close'; readonly keep: boolean}
	| {readonly type: 'mark/toggle'}
	| {readonly type: 'marks/clear'}
	| {readonly type: 'overlay/help'}
	| {readonly type: 'overlay/confirm'; readonly request: ConfirmRequest}
	| {readonly type: 'overlay/close'}
	| {readonly type: 'status'; readonly status?: Status}
	| {readonly type: 'pending/set'; readonly ids: readonly string[]; readonly label: string}
	| {readonly type: 'pending/clear'; readonly ids: readonly string[]};
