import type {PaneId} from '../core/types.js';

/** The panes of Engine resources: Images, Networks and Volumes (not Containers, not Projects). */
export type ResourcePane = 'images' | 'networks' | 'volumes';

/** Whether a pane shows `docker system df` figures above it and follows resource events. */
export function isResourcePane(pane: PaneId): pane is ResourcePane {
	return pane === 'images' || pane === 'networks' || pane === 'volumes';
}
