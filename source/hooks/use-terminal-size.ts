import {useStdout} from 'ink';
import {useEffect} from 'react';
import {useServices} from '../contexts/app-context.js';

/**
 * Puts the terminal size in the store and keeps it there on resize. Not Ink's useWindowSize: that
 * one updates after Ink has already drawn a frame at the new size with the old layout (a frame at 80
 * columns on a 160-column screen), and then a second one. Listening ahead of Ink's own resize
 * handler, the store holds the new size before Ink draws at all.
 */
export function useTerminalSize(): void {
	const stdout = useStdout().stdout as NodeJS.WriteStream;
	const {store} = useServices();
	useEffect(() => {
		const update = () => {
			store.dispatch({type: 'viewport', columns: stdout.columns || 80, rows: stdout.rows || 24});
		};

		update();
		stdout.prependListener('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, store]);
}
