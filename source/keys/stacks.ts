import type {PaneId} from '../core/types.js';
import type {Scope} from './commands.js';

/** Scopes searched, in order, for a key while a pane has focus and nothing is open over it. A new pane adds its row. */
export const paneStacks: Readonly<Record<PaneId, readonly Scope[]>> = {
	containers: ['containers', 'list', 'global'],
	images: ['images', 'resources', 'list', 'global'],
	networks: ['resources', 'list', 'global'],
	volumes: ['resources', 'list', 'global'],
	projects: ['projects', 'list', 'global'],
	// Swarm (issue 17).
	services: ['services', 'list', 'global'],
	nodes: ['nodes', 'list', 'global'],
};

/**
 * Every stack of scopes keys/scopes.ts activeScopes() can search (test/unit/registry.test.ts holds
 * it to that). A key bound in two scopes of one stack means the first hides the second, so remap.ts
 * refuses a remapped key that would do that.
 */
export const scopeStacks: ReadonlyArray<readonly Scope[]> = ([
	...Object.values(paneStacks),
	['split', ...paneStacks.containers], ['split', 'logs', 'global'], ['logs', 'global'], ['detail', 'global'],
	['prompt', 'edit'], ['output'], ['confirm'], ['confirmtype', 'edit'], ['help'], ['page'],
	['filter', 'edit'], ['logsearch', 'edit'], ['detailsearch', 'edit'], ['switcher'], ['switcherfilter', 'edit'],
	['pullprompt', 'edit'],
	// Swarm (issue 17): a service's tasks, the replica count typed after =.
	['tasks', 'global'], ['replicas', 'edit'],
] satisfies Array<readonly Scope[]>).map((stack): readonly Scope[] => [...stack, 'always']);
