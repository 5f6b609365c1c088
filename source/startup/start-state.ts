import {originOf, targetOf} from '../docker/connection-names.js';
import type {Connection} from '../docker/connection.js';
import type {Settings} from '../config/settings.js';
import {type AppState, initialState} from '../store/state.js';

export type StartOptions = {
	readonly connection: Pick<Connection, 'label' | 'source' | 'context'>;
	readonly showAll: boolean;
	readonly readOnly?: boolean;
	readonly columns: number;
	readonly rows: number;
	readonly settings: Pick<Settings, 'pane' | 'columns' | 'tail' | 'logBuffer' | 'confirm'>;
};

/**
 * The state tsdtop starts from. One function for run() and for the first frame drawn before Ink
 * (first-frame.ts): were they made apart, the two frames could differ and the screen jump.
 */
export function startState({connection, showAll, readOnly, columns, rows, settings}: StartOptions): AppState {
	const origin = originOf(connection);
	return initialState({
		host: connection.label,
		...(origin ? {origin} : {}),
		target: targetOf(connection),
		showAll,
		...(readOnly === undefined ? {} : {readOnly}),
		columns,
		rows,
		tail: settings.tail,
		logCapacity: settings.logBuffer,
		...(settings.pane ? {pane: settings.pane} : {}),
		...(settings.columns ? {containerColumns: settings.columns} : {}),
		...(settings.confirm ? {confirm: settings.confirm} : {}),
	});
}
