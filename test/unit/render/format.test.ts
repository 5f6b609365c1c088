import {describe, expect, it} from 'vitest';
import {compactDuration, compactStatus, formatBytes, formatPercent, formatPorts} from '../../../source/render/format.js';
import type {Port} from '../../../source/core/types.js';

describe('formatBytes', () => {
	it.each<[number | undefined, string]>([
		[undefined, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
		[-1, '-'],
		[0, '0B'],
		[1, '1B'],
		[1023, '1023B'],
		[1024, '1.0K'],
		[1536, '1.5K'],
		[10 * 1024, '10K'],
		[1023 * 1024, '1023K'],
		// Rounds up to 1024 of one unit: shown as 1.0 of the next, never "1024K".
		[1024 * 1024 - 1, '1.0M'],
		[1024 * 1024, '1.0M'],
		[256 * 1024 * 1024, '256M'],
		[12_884_901_888, '12G'],
		[1024 ** 4, '1.0T'],
		[1024 ** 5, '1.0P'],
		[1024 ** 6, '1024P'],
	])('formatBytes(%s) is %s', (bytes, expected) => {
		expect(formatBytes(bytes)).toBe(expected);
	});

	it('never shows more than four characters before the unit', () => {
		for (let bytes = 1; bytes < 1024 ** 5; bytes = Math.ceil(bytes * 1.37)) {
			const text = formatBytes(bytes);
			expect(text, `${bytes}`).toMatch(/^\d{1,4}(\.\d)?[BKMGTP]$/);
			expect(text.replace(/[BKMGTP]$/, '').length, `${bytes}`).toBeLessThanOrEqual(4);
		}
	});
});

describe('formatPercent', () => {
	it.each<[number | undefined, string]>([
		[undefined, '-'],
		[Number.NaN, '-'],
		[0, '0.0%'],
		[0.04, '0.0%'],
		[0.06, '0.1%'],
		[12.345, '12.3%'],
		[99.9, '99.9%'],
		[100, '100%'],
		[250.4, '250%'],
		[399.6, '400%'],
	])('formatPercent(%s) is %s', (percent, expected) => {
		expect(formatPercent(percent)).toBe(expected);
	});
});

describe('compactDuration', () => {
	it.each([
		['Less than a second', '<1s'],
		['1 second', '1s'],
		['5 seconds', '5s'],
		['About a minute', '1m'],
		['3 minutes', '3m'],
		['About an hour', '1h'],
		['2 hours', '2h'],
		['3 days', '3d'],
		['2 weeks', '2w'],
		['4 months', '4mo'],
		['2 years', '2y'],
		['  3 minutes  ', '3m'],
		// Anything it does not know passes through unchanged rather than being mangled.
		['a fortnight', 'a fortnight'],
		['3 eons', '3 eons'],
		['', ''],
	])('compactDuration(%j) is %j', (text, expected) => {
		expect(compactDuration(text)).toBe(expected);
	});
});

describe('compactStatus with real Engine status strings', () => {
	it.each([
		['Up 3 minutes', 'up 3m'],
		['Up About a minute', 'up 1m'],
		['Up About an hour', 'up 1h'],
		['Up Less than a second', 'up <1s'],
		['Up 2 hours (healthy)', 'up 2h healthy'],
		['Up 2 hours (unhealthy)', 'up 2h unhealthy'],
		['Up 5 seconds (health: starting)', 'up 5s starting'],
		['Up 3 days (Paused)', 'up 3d'],
		['Exited (0) 5 seconds ago', 'exit 0, 5s ago'],
		['Exited (137) About an hour ago', 'exit 137, 1h ago'],
		['Exited (1) Less than a second ago', 'exit 1, <1s ago'],
		['Exited (255) 2 weeks ago', 'exit 255, 2w ago'],
		['Created', 'created'],
		['Restarting (1) 2 seconds ago', 'restarting (exit 1, 2s ago)'],
		['Removal In Progress', 'removal in progress'],
		['Dead', 'dead'],
		['', ''],
	])('compactStatus(%j) is %j', (status, expected) => {
		expect(compactStatus(status)).toBe(expected);
	});

	it('is never longer than the Engine text', () => {
		for (const status of ['Up 3 minutes', 'Up 2 hours (healthy)', 'Exited (137) About an hour ago', 'Restarting (1) 2 seconds ago']) {
			expect(compactStatus(status).length).toBeLessThanOrEqual(status.length);
		}
	});
});

describe('formatPorts', () => {
	const cases: Array<[string, Port[], string]> = [
		['no ports', [], ''],
		['exposed only', [{privatePort: 80, protocol: 'tcp'}], '80/tcp'],
		['published on all IPv4', [{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'}], '8080->80/tcp'],
		['published on all IPv6', [{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'}], '8080->80/tcp'],
		['published on one address', [{privatePort: 5432, publicPort: 5432, ip: '127.0.0.1', protocol: 'tcp'}], '127.0.0.1:5432->5432/tcp'],
		['udp', [{privatePort: 53, publicPort: 5353, protocol: 'udp'}], '5353->53/udp'],
		[
			'published before exposed, order otherwise kept',
			[
				{privatePort: 22, protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 443, protocol: 'tcp'},
				{privatePort: 9000, publicPort: 9000, ip: '0.0.0.0', protocol: 'tcp'},
			],
			'8080->80/tcp, 9000->9000/tcp, 22/tcp, 443/tcp',
		],
	];

	it.each(cases)('%s', (_name, ports, expected) => {
		expect(formatPorts(ports)).toBe(expected);
	});

	// "::1:8080->80/tcp" cannot be read: which colon ends the address? docker ps brackets IPv6
	// addresses (Go's net.JoinHostPort) and prints "[::1]:8080->80/tcp".
	it('brackets an IPv6 address as docker ps does', () => {
		expect(formatPorts([{privatePort: 80, publicPort: 8080, ip: '::1', protocol: 'tcp'}])).toBe('[::1]:8080->80/tcp');
	});
});
