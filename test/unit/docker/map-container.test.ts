import {describe, expect, it} from 'vitest';
import {type ApiContainer, mapContainer, mapContainers} from '../../../source/docker/map-container.js';

/** Shaped like one element of GET /containers/json on Engine 27. */
const composeWeb: ApiContainer = {
	Id: '8dfafdbc3a40a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6',
	Names: ['/shop-web-1'],
	Image: 'nginx:1.27',
	Command: '/docker-entrypoint.sh nginx -g \'daemon off;\'',
	Created: 1_717_000_000,
	State: 'running',
	Status: 'Up 2 hours (healthy)',
	Ports: [
		{IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
		{PrivatePort: 9113, Type: 'tcp'},
		{IP: '0.0.0.0', PrivatePort: 443, PublicPort: 8443, Type: 'tcp'},
		{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
		{IP: '::', PrivatePort: 443, PublicPort: 8443, Type: 'tcp'},
		{IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp'},
		{IP: '::', PrivatePort: 53, PublicPort: 5353, Type: 'udp'},
		{IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'tcp'},
	],
	Labels: {
		'com.docker.compose.project': 'shop',
		'com.docker.compose.service': 'web',
		maintainer: 'NGINX Docker Maintainers',
	},
};

describe('mapContainer', () => {
	it('maps a running compose container', () => {
		const container = mapContainer(composeWeb);
		expect(container).toMatchObject({
			id: composeWeb.Id,
			name: 'shop-web-1',
			image: 'nginx:1.27',
			command: composeWeb.Command,
			state: 'running',
			status: 'Up 2 hours (healthy)',
			health: 'healthy',
			created: 1_717_000_000,
			project: 'shop',
			labels: composeWeb.Labels,
		});
		expect(container.exitCode).toBeUndefined();
	});

	it('deduplicates the 0.0.0.0 and :: bindings of a published port and sorts the ports', () => {
		expect(mapContainer(composeWeb).ports.map(p => `${p.publicPort ?? ''}->${p.privatePort}/${p.protocol}`)).toEqual([
			'5353->53/tcp',
			'5353->53/udp',
			'8080->80/tcp',
			'8443->443/tcp',
			'->9113/tcp',
		]);
	});

	it('keeps the address of a port bound to one address', () => {
		const container = mapContainer({Id: 'a', Ports: [{IP: '127.0.0.1', PrivatePort: 5432, PublicPort: 15_432, Type: 'tcp'}]});
		expect(container.ports).toEqual([{privatePort: 5432, publicPort: 15_432, ip: '127.0.0.1', protocol: 'tcp'}]);
	});

	it('gives an unpublished port neither publicPort nor ip', () => {
		const [port] = mapContainer({Id: 'a', Ports: [{PrivatePort: 6379, Type: 'tcp'}]}).ports;
		expect(port).toEqual({privatePort: 6379, protocol: 'tcp'});
		expect(port).not.toHaveProperty('publicPort');
		expect(port).not.toHaveProperty('ip');
	});

	it('gives the same port order whatever order the Engine sends', () => {
		const reversed = mapContainer({...composeWeb, Ports: [...composeWeb.Ports!].reverse()});
		expect(reversed.ports.map(p => [p.privatePort, p.publicPort, p.protocol])).toEqual(mapContainer(composeWeb).ports.map(p => [p.privatePort, p.publicPort, p.protocol]));
	});

	it.each<[string, string | undefined]>([
		['Up 2 hours (healthy)', 'healthy'],
		['Up 2 hours (unhealthy)', 'unhealthy'],
		['Up 5 seconds (health: starting)', 'starting'],
		['Up 3 minutes', undefined],
		['Up 3 days (Paused)', undefined],
		['Exited (0) 5 seconds ago', undefined],
	])('health of %j is %s', (status, health) => {
		expect(mapContainer({Id: 'a', State: 'running', Status: status}).health).toBe(health);
	});

	it.each<[string, number | undefined]>([
		['Exited (0) 5 seconds ago', 0],
		['Exited (137) About an hour ago', 137],
		['Exited (255) 2 weeks ago', 255],
		['Up 3 minutes', undefined],
		['Created', undefined],
		['Restarting (1) 2 seconds ago', undefined],
	])('exit code of %j is %s', (status, exitCode) => {
		expect(mapContainer({Id: 'a', State: 'exited', Status: status}).exitCode).toBe(exitCode);
	});

	it.each(['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing'])('keeps the known state %s', state => {
		expect(mapContainer({Id: 'a', State: state}).state).toBe(state);
	});

	it('maps a minimal object without throwing', () => {
		const container = mapContainer({Id: '0123456789abcdef0123', Labels: null});
		expect(container).toMatchObject({name: '0123456789ab', image: '', command: '', status: '', created: 0, ports: [], labels: {}});
		expect(container).not.toHaveProperty('project');
		expect(['created', 'exited', 'dead']).toContain(container.state);
	});

	it('takes only the leading slash off the name', () => {
		expect(mapContainer({Id: 'a', Names: ['/web/db']}).name).toBe('web/db');
		expect(mapContainer({Id: 'a', Names: ['plain']}).name).toBe('plain');
	});

	it('has no project without the compose label', () => {
		expect(mapContainer({Id: 'a', Labels: {other: 'x'}})).not.toHaveProperty('project');
	});

	it('defaults a missing protocol to tcp', () => {
		expect(mapContainer({Id: 'a', Ports: [{PrivatePort: 80}]}).ports[0]!.protocol).toBe('tcp');
	});
});

describe('mapContainers', () => {
	it('maps an answer once: the first frame and run() get the very same container objects', () => {
		const answer = [composeWeb];
		const first = mapContainers(answer);
		expect(first).toEqual([mapContainer(composeWeb)]);
		expect(mapContainers(answer)).toBe(first);
		// Another answer, even an equal one, is mapped anew: the list has changed as far as anyone knows.
		expect(mapContainers([composeWeb])).not.toBe(first);
	});
});

// Issue 12 item 5: a created container's network entry has no NetworkID yet; its name still says
// which network it will join, so it counts as a user of it.
describe('mapContainer: networks', () => {
	it('keeps the ids it has and every network name', () => {
		const mapped = mapContainer({
			Id: 'c1',
			State: 'created',
			NetworkSettings: {Networks: {web: {NetworkID: ''}, back: {NetworkID: 'n-back'}}},
		});
		expect(mapped.networkIds).toEqual(['n-back']);
		expect(mapped.networkNames).toEqual(['back', 'web']);
	});
});
