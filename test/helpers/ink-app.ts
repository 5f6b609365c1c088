import {stripVTControlCharacters} from 'node:util';
import type {render} from 'ink-testing-library';

type App = ReturnType<typeof render>;

/** The last frame as text, styles stripped. */
export const plain = (app: App): string => stripVTControlCharacters(app.lastFrame() ?? '');

/**
 * A pause for Ink to read stdin and React to commit: ink-testing-library gives no signal when a key
 * has been handled, so component tests let the event loop turn (the end-to-end tests wait for the
 * screen instead).
 */
export const tick = async (ms = 30) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/** Types keys one at a time, each given its tick. */
export async function press(app: App, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		app.stdin.write(key);
		// eslint-disable-next-line no-await-in-loop
		await tick();
	}
}
