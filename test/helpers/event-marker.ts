import {createTestContainer} from './test-containers.js';

/**
 * Waits until an events subscription is live, instead of sleeping and hoping: makes a marker (by
 * default a stopped, labelled container named under `prefix`, so the file's cleanup removes it) and
 * waits for `seen(id)` to report its event. A marker made before the subscription reached the Engine
 * is never reported, so after a short wait for it another is made. Returns the markers' ids.
 */
export async function untilSubscribed(prefix: string, seen: (id: string) => boolean, make: (name: string) => Promise<string> = async name => (await createTestContainer(name, {start: false})).id, attempts = 50): Promise<string[]> {
	const ids: string[] = [];
	for (let attempt = 0; attempt < attempts; attempt++) {
		// eslint-disable-next-line no-await-in-loop
		const id = await make(`${prefix}-marker-${attempt}`);
		ids.push(id);
		const deadline = Date.now() + 500;
		while (Date.now() < deadline) {
			if (seen(id)) {
				return ids;
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 10);
			});
		}
	}

	throw new Error(`no marker event seen after ${attempts} markers: the events subscription never became live`);
}
