import {describe, expect, it} from 'vitest';
import type {Target} from '../../../source/core/confirm.js';
import {describeConfirm} from '../../../source/render/confirm-text.js';
import {pullOutcomeText, recreateOutcomeText, stepStatusText} from '../../../source/render/update-status.js';

const sha = (char: string) => `sha256:${char.repeat(64)}`;
const plan = (name: string, changed: boolean): Target => ({
	id: `${name}-id`, name, state: 'running',
	update: {reference: `127.0.0.1:5000/shop/${name}:1`, oldImageId: sha('a'), newImageId: changed ? sha('b') : sha('a'), changed},
});

describe('U\'s confirmation', () => {
	it('names the container, its reference, and the old and new image id', () => {
		const text = describeConfirm({action: 'update', targets: [plan('web', true)]});
		expect(text.title).toBe('Update 1 container to its newer image?');
		expect(text.lines).toEqual(['web  127.0.0.1:5000/shop/web:1  (aaaaaaaaaaaa -> bbbbbbbbbbbb)']);
		expect(text.choices.map(c => [c.key, c.label, c.targets.map(t => t.name)])).toEqual([['y', 'update', ['web']]]);
		expect(text.note).toMatch(/volumes kept; a failed step puts the old one back/);
	});

	it('says when the image did not change and asks "recreate anyway?" (No stays the default)', () => {
		const text = describeConfirm({action: 'update', targets: [plan('web', false)]});
		expect(text.title).toBe('The image did not change: recreate anyway?');
		expect(text.lines).toEqual(['web  127.0.0.1:5000/shop/web:1  (aaaaaaaaaaaa, unchanged)']);
		expect(text.choices.map(c => [c.key, c.label])).toEqual([['y', 'recreate anyway']]);
	});

	it('marked containers: y updates the changed ones, f recreates the unchanged too; failed checks are named', () => {
		const text = describeConfirm({action: 'update', targets: [plan('web', true), plan('db', false), plan('api', true)], skipped: ['job: 127.0.0.1:5000/job:1: no such image or tag']});
		expect(text.title).toBe('Update 2 containers to their newer images? (1 unchanged)');
		expect(text.lines).toHaveLength(4);
		expect(text.lines[3]).toBe('not updated: job: 127.0.0.1:5000/job:1: no such image or tag');
		expect(text.choices.map(c => [c.key, c.targets.map(t => t.name)])).toEqual([['y', ['web', 'api']], ['f', ['web', 'db', 'api']]]);
	});

	it('fits 80 columns where it matters: the question and the choices are short', () => {
		for (const targets of [[plan('web', true)], [plan('web', false)], [plan('a', false), plan('b', false)]]) {
			const text = describeConfirm({action: 'update', targets});
			// The dialog has 80 - 4 columns inside its border.
			expect(text.title.length).toBeLessThanOrEqual(76);
			expect(text.note!.length).toBeLessThanOrEqual(76);
		}
	});

	it('strips escape sequences from names', () => {
		const text = describeConfirm({action: 'update', targets: [{...plan('web', true), name: 'web\u001B[2J'}]});
		expect(text.lines[0]).not.toContain('\u001B');
	});
});

describe('U\'s and P\'s status lines', () => {
	it('each recreate step, and a failed one with the Engine\'s line', () => {
		expect(stepStatusText('web', {step: 'stop-old', ok: true, detail: 'web'})).toBe('updating web: stopped the old one');
		expect(stepStatusText('web', {step: 'start-new', ok: false, detail: 'exec: "/bin/app": not found'}, {index: 0, of: 2})).toBe('updating web (1 of 2): start-new failed: exec: "/bin/app": not found');
		expect(stepStatusText('web', {step: 'rollback-start-old', ok: true})).toBe('updating web: rolling back: started the old one again');
	});

	it('a line per container: updated old -> new, or rolled back with the error', () => {
		const ids = {oldImageId: sha('a'), newImageId: sha('b')};
		expect(recreateOutcomeText({ok: true, name: 'web'}, ids)).toBe('updated web (aaaaaaaaaaaa -> bbbbbbbbbbbb)');
		expect(recreateOutcomeText({ok: true, name: 'web'}, {oldImageId: sha('a'), newImageId: sha('a')})).toBe('updated web (same image, recreated)');
		expect(recreateOutcomeText({ok: false, name: 'web', error: 'start-new web failed: no such file', rolledBack: true}, ids))
			.toBe('web not updated (rolled back, the old one is back): start-new web failed: no such file');
		expect(recreateOutcomeText({ok: false, name: 'web', error: 'x', rolledBack: false})).toMatch(/rollback incomplete/);
	});

	it('a pull ends in one line: up to date, pulled old -> new, or the error', () => {
		expect(pullOutcomeText({kind: 'up-to-date', reference: 'busybox:1', imageId: sha('a')})).toBe('busybox:1 is up to date (aaaaaaaaaaaa)');
		expect(pullOutcomeText({kind: 'pulled', reference: 'busybox:1', oldId: sha('a'), newId: sha('b')})).toBe('pulled busybox:1 (aaaaaaaaaaaa -> bbbbbbbbbbbb)');
		expect(pullOutcomeText({kind: 'pulled', reference: 'busybox:1', newId: sha('b')})).toBe('pulled busybox:1 (new -> bbbbbbbbbbbb)');
		expect(pullOutcomeText({kind: 'error', reference: 'x:1', message: 'x:1: no such image or tag on docker.io'})).toBe('x:1: no such image or tag on docker.io');
	});
});
