import type {ApiVersion, Prefetch} from '../docker/prefetch.js';
import {firstState, paintFirstFrame} from './first-frame.js';
import {installKeymap} from '../keys/keymap.js';
import type {Settings} from '../config/settings.js';
import type {Connection} from '../docker/connection.js';
import {mark} from '../core/trace.js';

/** How long start-up waits for the Engine's first answers before it loads Ink without them. */
const patience = 400;

/**
 * Draws the first frame from the prefetched answers if they come within `patience` ms; otherwise
 * (a slow or remote Engine, an error) leaves everything to Ink, which reports trouble its own way.
 * Until the returned function is called (when Ink is about to take over), a resize draws the frame
 * again at the new size: the terminal has cut or reflowed it (issue 12).
 */
export async function paintEarly(early: Prefetch, options: {readonly connection: Connection; readonly showAll: boolean; readonly readOnly: boolean; readonly settings: Settings}): Promise<() => void> {
	const {stdout, stdin} = process;
	let timer: ReturnType<typeof setTimeout> | number | undefined;
	// The version is drawn if it is there by then; run() waits for the list only, too (Podman).
	let version: ApiVersion | undefined;
	early.version.then(answer => {
		version = answer;
	}, () => undefined);
	const containers = await Promise.race([
		early.containers.catch(() => undefined),
		new Promise<undefined>(resolve => {
			timer = setTimeout(resolve, patience);
		}),
	]);
	clearTimeout(timer);
	// Too small a screen to be worth the risk of drawing what Ink would lay out otherwise; and only
	// the Containers pane is drawn here.
	const {settings} = options;
	if (!containers || stdout.columns < 20 || stdout.rows < 8 || (settings.pane && settings.pane !== 'containers')) {
		return () => {};
	}

	// Raw at once: a key typed before Ink is ready must wait in stdin, not be echoed over the frame.
	stdin.setRawMode(true);
	// The footer names the keys as remapped by the config file.
	if (settings.keymap) {
		installKeymap(settings.keymap);
	}

	const paint = () => {
		paintFirstFrame(stdout, firstState({...options, ...(version ? {version} : {}), containers, columns: stdout.columns, rows: stdout.rows}), settings.theme);
	};

	paint();
	mark('painted');
	stdout.on('resize', paint);
	return () => {
		stdout.off('resize', paint);
	};
}
