import type {Container, ContainerStats, EngineInfo, PaneId} from '../types.js';
import type {ConfirmRequest, OutputLine, Status, Target} from './state.js';
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
	| {readonly type: 'prompt/open'; readonly target: Target; readonly text?: string}
	| {readonly type: 'prompt/edit'; readonly edit: TextEdit}
	| {readonly type: 'prompt/close'}
	| {readonly type: 'output/open'; readonly id: number; readonly target: Target; readonly command: string}
	| {readonly type: 'output/append'; readonly id: number; readonly lines: readonly OutputLine[]}
	| {readonly type: 'output/done'; readonly id: number; readonly exitCode?: number; readonly error?: string}
	| {readonly type: 'output/scroll'; readonly delta: number}
	| {readonly type: 'status'; readonly status?: Status}
	| {readonly type: 'pending/set'; readonly ids: readonly string[]; readonly label: string}
	| {readonly type: 'pending/clear'; readonly ids: readonly string[]};
