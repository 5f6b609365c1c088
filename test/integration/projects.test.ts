import {afterAll, describe, expect, it} from 'vitest';
import {resolveConnection} from '../../source/docker/connection.js';
import {createEngine} from '../../source/docker/engine.js';
import {actOnContainers, type ProjectTarget} from '../../source/docker/project-actions.js';
import type {ItemOutcome} from '../../source/docker/one-by-one.js';
import {projectRows, projectTargets, projectToggleVerb} from '../../source/store/projects.js';
import {engineHost} from '../helpers/engine-paths.js';
import {createTestContainer, removeTestContainers, stateOf, uniquePrefix} from '../helpers/test-containers.js';

// Compose projects made from labels alone (no compose CLI), acted on through the API.
const p = uniquePrefix('proj');
const engine = createEngine(resolveConnection(engineHost, {}));
const labels = (project: string, service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});

afterAll(async () => {
	await removeTestContainers(p);
});

describe('project actions', () => {
	it('stops one project\'s containers and no other project\'s, then starts and removes them', async () => {
		const shop = `${p}-shop`;
		const blog = `${p}-blog`;
		await createTestContainer(`${p}-shop-web`, {labels: labels(shop, 'web')});
		await createTestContainer(`${p}-shop-db`, {labels: labels(shop, 'db')});
		await createTestContainer(`${p}-blog-app`, {labels: labels(blog, 'app')});
		await createTestContainer(`${p}-loose`);

		const rows = projectRows(await engine.listContainers());
		const row = rows.find(r => r.name === shop)!;
		expect(row).toMatchObject({running: 2, total: 2, services: ['db', 'web']});
		expect(projectToggleVerb(row)).toBe('stop');
		const outcomes: Array<ItemOutcome<ProjectTarget>> = [];
		await actOnContainers(engine, projectTargets(row, 'stop'), 'stop', outcome => outcomes.push(outcome));
		expect(outcomes).toEqual([{item: {id: expect.any(String) as string, name: `${p}-shop-db`}, ok: true}, {item: {id: expect.any(String) as string, name: `${p}-shop-web`}, ok: true}]);
		expect(await stateOf(`${p}-shop-web`)).toBe('exited');
		expect(await stateOf(`${p}-shop-db`)).toBe('exited');
		expect(await stateOf(`${p}-blog-app`)).toBe('running');
		expect(await stateOf(`${p}-loose`)).toBe('running');

		const stopped = projectRows(await engine.listContainers()).find(r => r.name === shop)!;
		expect(projectToggleVerb(stopped)).toBe('start');
		await actOnContainers(engine, projectTargets(stopped, 'start'), 'start');
		expect(await stateOf(`${p}-shop-web`)).toBe('running');

		const removed = await actOnContainers(engine, [...projectTargets(stopped, 'remove'), {id: `${p}-gone`, name: `${p}-gone`}], 'remove');
		expect(removed.map(o => o.ok)).toEqual([true, true, false]);
		expect(removed[2]).toMatchObject({ok: false, message: expect.stringMatching(/No such container/i) as string});
		expect(await stateOf(`${p}-shop-web`)).toBeUndefined();
		expect(await stateOf(`${p}-blog-app`)).toBe('running');
	});
});
