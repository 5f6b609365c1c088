import {useWindowSize} from 'ink';
import {useEffect} from 'react';
import {useServices} from '../contexts/app-context.js';

/** Puts the terminal size, as Ink's useWindowSize follows it, in the store (the selectors lay out from there). */
export function useTerminalSize(): void {
	const {columns, rows} = useWindowSize();
	const {store} = useServices();
	useEffect(() => {
		store.dispatch({type: 'viewport', columns, rows});
	}, [columns, rows, store]);
}
