import type {ApiVersion} from '../docker/prefetch.js';
import {toEngineInfo} from '../docker/engine-info.js';
import {type ApiContainer, mapContainers} from '../docker/map-container.js';
import {footerText} from '../keys/hints.js';
import {activeScopes} from '../keys/scopes.js';
import {headerLine} from '../render/header-line.js';
import {type StyledLine, plainText, toAnsi} from '../render/styled-line.js';
import {emptyText, tableColumns, tableLines, tableRows} from '../render/list-table.js';
import type {Theme} from '../render/theme.js';
import {textWidth} from '../render/text-width.js';
import {reducer} from '../store/reducer.js';
import {listPanes, paneTabs} from '../store/list-panes.js';
import {selectWidths, shownColumns, sortOf, windowTop} from '../store/list-selectors.js';
import {selectCounts, selectRows, tableHeight} from '../store/selectors.js';
import {type StartOptions, startState} from './start-state.js';
import type {AppState} from '../store/state.js';
import {enterFullScreen} from '../terminal/terminal.js';

/**
 * The first frame, drawn before Ink, React and dockerode have loaded (about 300 ms of start-up):
 * the prefetched list, laid out by the same pure functions the Ink components use, so the frame Ink
 * draws a moment later is this one again and nothing moves. Keys typed meanwhile wait in stdin.
 */
export type FirstFrameInput = StartOptions & {
	/** Absent when the Engine has not said yet (Podman's /version takes seconds). */
	readonly version?: ApiVersion;
	readonly containers: readonly ApiContainer[];
};

/** The state run() starts from, with the Engine's first answers in: the same selection, counts and order. */
export function firstState(input: FirstFrameInput): AppState {
	const host = input.connection.label;
	const state = reducer(startState(input), {type: 'engine/connected', info: input.version ? toEngineInfo(host, input.version) : {host}});
	return reducer(state, {type: 'containers/loaded', containers: mapContainers(input.containers)});
}

/**
 * What the App draws for a state on the Containers pane with nothing open: header, table, an empty
 * status bar and the footer, one line short of the terminal. Other states are Ink's alone.
 */
export function firstFrameLines(state: AppState, theme: Theme): StyledLine[] {
	const {columns} = state.ui.viewport;
	const lines: StyledLine[] = [headerLine({
		host: state.connection.host,
		...(state.connection.origin ? {origin: state.connection.origin} : {}),
		...(state.connection.info?.version ? {version: state.connection.info.version} : {}),
		...(state.connection.info?.product ? {product: state.connection.info.product} : {}),
		status: state.connection.status,
		pane: state.ui.pane,
		tabs: paneTabs,
		...(state.containers ? {counts: selectCounts(state)} : {}),
		readOnly: state.ui.readOnly,
		columns,
		theme,
	})];

	// The Containers pane as ListPane draws it: the same selector, columns and rows.
	const {descriptor, context} = listPanes.containers;
	const rows = selectRows(state);
	const height = tableHeight(state);
	const scrollTop = windowTop(state.ui.scrollTop, state.ui.cursor, height);
	const laidOut = tableColumns(shownColumns(state, 'containers'), selectWidths(state, 'containers'), columns, sortOf(state, 'containers'));
	const visible = tableRows(descriptor, rows.slice(scrollTop, scrollTop + height), context(state), {...(state.ui.selectedId ? {selectedId: state.ui.selectedId} : {}), marks: state.ui.marks, theme});
	const empty = emptyText(descriptor, state.containers !== undefined, state.ui.filter.text !== '', state.ui.showAll);
	lines.push(...tableLines(laidOut, visible, empty, theme, state.connection.status === 'disconnected'));
	while (lines.length < height + 2) {
		lines.push({segments: []});
	}

	lines.push({segments: []}, {style: {dim: true}, segments: [{text: footerText(activeScopes(state), state.ui.readOnly, columns)}]});
	return lines.map(line => cut(line, columns));
}

/** As Ink's wrap="truncate": a line wider than the screen ends in an ellipsis at its last column. */
function cut(line: StyledLine, columns: number): StyledLine {
	if (textWidth(plainText(line)) <= columns) {
		return line;
	}

	const segments = [];
	let room = columns - 1;
	for (const segment of line.segments) {
		if (room <= 0) {
			break;
		}

		// Every line here is ASCII but the Engine's name, which headerLine has already cut to fit.
		const text = segment.text.slice(0, room);
		segments.push({...segment, text});
		room -= text.length;
	}

	segments.push({text: '…'});
	return {...(line.style ? {style: line.style} : {}), segments};
}

/**
 * Switches to the alternate screen (if not there yet) and draws the frame over the whole screen; the
 * cursor is left home, where Ink starts. Called again after a resize, with the state at the new size.
 */
export function paintFirstFrame(stdout: NodeJS.WriteStream, state: AppState, theme: Theme): void {
	enterFullScreen(stdout);
	const lines = firstFrameLines(state, theme).map(line => `${toAnsi(line)}\u001B[K`);
	stdout.write(`\u001B[?25l\u001B[H\u001B[J${lines.join('\r\n')}\u001B[H`);
}
