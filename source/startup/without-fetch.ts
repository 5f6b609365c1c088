/**
 * Runs `load` with no global fetch. yoga-layout, which Ink loads (and awaits) at import, fetches its
 * WebAssembly from a data: URL whenever `typeof fetch` is "function". On Node 20 that first access
 * loads undici, and undici then decodes the 100 kB URL: about 120 ms of start-up on this project's
 * machine, against a few ms for the same bytes decoded without fetch. Nothing tsdtop loads uses
 * fetch; the lazy global is put back as it was.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (descriptor === undefined || !descriptor.configurable) {
		return load();
	}

	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
