import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {FilterBar} from '../../source/components/filter-bar.js';
import {Header} from '../../source/components/header.js';
import {StatusBar} from '../../source/components/status-bar.js';
import {Table} from '../../source/components/table.js';
import type {ListDescriptor} from '../../source/render/list-descriptor.js';
import {contentWidths, tableColumns, tableRows} from '../../source/render/list-table.js';
import {makeTheme} from '../../source/render/theme.js';
import {plain} from '../helpers/ink-app.js';

// Components take props and draw them: no store, no Engine, no context around them.
const theme = makeTheme('dark');
let app: ReturnType<typeof render> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('components drawn from props alone', () => {
	it('Header: the Engine, the counts and the tabs', () => {
		app = render(<Header host="unix:///run/docker.sock" status="connected" pane="images" tabs={[{id: 'containers', title: 'Containers'}, {id: 'images', title: 'Images'}, {id: 'networks', title: 'Networks'}, {id: 'volumes', title: 'Volumes'}]} counts={{running: 2, paused: 0, stopped: 1, total: 3}} readOnly={false} columns={100} theme={theme}/>);
		// Below 110 columns only the shown pane's tab is named.
		expect(plain(app)).toBe('tsdtop  1 2 Images  3 4  2 running, 1 stopped, 3 total  unix:///run/docker.sock');
	});

	it('StatusBar: the connection\'s trouble before any message, then the message', () => {
		app = render(<StatusBar connection={{status: 'disconnected', host: 'h', error: 'refused', retryAt: 0}} status={{kind: 'info', text: 'hello'}} theme={theme}/>);
		expect(plain(app)).toBe('disconnected, retrying in 0s: refused');
		app.rerender(<StatusBar connection={{status: 'connected', host: 'h'}} status={{kind: 'info', text: 'hello'}} theme={theme}/>);
		expect(plain(app)).toBe('hello');
	});

	it('FilterBar: nothing without a filter, the kept text when closed', () => {
		app = render(<FilterBar filter={{open: false, text: '', cursor: 0}}/>);
		expect(plain(app)).toBe('');
		app.rerender(<FilterBar filter={{open: false, text: 'web', cursor: 3}}/>);
		expect(plain(app)).toBe('filter: web  (/ edit, Esc clear)');
	});

	it('Table: the rows a descriptor gives, through the one renderer', () => {
		type Row = {readonly id: string; readonly name: string};
		const list: ListDescriptor<Row> = {
			title: 'Rows',
			noun: 'row',
			columns: [{id: 'name', title: 'NAME', minWidth: 6, grow: 1, priority: 0}],
			key: row => row.id,
			label: row => row.name,
			cells: row => ({name: {text: row.name}}),
			sortValue: row => row.name,
			search: row => row.name,
		};
		const rows = [{id: '1', name: 'alpha'}, {id: '2', name: 'beta'}];
		const columns = tableColumns(list.columns, contentWidths(list, rows, undefined), 40);
		app = render(<Table columns={columns} rows={tableRows(list, rows, undefined, {selectedId: '2', marks: new Set(['1']), theme})} height={2}/>);
		expect(plain(app).split('\n').map(line => line.trimEnd())).toEqual(['  NAME', '* alpha', '  beta']);
	});
});
