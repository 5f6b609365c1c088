import {describe, expect, it} from 'vitest';
import {toStatsPoint} from '../../../source/docker/container-details.js';
import {toEngineInfo} from '../../../source/docker/engine.js';
import type {StatsPoint} from '../../../source/store/log-state.js';
import {sampleInterval, statsLines} from '../../../source/render/detail-lines.js';

// Where Podman's Docker-compatible API answers differently from Docker's (issue 6), as measured
// against Podman 4.3.1 on Debian 12.
describe('toEngineInfo', () => {
	it('names Podman, whose /version gives its own version and a "Podman Engine" component', () => {
		const info = toEngineInfo('unix:///run/podman/podman.sock', {Version: '4.3.1', ApiVersion: '1.41', Os: 'linux', Components: [{Name: 'Podman Engine'}]});
		expect(info).toEqual({host: 'unix:///run/podman/podman.sock', version: '4.3.1', apiVersion: '1.41', os: 'linux', product: 'Podman'});
	});

	it.each([[undefined], [null], [[{Name: 'Engine'}, {Name: 'containerd'}]]])('leaves Docker unnamed (components %j)', Components => {
		expect(toEngineInfo('h', {Version: '20.10.24', ApiVersion: '1.41', Components}).product).toBeUndefined();
	});
});

const point = (readMs?: number): StatsPoint => ({memoryBytes: 1, memoryLimitBytes: 2, rxBytes: 0, txBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1, ...(readMs === undefined ? {} : {readMs})});

describe('the stats view\'s sample rate', () => {
	it.each<[string, StatsPoint[], string]>([
		['Docker, a second apart', [point(1000), point(2001)], 'one a second'],
		['Podman, 5 s apart', [point(1000), point(6010)], 'one every 5 s'],
		['one sample only', [point(1000)], 'one a second'],
		['no read times', [point(), point()], 'one a second'],
	])('%s: %s', (_name, points, expected) => {
		expect(sampleInterval(points)).toBe(expected);
		expect(statsLines(points, 80)[0]).toBe(`${points.length} samples, ${expected}`);
	});

	it('takes the read time from the sample, and none from a zero time', () => {
		expect(toStatsPoint({read: '2026-11-24T02:41:56.417537509Z'}).readMs).toBe(Date.parse('2026-11-24T02:41:56.417Z'));
		// Docker's first one-shot sample has preread 0001-01-01; a bad or missing time gives none.
		expect(toStatsPoint({read: '0001-01-01T00:00:00Z'}).readMs).toBeUndefined();
		expect(toStatsPoint({}).readMs).toBeUndefined();
	});
});
