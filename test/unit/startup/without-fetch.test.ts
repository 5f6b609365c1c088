import {describe, expect, it} from 'vitest';
import {withoutFetch} from '../../../source/startup/without-fetch.js';

describe('withoutFetch', () => {
	it('hides the global fetch while the UI code loads (yoga-layout would fetch its WebAssembly through undici) and puts it back', async () => {
		const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
		const seen = await withoutFetch(async () => typeof globalThis.fetch);
		expect(seen).toBe('undefined');
		expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
		expect(typeof globalThis.fetch).toBe('function');
	});

	it('puts it back when loading fails', async () => {
		await expect(withoutFetch(async () => {
			throw new Error('no such chunk');
		})).rejects.toThrow('no such chunk');
		expect(typeof globalThis.fetch).toBe('function');
	});
});
