import {describe, expect, it} from 'vitest';
import {describeConfirm} from '../../../source/render/confirm-text.js';
import type {ConfirmRequest, ResourceAction, Target} from '../../../source/store/state.js';

// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001F\u007F-\u009F]/;
const expectClean = (texts: readonly string[]) => {
	for (const text of texts) {
		expect(text).not.toMatch(controlChars);
	}
};

const nginx: Target = {id: `sha256:${'a'.repeat(64)}`, name: 'nginx:1.27', detail: '190M'};
const nginxTag: Target = {...nginx, reference: 'nginx:1.27'};
const user = (name: string, state: Target['state']): Target => ({id: `id-${name}`, name, state});

describe('describeConfirm: image-remove', () => {
	it('an image nobody uses: remove, y only', () => {
		const text = describeConfirm({action: 'image-remove', targets: [nginx], users: []});
		expect(text.title).toBe('Remove image nginx:1.27?');
		expect(text.lines).toEqual(['nginx:1.27  (190M)']);
		expect(text.choices).toEqual([{key: 'y', label: 'remove', targets: [nginx], force: false}]);
		expect(text.title).not.toMatch(/tag/);
	});

	it('no users field at all is the same as none', () => {
		expect(describeConfirm({action: 'image-remove', targets: [nginx]}).choices.map(c => c.key)).toEqual(['y']);
	});

	it.each<[string, readonly Target[]]>([
		['no users', []],
		['a running user', [user('web', 'running')]],
		['a stopped user', [user('job', 'exited')]],
	])('a tag of a multi-tag image is untagged with %s: y untag, no force', (_name, users) => {
		const text = describeConfirm({action: 'image-remove', targets: [nginxTag], users});
		expect(text.title).toBe('Remove the tag nginx:1.27? The image keeps its other tags.');
		expect(text.choices).toEqual([{key: 'y', label: 'untag', targets: [nginxTag], force: false}]);
		expect(text.title).not.toMatch(/^Remove image/);
	});

	it.each<[string, readonly Target[]]>([
		['running', [user('web', 'running')]],
		['paused', [user('cache', 'paused')]],
		['restarting', [user('flappy', 'restarting')]],
		['a running one among stopped ones', [user('job', 'exited'), user('web', 'running')]],
	])('users %s: no choice at all, names them', (_name, users) => {
		const text = describeConfirm({action: 'image-remove', targets: [nginx], users});
		expect(text.choices).toEqual([]);
		expect(text.title).toMatch(/used by running containers: stop them first/);
		const usedBy = text.lines.at(-1)!;
		for (const u of users) {
			expect(usedBy).toContain(`${u.name} (${u.state})`);
		}

		expect(text.lines[0]).toBe('nginx:1.27  (190M)');
	});

	it('only stopped users: only f, which forces, with a note', () => {
		const users = [user('job', 'exited'), user('new', 'created'), user('zombie', 'dead')];
		const text = describeConfirm({action: 'image-remove', targets: [nginx], users});
		expect(text.choices.map(c => c.key)).toEqual(['f']);
		expect(text.choices[0]).toMatchObject({targets: [nginx], force: true});
		expect(text.title).toBe('Remove image nginx:1.27? Used by job (exited), new (created), zombie (dead).');
		expect(text.note).toBeDefined();
	});

	it('sanitises the users named', () => {
		const text = describeConfirm({action: 'image-remove', targets: [nginx], users: [user('bad\u001B[2Jname', 'running')]});
		expectClean(text.lines);
		expect(text.lines.at(-1)).toContain('badname (running)');
	});
});

const dangling = (n: number): Target => ({id: `sha256:${String(n).repeat(64)}`, name: String(n).repeat(12), detail: `${n}.0M`});

