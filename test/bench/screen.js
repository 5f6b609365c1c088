// What the output says about tsdtop's list: which row is selected, and how many rows the window holds.
import {stripAnsi} from './session.js';

// Reverse video (SGR 7, alone or among others), then only spaces and SGR sequences, then a bench
// name: the selected row. The static first paint splits it (`ESC[7m  ESC[27mESC[7mbench-0001`).
// eslint-disable-next-line no-control-regex
const selectedPattern = /\u001B\[(?:\d+;)*7(?:;\d+)*m(?: |\u001B\[[\d;]*m)*(bench-\d{4})/g;

/** The bench row drawn selected last in `text` (output as written), or undefined. */
export function selectedRow(text) {
	let name;
	for (const match of text.matchAll(selectedPattern)) {
		name = match[1];
	}

	return name;
}

/** A measureKey `answered` check: the output since the key draws `name` selected, last. */
export function selects(name) {
	return text => selectedRow(text) === name;
}

/** How many bench rows one screenful shows (the list window), from the last screen of output. */
export function windowRows(screen) {
	return new Set(stripAnsi(screen).match(/bench-\d{4}/g) ?? []).size;
}
