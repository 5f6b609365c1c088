import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {mapNodes, mapTasks} from '../../../source/docker/map-swarm-nodes.js';
import {imageWithoutDigest, mapServices, seconds, servicePorts, swarmRoleOf, workerNotice} from '../../../source/docker/map-swarm.js';
import type {ApiNode, ApiService, ApiSwarmInfo, ApiTask} from '../../../source/docker/swarm-api.js';

// Captured from the three-node test swarm (test/engine/swarm.sh, Engine 20.10): fx-web (2 replicas,
// port 28090 published in host mode) in the middle of a forced update, fx-glob (global), fx-fail
// (`sh -c 'exit 3'`, restarting).
function fixture<T>(name: string): T {
	return JSON.parse(readFileSync(new URL(`../../fixtures/swarm/${name}`, import.meta.url), 'utf8')) as T;
}

const services = fixture<ApiService[]>('services.json');
const tasks = fixture<ApiTask[]>('tasks.json');
const nodes = fixture<ApiNode[]>('nodes.json');
const hostnames = new Map(nodes.map(node => [node.ID, node.Description!.Hostname!]));
const idOf = (name: string) => services.find(service => service.Spec?.Name === name)!.ID;

describe('swarmRoleOf', () => {
	test('a manager', () => {
		expect(swarmRoleOf(fixture<ApiSwarmInfo>('info-manager.json'))).toEqual({kind: 'manager', nodeId: 'iwn1jbsa3lxkm826y42jxfl0g'});
	});

	test('a worker names its managers', () => {
		const role = swarmRoleOf(fixture<ApiSwarmInfo>('info-worker.json'));
		expect(role).toEqual({kind: 'worker', nodeId: 'hx84t2lx8eao250lepsvbopby', managers: ['127.0.0.1:24770']});
		expect(workerNotice(role as Extract<typeof role, {kind: 'worker'}>)).toBe('this node is a worker; use manager 127.0.0.1:24770');
	});

	test.each([
		[{}, {kind: 'none'}],
		[{Swarm: {LocalNodeState: 'inactive', ControlAvailable: false}}, {kind: 'none'}],
		[{Swarm: {LocalNodeState: 'pending', NodeID: '', Error: ''}}, {kind: 'pending', state: 'pending', error: ''}],
		[{Swarm: {LocalNodeState: 'error', Error: 'manager stopped: x'}}, {kind: 'pending', state: 'error', error: 'manager stopped: x'}],
		[{Swarm: {LocalNodeState: 'active', NodeID: 'n', ControlAvailable: false, RemoteManagers: null}}, {kind: 'worker', nodeId: 'n', managers: []}],
	])('%j', (info, role) => {
		expect(swarmRoleOf(info as ApiSwarmInfo)).toEqual(role);
	});

	test('a worker with no known manager says so', () => {
		expect(workerNotice({kind: 'worker', nodeId: 'n', managers: []})).toBe('this node is a worker; no manager is known');
	});
});

describe('mapServices', () => {
	const rows = mapServices(services, tasks);

	test('rows by name, with mode, running/desired, image, ports and update status', () => {
		expect(rows.map(row => [row.name, row.mode, `${row.running}/${row.desired}`, row.image, row.update?.state])).toEqual([
			['fx-fail', 'replicated', '0/1', 'tsdtop-test/busybox:latest', undefined],
			['fx-glob', 'global', '3/3', 'tsdtop-test/busybox:latest', undefined],
			// Slot 1's old task still runs but is to shut down; its replacement is only ready: 1 counts.
			['fx-web', 'replicated', '1/2', 'tsdtop-test/busybox:latest', 'updating'],
		]);
		const web = rows.find(row => row.name === 'fx-web')!;
		expect(web.ports).toEqual([{published: 28090, target: 80, protocol: 'tcp', mode: 'host'}]);
		expect(web.update).toEqual({state: 'updating', message: 'update in progress'});
		expect(web.version).toBe(67);
		expect(web.created).toBe(seconds('2026-12-03T09:18:45.707372553Z'));
		expect(web.labels).toEqual({'tsdtop.test': 'fx'});
	});

	test.each([
		['rollback_completed', 'rolled back'],
		['rollback_started', 'rolling back'],
		['rollback_paused', 'rollback paused'],
		['paused', 'paused'],
		['completed', 'completed'],
	])('update state %s shows as %s', (state, shown) => {
		const [row] = mapServices([{...services[0]!, UpdateStatus: {State: state, Message: 'm'}}], []);
		expect(row!.update).toEqual({state: shown, message: 'm'});
	});

	test('a global service with no tasks wants none; a replicated one wants its replicas', () => {
		const rows = mapServices(services, []);
		expect(rows.map(row => `${row.running}/${row.desired}`)).toEqual(['0/1', '0/0', '0/2']);
	});
});

