import {describe, expect, it} from 'vitest';
import {type Column, fitToContent, layoutColumns, markSorted} from '../../../source/render/columns.js';
import {containerColumns} from '../../../source/render/container-row.js';
import {tableColumns} from '../../../source/render/list-table.js';

/** Screen columns used: widths plus one space between neighbours. */
function used(columns: ReadonlyArray<{readonly width: number}>): number {
	return columns.reduce((sum, c) => sum + c.width, 0) + Math.max(0, columns.length - 1);
}

const ids = (columns: ReadonlyArray<{readonly id: string}>) => columns.map(c => c.id);

/** Screen columns the minimum widths take, one space between neighbours. */
function needed(columns: ReadonlyArray<{readonly minWidth: number}>): number {
	return columns.reduce((sum, c) => sum + c.minWidth, 0) + Math.max(0, columns.length - 1);
}

const byId = (id: string) => containerColumns.find(c => c.id === id)!;
// The narrowest terminal in which the columns that never drop still fit.
const narrowest = needed(containerColumns.filter(c => c.priority === 0));

/** Checks the invariants of one layout of the containers table at `width`. */
function expectSound(width: number) {
	const laid = layoutColumns(containerColumns, width);
	const kept = ids(laid);
	const label = `width ${width}`;
	// Never wider than the terminal.
	expect(used(laid), label).toBeLessThanOrEqual(width);
	// Within each column's own limits; columns that do not grow stay at their minimum.
	for (const c of laid) {
		expect(c.width, `${c.id} @ ${width}`).toBeGreaterThanOrEqual(c.minWidth);
		expect(c.width, `${c.id} @ ${width}`).toBeLessThanOrEqual(c.maxWidth ?? Number.POSITIVE_INFINITY);
		if (c.grow === 0) {
			expect(c.width, `${c.id} @ ${width}`).toBe(c.minWidth);
		}
	}

	// Priority 0 never drops; screen order is the order given.
	for (const c of containerColumns.filter(c => c.priority === 0)) {
		expect(kept, label).toContain(c.id);
	}

	expect(kept, label).toEqual(containerColumns.map(c => c.id).filter(id => kept.includes(id)));
	// Nothing is dropped while a column with a higher priority number is still there.
	const dropped = containerColumns.filter(c => !kept.includes(c.id));
	for (const d of dropped) {
		expect(laid.every(c => c.priority <= d.priority), `${label}: ${d.id} dropped`).toBe(true);
	}

	// Only as many as needed are dropped: the next one to come back would not fit.
	if (dropped.length > 0) {
		const next = dropped.reduce((best, c) => (c.priority < best.priority ? c : best));
		expect(needed([...laid, next]), `${label}: ${next.id} could have stayed`).toBeGreaterThan(width);
	}

	// Spare width is used up while some column can still grow.
	const canGrow = laid.some(c => c.grow > 0 && c.width < (c.maxWidth ?? Number.POSITIVE_INFINITY));
	if (canGrow) {
		expect(used(laid), label).toBe(width);
	}

	return laid;
}

