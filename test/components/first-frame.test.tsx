import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/panes/app.js';
import {type ApiContainer} from '../../source/docker/map-container.js';
import {type FirstFrameInput, firstFrameLines, firstState} from '../../source/startup/first-frame.js';
import {toAnsi} from '../../source/render/styled-line.js';
import {makeTheme, type Theme} from '../../source/render/theme.js';
import {createStore} from '../../source/store/create-store.js';
import {sgrCells} from '../helpers/sgr-cells.js';
import {stubEngine} from '../helpers/stub-engine.js';

// The first frame is written before Ink loads; Ink then draws over it. If the two differ by one
// character or one colour, the person sees the screen jump. These tests hold them equal.
function apiContainer(index: number, state: string, extra: Partial<ApiContainer> = {}): ApiContainer {
	return {
		Id: `${String(index).padStart(4, '0')}${'ab'.repeat(30)}`,
		Names: [`/svc-${index}`],
		Image: index % 2 ? 'tsdtop-test/busybox:latest' : 'nginx:1.27-alpine',
		State: state,
		Status: state === 'running' ? 'Up 3 minutes' : 'Exited (1) 2 hours ago',
		Created: 1_700_000_000 + index,
		Ports: index % 3 ? [] : [{PrivatePort: 80, PublicPort: 8000 + index, Type: 'tcp', IP: '0.0.0.0'}],
		Labels: index % 4 ? {} : {'com.docker.compose.project': 'shop'},
		...extra,
	} as ApiContainer;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) {
		cleanup();
	}
});

function inkFrame(input: FirstFrameInput, theme: Theme): string {
	const state = firstState(input);
	const engine = stubEngine({});
	const app = render(<App services={{store: createStore(state), engine, theme}}/>);
	cleanups.push(() => app.unmount());
	return app.lastFrame()!;
}

const base: FirstFrameInput = {
	connection: {label: 'unix:///var/run/docker.sock', source: 'default'},
	version: {Version: '28.2.2', ApiVersion: '1.50', Os: 'linux'},
	containers: Array.from({length: 40}, (_, i) => apiContainer(i, i % 5 === 0 ? 'exited' : (i % 7 === 0 ? 'paused' : 'running'))),
	showAll: false,
	readOnly: false,
	settings: {tail: 500, logBuffer: 10_000},
	columns: 100,
	// ink-testing-library's stdout is 100 columns (the App follows it) and has no rows (Ink then keeps to 24 lines).
	rows: 24,
};

describe('the first frame is the frame Ink draws', () => {
	const dark = makeTheme('dark');
	it.each<[string, FirstFrameInput, Theme]>([
		['100x24, dark', base, dark],
		['with stopped ones (--all)', {...base, showAll: true}, dark],
		['no colour, read-only', {...base, readOnly: true}, makeTheme('none')],
		['the light theme', {...base, showAll: true}, makeTheme('light')],
		['columns chosen in the config file', {...base, settings: {...base.settings, columns: ['state', 'name', 'image']}}, dark],
		['more rows than containers', {...base, containers: base.containers.slice(0, 3)}, dark],
		['no running containers', {...base, containers: [apiContainer(1, 'exited')]}, dark],
		['picked with --host', {...base, connection: {label: 'tcp://10.0.0.5:2375', source: '--host'}}, dark],
		['an Engine name with odd bytes', {...base, connection: {label: 'tcp://h\u001B[31mst:2375', source: 'DOCKER_HOST'}, containers: [apiContainer(2, 'running', {Names: ['/we\u0007ird\u001B]0;x']})]}, dark],
	])('%s', (_name, input, theme) => {
		const painted = firstFrameLines(firstState(input), theme).map(line => toAnsi(line)).join('\n');
		const ink = inkFrame(input, theme);
		const text = (cells: ReturnType<typeof sgrCells>) => cells.map(line => line.map(cell => cell.char).join(''));
		expect(text(sgrCells(painted))).toEqual(text(sgrCells(ink)));
		expect(sgrCells(painted)).toEqual(sgrCells(ink));
		// And the frame really shows the list.
		expect(stripVTControlCharacters(painted)).toMatch(/svc-\d|weird|no running containers/);
		// The first case loads Ink: seconds on a busy machine.
	}, 30_000);
});
