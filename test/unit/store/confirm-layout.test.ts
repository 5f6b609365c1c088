import {describe, expect, it} from 'vitest';
import {confirmLayout} from '../../../source/render/confirm-layout.js';
import {describeConfirm} from '../../../source/render/confirm-text.js';
import type {Action} from '../../../source/store/actions.js';
import {reducer} from '../../../source/store/reducer.js';
import {type ConfirmRequest, initialState, type Target} from '../../../source/store/state.js';

// Issue 12 item 7: a confirmation at 80x24 with 19 targets showed "... and 4 more", so it did not list
// exactly what would go. Every confirmation now scrolls, and images add up their size.
const volumes = (n: number): Target[] => Array.from({length: n}, (_, i) => ({id: `vol-${i + 1}`, name: `vol-${i + 1}`, detail: '1.0M'}));
const images = (n: number): Target[] => Array.from({length: n}, (_, i) => ({id: `sha256:${i}`, name: `img-${i}:latest`, detail: '10M', bytes: 10 * 1024 * 1024}));

describe('confirmLayout', () => {
	it('shows every line, and no rows line, when they fit', () => {
		const layout = confirmLayout(describeConfirm({action: 'network-prune', targets: volumes(3)}), false, 19);
		expect(layout).toEqual({height: 7, rows: 3, scroll: 0});
	});

	it('scrolls what does not fit, says which rows show, and keeps the last page full', () => {
		const text = describeConfirm({action: 'network-prune', targets: volumes(19)});
		expect(confirmLayout(text, false, 19)).toMatchObject({height: 19, rows: 14, scroll: 0, info: 'rows 1-14 of 19'});
		expect(confirmLayout(text, false, 19, 100)).toMatchObject({rows: 14, scroll: 5, info: 'rows 6-19 of 19'});
		expect(confirmLayout(text, false, 19, -3)).toMatchObject({scroll: 0});
	});

	it('adds up the size of images (shared layers may free less), in every image clean-up', () => {
		for (const action of ['image-prune', 'image-prune-all'] as const) {
			expect(describeConfirm({action, targets: images(3)}).total).toBe('30M in all (shared layers free less)');
		}

		expect(describeConfirm({action: 'image-prune-all', targets: images(2), marked: true}).total).toBe('20M in all (shared layers free less)');
		expect(confirmLayout(describeConfirm({action: 'image-prune-all', targets: images(25)}), false, 19).info).toBe('rows 1-14 of 25; 250M in all (shared layers free less)');
	});
});

describe('confirm/scroll', () => {
	const open = (request: ConfirmRequest) => {
		const base = initialState({host: 'unix:///x', columns: 80, rows: 24});
		return reducer(base, {type: 'overlay/confirm', request});
	};

	const scroll = (state: ReturnType<typeof open>, ...actions: Action[]) => {
		const next = actions.reduce((s, a) => reducer(s, a), state);
		return next.ui.overlay?.kind === 'confirm' ? next.ui.overlay.scroll ?? 0 : -1;
	};

	it('moves by rows and pages, and stops at the last full page (a volume dialog too, where keys are typed)', () => {
		const state = open({action: 'volume-prune', targets: volumes(19), typeToConfirm: 'prune'});
		expect(scroll(state, {type: 'scroll', target: 'confirm', by: 1, unit: 'row'})).toBe(1);
		expect(scroll(state, {type: 'scroll', target: 'confirm', by: 1, unit: 'page'})).toBeGreaterThan(1);
		const last = scroll(state, {type: 'scroll', target: 'confirm', by: Number.MAX_SAFE_INTEGER, unit: 'row'});
		expect(last).toBeGreaterThan(0);
		expect(scroll(state, {type: 'scroll', target: 'confirm', by: Number.MAX_SAFE_INTEGER, unit: 'row'}, {type: 'scroll', target: 'confirm', by: -1, unit: 'row'})).toBe(last - 1);
		expect(scroll(state, {type: 'scroll', target: 'confirm', by: -1, unit: 'row'})).toBe(0);
	});
});
