import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain JavaScript module of the bench, without types
import {selectedRow as selectedRowJs} from '../bench/screen.js';

const selectedRow = selectedRowJs as (capture: string) => string | undefined;

// Issue 15: the bench's Go peers (test/bench/peer/) are timed until the row a key selects shows,
// read from `tmux capture-pane -e` as tsdtop's is. These are the first lines of their real captures
// (tmux 3.3, 120x40), before and after `j`: the details panel names the selected container too, in
// plain text, which must not count as the selection.
const esc = '\u001B';
const gocui = (selected: number) => [1, 2, 3].map(i => {
	const name = `bench-000${i}`;
	const row = i === selected ? `${esc}[7m${name}   running  tsdtop-test/busyb${esc}[0m${esc}[39m${esc}[49m` : `${name}   running  tsdtop-test/busyb`;
	return `│${row}││${i === 1 ? `Name:    bench-000${selected}` : 'ID:      aad842d44fb6'}   │`;
}).join('\n');
const tview = (selected: number) => [1, 2, 3].map(i => {
	const name = `bench-000${i}`;
	const row = i === selected ? `${esc}[7m${esc}[39m${esc}[49m${name} running tsdtop-test/busybo…${esc}[0m${esc}[97m${esc}[40m` : `${name} running tsdtop-test/busybo…`;
	return `║${row}║│${i === 1 ? `Name:    bench-000${selected}${esc}[39m` : 'Image:   tsdtop-test/busybox:latest'}   ${esc}[97m│`;
}).join('\n');

describe('the bench reads the Go peers\' selected row', () => {
	it.each([['gocui-list', gocui], ['tview-table', tview]])('%s: the reverse-video row, before and after j', (_name, screen) => {
		expect(selectedRow(screen(1))).toBe('bench-0001');
		expect(selectedRow(screen(2))).toBe('bench-0002');
	});

	it('a screen that only names a container in plain text has no selection', () => {
		expect(selectedRow(gocui(0))).toBeUndefined();
		expect(selectedRow(tview(0))).toBeUndefined();
	});
});
