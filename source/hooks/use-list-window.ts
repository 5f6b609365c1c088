import {windowTop} from '../store/list-selectors.js';
import {tableHeight} from '../store/selectors.js';
import {useAppState} from './use-app-state.js';

/**
 * The focused list's window on screen: how many rows, from which, which is selected and marked.
 * `shorter` (under a dialog) cuts the height and keeps the selected row in view.
 */
export function useListWindow(shorter?: number) {
	const fullHeight = useAppState(tableHeight);
	const height = Math.min(fullHeight, shorter ?? fullHeight);
	const cursor = useAppState(s => s.ui.cursor);
	const scrollTop = windowTop(useAppState(s => s.ui.scrollTop), cursor, height);
	const selectedId = useAppState(s => s.ui.selectedId);
	const marks = useAppState(s => s.ui.marks);
	const filtered = useAppState(s => s.ui.filter.text !== '');
	return {height, scrollTop, selectedId, marks, filtered};
}
