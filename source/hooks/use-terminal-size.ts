import {useStdout} from 'ink';
import {useEffect} from 'react';
import {useServices} from '../contexts/app-context.js';

/** Puts the terminal size in the store and keeps it there on resize (Ink 6.8 has no useWindowSize). */
export function useTerminalSize(): void {
	const {stdout} = useStdout();
	const {store} = useServices();
	useEffect(() => {
		const update = () => {
			store.dispatch({type: 'viewport', columns: stdout.columns || 80, rows: stdout.rows || 24});
		};

		update();
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, store]);
}