describe('describeConfirm: prune', () => {
	it.each<[ResourceAction, readonly Target[], RegExp]>([
		['image-prune', [dangling(1), dangling(2), dangling(3)], /^Clean up: remove 3 dangling images\?$/],
		['image-prune', [dangling(1)], /^Clean up: remove 1 dangling image\?$/],
		['image-prune-all', [nginx, dangling(2)], /^Clean up: remove 2 unused images\?$/],
		['network-prune', [{id: 'n1', name: 'old-net', detail: 'bridge'}, {id: 'n2', name: 'idle', detail: 'overlay'}], /^Clean up: remove 2 unused networks\?$/],
		['volume-prune', [{id: 'a', name: 'a', detail: '12M'}, {id: 'b', name: 'b', detail: 'size unknown'}], /^Clean up: remove 2 unused volumes\? THEIR DATA IS DELETED FOR GOOD\.$/],
	])('%s lists every target with its size or detail', (action, targets, title) => {
		const text = describeConfirm({action, targets, ...(action === 'volume-prune' ? {typeToConfirm: 'prune'} : {})});
		expect(text.title).toMatch(title);
		expect(text.lines).toEqual(targets.map(t => `${t.name}  (${t.detail})`));
		expect(text.choices).toHaveLength(1);
		expect(text.choices[0]!.targets).toEqual(targets);
	});

	it.each<[ResourceAction, boolean]>([
		['image-prune', false],
		// Untagged by id with other tags on them: only force takes those.
		['image-prune-all', true],
		['network-prune', false],
		['volume-prune', false],
	])('%s force=%s', (action, force) => {
		expect(describeConfirm({action, targets: [dangling(1)], typeToConfirm: 'prune'}).choices[0]!.force).toBe(force);
	});

	it('image-prune offers u for every unused image; image-prune-all does not', () => {
		expect(describeConfirm({action: 'image-prune', targets: [dangling(1)]}).note).toMatch(/\bu\b.*every unused image/);
		expect(describeConfirm({action: 'image-prune-all', targets: [dangling(1)]}).note).toBeUndefined();
	});

	it.each<ResourceAction>(['image-prune', 'image-prune-all', 'network-prune', 'volume-prune'])('%s says which filter it was limited to, sanitised', action => {
		const text = describeConfirm({action, targets: [dangling(1)], filter: 'shop\u001B]0;x\u0007', typeToConfirm: 'prune'});
		expect(text.title).toContain('matching "shop"');
		expect(text.title).not.toMatch(controlChars);
	});

	it('a target without a detail is just its name', () => {
		expect(describeConfirm({action: 'network-prune', targets: [{id: 'n', name: 'plain'}]}).lines).toEqual(['plain']);
	});
});

describe('describeConfirm: volumes', () => {
	it('volume-remove says the data is deleted and names the word to type', () => {
		const target: Target = {id: 'db-data', name: 'db-data', detail: '300M'};
		const text = describeConfirm({action: 'volume-remove', targets: [target], typeToConfirm: 'db-data'});
		expect(text.title).toBe('Remove volume db-data? ITS DATA IS DELETED FOR GOOD.');
		expect(text.lines).toEqual(['db-data  (300M)']);
		expect(text.choices).toEqual([{key: 'y', label: 'type "db-data" and press Enter to remove', targets: [target], force: false}]);
	});

	it('volume-prune names "prune" as the word to type', () => {
		const text = describeConfirm({action: 'volume-prune', targets: [{id: 'a', name: 'a'}], typeToConfirm: 'prune'});
		expect(text.title).toMatch(/DELETED FOR GOOD/);
		expect(text.choices[0]!.label).toBe('type "prune" and press Enter to remove');
	});

	it('network-remove is a plain y', () => {
		const target: Target = {id: 'n', name: 'old-net', detail: 'bridge'};
		expect(describeConfirm({action: 'network-remove', targets: [target]})).toEqual({
			title: 'Remove network old-net?',
			lines: ['old-net  (bridge)'],
			choices: [{key: 'y', label: 'remove', targets: [target], force: false}],
		});
	});
});

describe('describeConfirm: names from the Engine are sanitised', () => {
	const bad = 'evil\u001B]0;pwned\u0007name';
	const target: Target = {id: 'x', name: bad, detail: '1.0M'};
	it.each<[string, ConfirmRequest]>([
		['image-remove', {action: 'image-remove', targets: [target], users: []}],
		['image-remove untag', {action: 'image-remove', targets: [{...target, reference: bad}], users: []}],
		['image-remove with stopped users', {action: 'image-remove', targets: [target], users: [user('job', 'exited')]}],
		['image-remove with running users', {action: 'image-remove', targets: [target], users: [user('web', 'running')]}],
		['network-remove', {action: 'network-remove', targets: [target]}],
		['volume-remove', {action: 'volume-remove', targets: [target], typeToConfirm: bad}],
		['network-prune', {action: 'network-prune', targets: [target]}],
		['volume-prune', {action: 'volume-prune', targets: [target], typeToConfirm: 'prune'}],
	])('%s: no control character in the title, the lines or the choices', (_name, request) => {
		const text = describeConfirm(request);
		expectClean(text.lines);
		expectClean(text.choices.map(c => c.label));
		expect(text.title).not.toMatch(controlChars);
	});
});