describe('mapTasks', () => {
	test('failed tasks stay, with their error, by slot and newest first', () => {
		const fail = mapTasks(tasks.filter(task => task.ServiceID === idOf('fx-fail')), hostnames, new Map([[idOf('fx-fail'), 'fx-fail']]));
		expect(fail.map(task => [task.slot, task.node, task.desiredState, task.state, task.error, task.exitCode])).toEqual([
			[1, 'tsdtop-manager', 'ready', 'ready', '', undefined],
			[1, 'tsdtop-manager', 'shutdown', 'failed', 'task: non-zero exit (3)', 3],
			[1, 'tsdtop-manager', 'shutdown', 'failed', 'task: non-zero exit (3)', 3],
			[1, 'tsdtop-worker1', 'shutdown', 'failed', 'task: non-zero exit (3)', 3],
			[1, 'tsdtop-worker1', 'shutdown', 'failed', 'task: non-zero exit (3)', 3],
		]);
		expect(fail[0]!.service).toBe('fx-fail');
		expect(fail[1]!.since).toBe(seconds('2026-12-03T09:18:55.138228296Z'));
	});

	test('global tasks have no slot; an unknown node shows its id', () => {
		const glob = mapTasks(tasks.filter(task => task.ServiceID === idOf('fx-glob')), new Map());
		expect(glob.every(task => task.slot === undefined)).toBe(true);
		expect(glob.map(task => task.node)).toEqual(['hx84t2lx8eao250lepsvbopby', 'iwn1jbsa3lxkm826y42jxfl0g', 'wae99uz5rj3jxb9jscqe7lff7']);
		expect(glob[0]!.service).toBe(idOf('fx-glob'));
	});
});

describe('mapNodes', () => {
	test('the manager first as Leader, workers after, with their running tasks', () => {
		expect(mapNodes(nodes, tasks).map(node => [node.hostname, node.role, node.availability, node.status, node.managerStatus, node.engineVersion, node.runningTasks])).toEqual([
			['tsdtop-manager', 'manager', 'active', 'ready', 'Leader', '20.10.24+dfsg1', 1],
			['tsdtop-worker1', 'worker', 'active', 'ready', undefined, '20.10.24+dfsg1', 1],
			['tsdtop-worker2', 'worker', 'active', 'ready', undefined, '20.10.24+dfsg1', 2],
		]);
	});

	test.each([
		[{Leader: false, Reachability: 'reachable'}, 'Reachable'],
		[{Reachability: 'unreachable'}, 'Unreachable'],
		[{Reachability: 'unknown'}, 'Unknown'],
	])('manager status %j is %s', (status, shown) => {
		const [node] = mapNodes([{...nodes[0]!, ManagerStatus: status}], []);
		expect(node!.managerStatus).toBe(shown);
	});

	test('a drained, down node', () => {
		const [node] = mapNodes([{...nodes[0]!, Spec: {Role: 'worker', Availability: 'drain'}, Status: {State: 'down', Addr: '127.0.0.1'}}], []);
		expect([node!.availability, node!.status]).toEqual(['drain', 'down']);
	});
});

describe('pure pieces', () => {
	test.each([
		['nginx:1.27@sha256:abc', 'nginx:1.27'],
		['registry:5000/app@sha256:abc', 'registry:5000/app'],
		['busybox', 'busybox'],
	])('imageWithoutDigest(%s)', (image, shown) => {
		expect(imageWithoutDigest(image)).toBe(shown);
	});

	test('ports sort by published port, then target', () => {
		expect(servicePorts([
			{Protocol: 'udp', TargetPort: 53, PublishedPort: 5353, PublishMode: 'ingress'},
			{Protocol: 'tcp', TargetPort: 80},
			{Protocol: 'tcp', TargetPort: 443, PublishedPort: 443, PublishMode: 'host'},
		])).toEqual([
			{target: 80, protocol: 'tcp', mode: 'ingress'},
			{published: 443, target: 443, protocol: 'tcp', mode: 'host'},
			{published: 5353, target: 53, protocol: 'udp', mode: 'ingress'},
		]);
	});

	test.each([
		[undefined, 0],
		['0001-01-01T00:00:00Z', 0],
		['2026-12-03T09:18:45.9Z', Date.parse('2026-12-03T09:18:45Z') / 1000],
	])('seconds(%s)', (iso, value) => {
		expect(seconds(iso)).toBe(value);
	});
});
