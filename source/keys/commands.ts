/**
 * Every command tsdtop answers to, and the scopes a key is looked up in. A command's keys, help text,
 * footer hint and whether it changes the Engine are in bindings.ts; what it does is its handler in
 * actions/ (actions/handlers.ts refuses to compile while a command has none).
 */
export type Scope =
	| 'global' | 'always' | 'list' | 'containers' | 'resources' | 'split' | 'logs' | 'logsearch' | 'detail' | 'detailsearch'
	| 'filter' | 'edit' | 'confirm' | 'confirmtype' | 'help' | 'page' | 'prompt' | 'output' | 'switcher' | 'switcherfilter'
	| 'projects'
	// Issue 16 items 3 and 4: pull and update.
	| 'images' | 'pullprompt'

	// Swarm (issue 17).
	| 'services' | 'nodes' | 'tasks' | 'replicas';

/** Moving through whatever has focus: the list's cursor, the logs, a view, a dialog, an overlay. */
export type ScrollCommand = 'scroll.up' | 'scroll.down' | 'scroll.pageUp' | 'scroll.pageDown' | 'scroll.top' | 'scroll.bottom';

/** Editing whichever input line is open: the filter, a search, the E prompt, a word to type. */
export type EditCommand = 'edit.left' | 'edit.right' | 'edit.home' | 'edit.end' | 'edit.backspace' | 'edit.deleteWord' | 'edit.clear';

export type Command =
	| ScrollCommand | EditCommand
	| 'pane.next' | 'pane.previous' | 'pane.containers' | 'pane.images' | 'pane.networks' | 'pane.volumes'
	// Issue 16 items 1 and 2: the Projects pane (key 5).
	| 'pane.projects' | 'project.open' | 'project.toggleRun' | 'project.restart' | 'project.remove' | 'project.logs' | 'project.mark'
	| 'filter.open' | 'filter.clear' | 'filter.apply' | 'filter.cancel' | 'marks.clear' | 'list.sort' | 'list.sortReverse'
	| 'help.toggle' | 'help.close' | 'quit' | 'suspend' | 'errors.show' | 'always.quit' | 'always.suspend'
	| 'container.toggleRun' | 'container.restart' | 'container.pause' | 'container.kill' | 'container.remove'
	| 'container.mark' | 'container.cleanup' | 'container.showAll'
	| 'container.exec' | 'container.run' | 'container.logs' | 'container.inspect' | 'container.top' | 'container.stats'
	| 'focus.toggle'
	| 'logs.follow' | 'logs.search' | 'logs.next' | 'logs.previous' | 'logs.filter' | 'logs.timestamps' | 'logs.wrap'
	| 'logs.save' | 'logs.clear' | 'logs.close' | 'logsearch.apply' | 'logsearch.cancel'
	| 'detail.close' | 'detail.search' | 'detail.next' | 'detail.previous' | 'detailsearch.apply' | 'detailsearch.cancel'
	| 'prompt.run' | 'prompt.cancel' | 'output.close' | 'page.close'
	| 'confirm.yes' | 'confirm.force' | 'confirm.volumes' | 'confirm.no' | 'confirm.allUnused' | 'confirmtype.apply' | 'confirmtype.cancel'
	| 'resource.mark' | 'resource.remove' | 'resource.cleanup' | 'resource.inspect'
	| 'switcher.open' | 'switcher.select' | 'switcher.filter' | 'switcher.filterCancel' | 'switcher.close'
	// Issue 16 items 3 and 4: pull and update.
	| 'image.pull' | 'pull.start' | 'pull.cancel' | 'container.update'

	// Swarm (issue 17): actions/swarm.ts.
	| 'pane.services' | 'pane.nodes'
	| 'service.tasks' | 'service.logs' | 'service.scale' | 'service.restart' | 'service.remove' | 'service.inspect'
	| 'node.drain' | 'node.inspect' | 'tasks.close' | 'replicas.apply' | 'replicas.cancel';

export type Binding = {
	readonly command: Command;
	/** Key names as keyName() produces them: 'up', 'k', 'K', 'ctrl+c', 'shift+tab', 'space'. */
	readonly keys: readonly string[];
	readonly scope: Scope;
	/** The help overlay's and readme's text for this key here. */
	readonly description: string;
	/** Short label for the footer; bindings without one stay out of it. */
	readonly hint?: string;
	/** Changes or removes something the person may not get back: confirms first. */
	readonly dangerous?: boolean;
	/** Changes anything on the Engine: hidden and refused with --read-only (dangerous ones are implied). */
	readonly changes?: boolean;
};

/** Scopes where printable keys are text being typed, so a command there needs a special key. */
export const textScopes: ReadonlySet<Scope> = new Set(['filter', 'logsearch', 'detailsearch', 'prompt', 'switcherfilter', 'confirmtype', 'edit', 'pullprompt', 'replicas']);

/** True for a binding --read-only hides and refuses: the one place that rule is written. */
export function changesEngineBinding(binding: Binding): boolean {
	return Boolean(binding.changes || binding.dangerous);
}
