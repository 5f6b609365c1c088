import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {throttle} from '../../../source/actions/throttle.js';

// The pull stream's messages come hundreds a second; the store gets at most one every 100 ms, the latest.
describe('throttle', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('sends the first value at once, then at most one per interval, always the latest', () => {
		const sent: number[] = [];
		const send = throttle((n: number) => sent.push(n), 100);
		for (let n = 1; n <= 1000; n++) {
			send(n);
			vi.advanceTimersByTime(1);
		}

		vi.advanceTimersByTime(100);
		// 1000 messages over a second: the first, about ten more, and the last one surely.
		expect(sent[0]).toBe(1);
		expect(sent.length).toBeLessThanOrEqual(11);
		expect(sent.length).toBeGreaterThanOrEqual(9);
		expect(sent.at(-1)).toBe(1000);
		expect([...sent].sort((a, b) => a - b)).toEqual(sent);
	});

	it('cancel drops what waits (nothing lands after the pull has ended), flush sends it now', () => {
		const sent: string[] = [];
		const send = throttle((s: string) => sent.push(s), 100);
		send('a');
		send('b');
		send.cancel();
		vi.advanceTimersByTime(500);
		expect(sent).toEqual(['a']);
		send('c');
		send('d');
		send.flush();
		// c went at once (the interval since a had passed), d waited and flush sent it.
		expect(sent).toEqual(['a', 'c', 'd']);
		vi.advanceTimersByTime(500);
		expect(sent.filter(s => s === 'd')).toHaveLength(1);
	});
});
