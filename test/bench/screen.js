// What the screen says about tsdtop's list: which row is selected, and how many rows the window holds.
// Both read the session's terminal model (terminal-model.js), not the raw output.

/** A measureKey `answered` check: the finished frame shows `name` selected. */
export function selects(name) {
	return selected => selected === name;
}

/** How many bench rows one screenful shows (the list window). */
export function windowRows(session) {
	return new Set(session.screen.text().join('\n').match(/bench-\d{4}/g) ?? []).size;
}

// Reverse video (SGR 7, alone or among others), then only spaces and SGR sequences, then a bench
// name: the selected row in a whole screen as `tmux capture-pane -e` prints it (every line whole).
// eslint-disable-next-line no-control-regex
const selectedPattern = /\u001B\[(?:\d+;)*7(?:;\d+)*m(?: |\u001B\[[\d;]*m)*(bench-\d{4})/g;

/** The bench row drawn selected last in a captured screen, or undefined. */
export function selectedRow(capture) {
	let name;
	for (const match of capture.matchAll(selectedPattern)) {
		name = match[1];
	}

	return name;
}
