import {describe, expect, it} from 'vitest';
import {describeConfirm} from '../../../source/render/confirm-text.js';
import type {Target} from '../../../source/store/state.js';

const target = (name: string, state: Target['state']): Target => ({id: `${name}-0123456789abcdef0123456789abcdef`, name, state});

const web = target('web', 'running');
const paused = target('cache', 'paused');
const old = target('old-job', 'exited');
const fresh = target('fresh', 'created');
const dead = target('zombie', 'dead');

function expectEveryTargetNamed(lines: readonly string[], targets: readonly Target[]) {
	expect(lines).toHaveLength(targets.length);
	for (const [i, t] of targets.entries()) {
		expect(lines[i]).toContain(t.name);
		expect(lines[i]).toContain(t.id.slice(0, 12));
		expect(lines[i]).toContain(t.state);
		// The short id only: a full 64-character id would not fit a dialog.
		expect(lines[i]).not.toContain(t.id);
	}
}

describe('describeConfirm', () => {
	it('kill: one choice, the SIGKILL warning, every target named', () => {
		const text = describeConfirm({action: 'kill', targets: [web, paused]});
		expect(text.title).toMatch(/^Kill 2 containers\?/);
		expect(text.title).toContain('SIGKILL');
		expectEveryTargetNamed(text.lines, [web, paused]);
		expect(text.choices).toEqual([{key: 'y', label: 'kill', targets: [web, paused], force: false}]);
	});

	it('kill of one container says "1 container"', () => {
		expect(describeConfirm({action: 'kill', targets: [web]}).title).toMatch(/^Kill 1 container\?/);
	});

	it('remove of stopped containers only: y removes them, no force, no note', () => {
		const targets = [old, fresh, dead];
		const text = describeConfirm({action: 'remove', targets});
		expect(text.title).toMatch(/^Remove 3 containers\?/);
		expectEveryTargetNamed(text.lines, targets);
		expect(text.choices).toEqual([{key: 'y', label: 'remove', targets, force: false}]);
		expect(text.note).toBeUndefined();
	});

	it('remove says what goes in the singular for one container, the plural for more', () => {
		expect(describeConfirm({action: 'remove', targets: [old]}).title).toBe('Remove 1 container? Its filesystem goes with it; volumes stay.');
		expect(describeConfirm({action: 'remove', targets: [old, dead]}).title).toBe('Remove 2 containers? Their filesystems go with them; volumes stay.');
	});

	it('remove of running containers only: force is the only choice', () => {
		const text = describeConfirm({action: 'remove', targets: [web, paused]});
		expect(text.choices.map(c => c.key)).toEqual(['f']);
		expect(text.choices[0]).toMatchObject({targets: [web, paused], force: true});
		expect(text.note).toBe('2 containers are running: only force removes them.');
	});

	it('remove of a mix: y offers only the stopped ones, f forces all', () => {
		const targets = [web, old, paused, fresh];
		const text = describeConfirm({action: 'remove', targets});
		expectEveryTargetNamed(text.lines, targets);
		const yes = text.choices.find(c => c.key === 'y');
		const force = text.choices.find(c => c.key === 'f');
		expect(yes).toEqual({key: 'y', label: 'remove the 2 stopped containers only', targets: [old, fresh], force: false});
		expect(force).toEqual({key: 'f', label: 'force: kill and remove all 4', targets, force: true});
		expect(text.note).toBe('2 containers are running: only force removes them.');
	});

	it('remove of one running and one stopped uses the singular', () => {
		const text = describeConfirm({action: 'remove', targets: [web, old]});
		expect(text.choices[0]!.label).toBe('remove the 1 stopped container only');
		expect(text.note).toBe('1 container is running: only force removes it.');
	});

	it('a restarting container counts as running for remove', () => {
		const restarting = target('flappy', 'restarting');
		const text = describeConfirm({action: 'remove', targets: [restarting]});
		expect(text.choices.map(c => c.key)).toEqual(['f']);
	});

	it('cleanup: lists every stopped container and removes them all with y', () => {
		const targets = [old, fresh, dead];
		const text = describeConfirm({action: 'cleanup', targets});
		expect(text.title).toBe('Clean up: remove all 3 stopped containers?');
		expectEveryTargetNamed(text.lines, targets);
		expect(text.choices).toEqual([{key: 'y', label: 'remove 3', targets, force: false}]);
	});

	it('sanitises names in the lines', () => {
		const evil: Target = {id: 'deadbeefcafe0123456789', name: 'x\u001B]0;pwned\u0007y\u001B[2J', state: 'exited'};
		const text = describeConfirm({action: 'remove', targets: [evil]});
		expect(text.lines[0]).toMatch(/^xy {2}\(exited, /);
		// eslint-disable-next-line no-control-regex
		expect(text.lines.join('')).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
	});
});
