import {describe, expect, it} from 'vitest';
import {emptyPull, type PullMessage, reducePull} from '../../../source/docker/pull-progress.js';
import {checkStatusText, layerLine, panelLayerRows, progressBar, pullPanelLines} from '../../../source/render/pull-panel.js';
import {textWidth} from '../../../source/render/text-width.js';

const MB = 1024 * 1024;
const layer = (id: string, status: string, current?: number, total?: number): PullMessage =>
	({id, status, ...(current === undefined ? {} : {progressDetail: {current, ...(total === undefined ? {} : {total})}})});

// A pull as the Engine streams it: one layer already here, one done, one downloading, one extracting, one waiting.
const progress = [
	{status: 'Pulling from app', id: '1'},
	layer('aaaaaaaaaaaa', 'Already exists'),
	layer('bbbbbbbbbbbb', 'Pulling fs layer'),
	layer('cccccccccccc', 'Pulling fs layer'),
	layer('dddddddddddd', 'Pulling fs layer'),
	layer('eeeeeeeeeeee', 'Pulling fs layer'),
	layer('bbbbbbbbbbbb', 'Downloading', 2 * MB, 2 * MB),
	layer('bbbbbbbbbbbb', 'Pull complete'),
	layer('cccccccccccc', 'Downloading', 3 * MB, 12 * MB),
	layer('dddddddddddd', 'Downloading', 4 * MB, 4 * MB),
	layer('dddddddddddd', 'Extracting', 1 * MB, 4 * MB),
	layer('eeeeeeeeeeee', 'Waiting'),
].reduce(reducePull, emptyPull);

describe('the pull panel at 80 columns', () => {
	const lines = pullPanelLines('127.0.0.1:5000/shop/app:2', progress, 80);

	it('is a title and a fixed number of layer lines, each exactly 80 columns', () => {
		expect(lines).toHaveLength(1 + panelLayerRows);
		for (const line of lines) {
			expect(textWidth(line)).toBe(80);
		}
	});

	it('the title names the reference, the bytes of all sized layers, and how many layers are done', () => {
		// 2 MB done + 3 of 12 MB + 4 of 4 MB (downloaded, now extracting) = 9 of 18 MB.
		expect(lines[0]!.trimEnd()).toBe('pulling 127.0.0.1:5000/shop/app:2  9.0M / 18M  2 of 5 layers done');
	});

	it('shows busy layers first (download, extract), then waiting ones, each with a bar and its bytes', () => {
		expect(lines.slice(1).map(l => l.trimEnd())).toEqual([
			expect.stringMatching(/^ {2}cccccccccccc download \[#{10,12}-+\]\s+3\.0M \/ 12M$/),
			expect.stringMatching(/^ {2}dddddddddddd extract {2}\[#{10,12}-+\]\s+1\.0M \/ 4\.0M$/),
			expect.stringMatching(/^ {2}eeeeeeeeeeee waiting {2}\[-+\]$/),
		]);
	});

	it('pads with blank lines while fewer layers are busy, so the table does not jump', () => {
		const start = pullPanelLines('busybox', emptyPull, 80);
		expect(start).toHaveLength(1 + panelLayerRows);
		expect(start[0]!.trimEnd()).toBe('pulling busybox  asking the registry...');
		expect(start.slice(1).every(line => line === ' '.repeat(80))).toBe(true);
	});

	it('cuts a long reference but keeps the totals in view', () => {
		const [title] = pullPanelLines(`registry.example.com/${'x'.repeat(100)}:1`, progress, 80);
		expect(textWidth(title!)).toBe(80);
		expect(title).toMatch(/~ {2}9\.0M \/ 18M {2}2 of 5 layers done$/);
	});

	it('strips escape sequences from a reference typed or listed', () => {
		expect(pullPanelLines('evil\u001B]0;pwned\u0007:1', emptyPull, 80)[0]).not.toContain('\u001B');
	});
});

describe('progress pieces', () => {
	it.each([
		[0, 12, '[----------]'],
		[0.5, 12, '[#####-----]'],
		[1, 12, '[##########]'],
		[2, 6, '[####]'],
		[-1, 4, '[--]'],
	])('progressBar(%s, %s) is %s', (ratio, width, bar) => {
		expect(progressBar(ratio, width)).toBe(bar);
	});

	it('a layer line fits narrow terminals too', () => {
		const line = layerLine({id: 'cccccccccccc', status: 'Downloading', phase: 'downloading', current: MB, total: 2 * MB, size: 2 * MB}, 40);
		expect(textWidth(line)).toBe(40);
	});

	it('U\'s check phase says which container, what is pulled and the bytes so far', () => {
		expect(checkStatusText('web', 'app:1', undefined)).toBe('checking web: pulling app:1...');
		expect(checkStatusText('web', 'app:1', progress, {index: 1, of: 3})).toBe('checking web (2 of 3): pulling app:1: 9.0M / 18M...');
	});
});