describe('layoutColumns with the containers table', () => {
	it('keeps every column at 200 columns and fills the width exactly', () => {
		const laid = expectSound(200);
		expect(ids(laid)).toEqual(containerColumns.map(c => c.id));
		expect(used(laid)).toBe(200);
		// Ports has no maxWidth, so at 200 the capped columns that grow reach their cap first.
		for (const c of laid.filter(c => c.grow > 0 && c.maxWidth !== undefined)) {
			expect(c.width, c.id).toBeLessThanOrEqual(c.maxWidth!);
		}

		expect(laid.find(c => c.id === 'ports')!.width).toBeGreaterThan(byId('ports').minWidth);
	});

	it('honours maxWidth at 300 columns: every capped column at its cap, the rest to ports', () => {
		const laid = expectSound(300);
		for (const c of laid.filter(c => c.grow > 0 && c.maxWidth !== undefined)) {
			expect(c.width, c.id).toBe(c.maxWidth);
		}

		expect(used(laid)).toBe(300);
	});

	it('fits 80 columns, dropping only what does not fit, highest priority number first', () => {
		const laid = expectSound(80);
		expect(used(laid)).toBe(80);
		expect(ids(laid)).toEqual(expect.arrayContaining(['name', 'state', 'status', 'cpu', 'memory']));
	});

	it('keeps name and state at 30 columns, the name wider than its minimum', () => {
		const laid = expectSound(30);
		expect(ids(laid).slice(0, 2)).toEqual(['name', 'state']);
		expect(laid.find(c => c.id === 'name')!.width).toBeGreaterThan(byId('name').minWidth);
		expect(used(laid)).toBe(30);
	});

	it('the columns that never drop fit a narrow terminal', () => {
		expect(narrowest).toBeLessThanOrEqual(30);
	});

	it('drops project first, then ports, then image, then the priority 1 columns, as it narrows', () => {
		const order: string[] = [];
		let previous: string[] = containerColumns.map(c => c.id);
		for (let width = 400; width >= narrowest; width--) {
			const kept = ids(layoutColumns(containerColumns, width));
			// Never comes back once dropped while narrowing.
			expect(kept.every(id => previous.includes(id)), `width ${width}`).toBe(true);
			order.push(...previous.filter(id => !kept.includes(id)));
			previous = kept;
		}

		expect(order.slice(0, 3)).toEqual(['project', 'ports', 'image']);
		expect(order.slice(3).sort()).toEqual(['cpu', 'memory', 'status']);
	});

	it('is sound at every width from the narrowest to 400', () => {
		for (let width = narrowest; width <= 400; width++) {
			expectSound(width);
		}
	});
});

describe('layoutColumns with hand-made columns', () => {
	const column = (id: string, extra: Partial<Column> = {}): Column => ({id, title: id.toUpperCase(), minWidth: 5, grow: 1, priority: 0, ...extra});

	it('shares spare width by grow', () => {
		const laid = layoutColumns([column('a', {grow: 1}), column('b', {grow: 3})], 5 + 1 + 5 + 8);
		expect(laid.map(c => c.width)).toEqual([7, 11]);
	});

	it('gives what a capped column cannot take to the others', () => {
		const laid = layoutColumns([column('a', {grow: 10, maxWidth: 6}), column('b', {grow: 1})], 40);
		expect(laid.map(c => c.width)).toEqual([6, 33]);
	});

	it('leaves the width unused when nothing can grow', () => {
		const laid = layoutColumns([column('a', {grow: 0}), column('b', {maxWidth: 7})], 40);
		expect(laid.map(c => c.width)).toEqual([5, 7]);
	});

	it('among equal priorities drops the rightmost first', () => {
		const laid = layoutColumns([column('a'), column('b', {priority: 1}), column('c', {priority: 1}), column('d', {priority: 1})], 5 + 1 + 5 + 1 + 5);
		expect(ids(laid)).toEqual(['a', 'b', 'c']);
	});

	it('returns no columns for no columns', () => {
		expect(layoutColumns([], 80)).toEqual([]);
	});
});

describe('the STATE column (issue 12: "restar~" at any width)', () => {
	const stateWidth = (width: number) => tableColumns(containerColumns, {name: 30, image: 20, ports: 0, project: 0, status: 20}, width).find(c => c.id === 'state')!.width;

	it.each([40, 80, 120, 200])('takes the whole of "restarting" at %i columns', width => {
		expect(stateWidth(width)).toBe('restarting'.length);
	});

	it('is cut only when the terminal is too narrow for it', () => {
		expect(stateWidth(24)).toBe(7);
		expect(stateWidth(28)).toBeGreaterThan(7);
	});
});

describe('markSorted', () => {
	const columns = [
		{id: 'name', title: 'NAME', minWidth: 16, grow: 3, priority: 0},
		{id: 'used', title: 'USED BY', minWidth: 7, grow: 0, priority: 1, align: 'right' as const},
	];

	// Issue 12 item 10: no column said which one the rows were sorted by, nor which way.
	it('marks the sorted column with ^ or v, ASCII, widened so the mark is never cut', () => {
		expect(markSorted(columns, {column: 'used', descending: true}).map(c => c.title)).toEqual(['NAME', 'USED BY v']);
		const [, used] = layoutColumns(fitToContent(markSorted(columns, {column: 'used', descending: false}), {name: 4, used: 1}), 40);
		expect(used!.title).toBe('USED BY ^');
		expect(used!.width).toBeGreaterThanOrEqual('USED BY ^'.length);
	});

	it('leaves the columns alone without a sort', () => {
		expect(markSorted(columns, undefined)).toEqual(columns);
	});
});
