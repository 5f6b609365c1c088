import type {Binding} from './commands.js';

/** The table as shipped: readme.md lists these keys. */
export const defaultKeymap: readonly Binding[] = [
	{command: 'scroll.up', keys: ['up', 'k'], scope: 'list', description: 'move up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'list', description: 'move down', hint: 'move'},
	{command: 'scroll.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'list', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'list', description: 'page down'},
	{command: 'scroll.top', keys: ['g', 'home'], scope: 'list', description: 'first row'},
	{command: 'scroll.bottom', keys: ['G', 'end'], scope: 'list', description: 'last row'},
	{command: 'filter.open', keys: ['/'], scope: 'list', description: 'filter by name, image or status', hint: 'filter'},
	// Issue 12 item 9: marks stay when the filter goes, so they can be gathered across filters.
	{command: 'filter.clear', keys: ['escape'], scope: 'list', description: 'clear the filter (marks stay)'},
	// Issue 12 item 9. With it (and the 5 of issue 16) the Containers help is taller than a 40-row
	// terminal shows: the last row, quit, is a page down away there; the footer names q anyway.
	{command: 'marks.clear', keys: ['u'], scope: 'list', description: 'unmark all (the footer counts the marks, hidden ones too)'},
	{command: 'list.sort', keys: ['o'], scope: 'list', description: 'sort by the next column (the title shows ^ or v); after the last, the default order', hint: 'sort'},
	{command: 'list.sortReverse', keys: ['O'], scope: 'list', description: 'reverse the sort'},
	// Issue 6. Not global: c clears the log pane, and one row here keeps the Containers help on one
	// page at 40 rows. The log pane and the detail views get : of their own below.
	{command: 'switcher.open', keys: [':', 'c'], scope: 'list', description: 'switch Engine: docker contexts, --host history, local socket'},

	{command: 'container.toggleRun', keys: ['s'], scope: 'containers', description: 'stop the running ones (the stopped are left), or start them when none runs', hint: 'stop/start', changes: true},
	{command: 'container.restart', keys: ['r'], scope: 'containers', description: 'restart', hint: 'restart', changes: true},
	{command: 'container.pause', keys: ['p'], scope: 'containers', description: 'pause / unpause', changes: true},
	{command: 'container.kill', keys: ['K'], scope: 'containers', description: 'kill (asks first)', dangerous: true},
	{command: 'container.remove', keys: ['D'], scope: 'containers', description: 'remove (asks first; running ones get a force option, anonymous volumes a v)', hint: 'remove', dangerous: true},
	{command: 'container.mark', keys: ['space'], scope: 'containers', description: 'mark or unmark; stop, start, restart, pause, kill and remove act on all marked', hint: 'mark'},
	{command: 'container.cleanup', keys: ['C'], scope: 'containers', description: 'clean up stopped containers, listed first (only filtered ones)', hint: 'clean up', dangerous: true},
	{command: 'container.showAll', keys: ['a'], scope: 'containers', description: 'show or hide stopped containers', hint: 'all'},
	{command: 'container.exec', keys: ['e'], scope: 'containers', description: 'a shell (exit or Ctrl+D returns)', hint: 'shell', changes: true},
	{command: 'container.run', keys: ['E'], scope: 'containers', description: 'run a command', changes: true},
	{command: 'container.logs', keys: ['l', 'return'], scope: 'containers', description: 'logs (beside the list at 120+ columns); marked: all merged', hint: 'logs'},
	{command: 'container.inspect', keys: ['i'], scope: 'containers', description: 'inspect: key facts, then the full JSON', hint: 'inspect'},
	{command: 'container.top', keys: ['t'], scope: 'containers', description: 'top: the processes, refreshed every 2 s'},
	{command: 'container.stats', keys: ['S'], scope: 'containers', description: 'stats: CPU, memory, network, block I/O, PIDs with sparklines'},

	// Issue 16 items 1 and 2: the Projects pane. s, r and D name every container in their confirmation.
	{command: 'project.mark', keys: ['space'], scope: 'projects', description: 'mark or unmark; stop, start, restart, remove and logs act on all marked', hint: 'mark'},
	{command: 'project.open', keys: ['return'], scope: 'projects', description: 'its containers: the Containers pane narrowed to the project (Esc comes back)', hint: 'containers'},
	{command: 'project.logs', keys: ['l'], scope: 'projects', description: 'the logs of all its containers, merged in time order, each line prefixed with its container', hint: 'logs'},
	{command: 'project.toggleRun', keys: ['s'], scope: 'projects', description: 'stop its running containers, or start them all when none runs (asks first)', hint: 'stop/start', dangerous: true},
	{command: 'project.restart', keys: ['r'], scope: 'projects', description: 'restart all its containers (asks first)', hint: 'restart', dangerous: true},
	{command: 'project.remove', keys: ['D'], scope: 'projects', description: 'remove all its containers, running ones too; volumes stay (asks first)', hint: 'remove', dangerous: true},

	{command: 'focus.toggle', keys: ['tab'], scope: 'split', description: 'move the keys between the list and the logs beside it'},

	{command: 'scroll.up', keys: ['up', 'k'], scope: 'logs', description: 'scroll up (pauses follow)'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'logs', description: 'scroll down'},
	{command: 'scroll.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'logs', description: 'page up (pauses follow)'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'logs', description: 'page down'},
	{command: 'scroll.top', keys: ['g', 'home'], scope: 'logs', description: 'oldest line kept (pauses follow)'},
	{command: 'scroll.bottom', keys: ['G', 'end'], scope: 'logs', description: 'newest line, and follow again'},
	{command: 'logs.follow', keys: ['f'], scope: 'logs', description: 'follow again', hint: 'follow'},
	{command: 'logs.search', keys: ['/'], scope: 'logs', description: 'search: text, or /regex/', hint: 'search'},
	{command: 'logs.next', keys: ['n'], scope: 'logs', description: 'next match'},
	{command: 'logs.previous', keys: ['N'], scope: 'logs', description: 'previous match'},
	{command: 'logs.filter', keys: ['F'], scope: 'logs', description: 'filter: only lines matching text or /regex/ (empty shows all)', hint: 'filter'},
	{command: 'logs.timestamps', keys: ['t'], scope: 'logs', description: 'timestamps on / off', hint: 'time'},
	{command: 'logs.wrap', keys: ['w'], scope: 'logs', description: 'wrap long lines on / off (cut with ~ when off)', hint: 'wrap'},
	{command: 'logs.save', keys: ['ctrl+s'], scope: 'logs', description: 'save the buffer to a file in the current directory', hint: 'save'},
	{command: 'logs.clear', keys: ['c'], scope: 'logs', description: 'clear the pane'},
	{command: 'logs.close', keys: ['escape'], scope: 'logs', description: 'clear the search and filter; with none, close the logs', hint: 'back'},
	{command: 'switcher.open', keys: [':'], scope: 'logs', description: 'switch Engine'},

	{command: 'logsearch.apply', keys: ['return'], scope: 'logsearch', description: 'search or filter for what was typed', hint: 'apply'},
	{command: 'logsearch.cancel', keys: ['escape'], scope: 'logsearch', description: 'cancel', hint: 'cancel'},

	{command: 'detailsearch.apply', keys: ['return'], scope: 'detailsearch', description: 'search for what was typed', hint: 'search'},
	{command: 'detailsearch.cancel', keys: ['escape'], scope: 'detailsearch', description: 'cancel', hint: 'cancel'},

	{command: 'scroll.up', keys: ['up', 'k'], scope: 'detail', description: 'scroll up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'detail', description: 'scroll down', hint: 'scroll'},
	{command: 'scroll.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'detail', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'detail', description: 'page down'},
	// Issue 12 item 12: the same moves and search as an inspect page of an image, network or volume.
	{command: 'scroll.top', keys: ['g', 'home'], scope: 'detail', description: 'top'},
	{command: 'scroll.bottom', keys: ['G', 'end'], scope: 'detail', description: 'bottom'},
	{command: 'detail.search', keys: ['/'], scope: 'detail', description: 'search the text', hint: 'search'},
	{command: 'detail.next', keys: ['n'], scope: 'detail', description: 'next match'},
	{command: 'detail.previous', keys: ['N'], scope: 'detail', description: 'previous match'},
	{command: 'detail.close', keys: ['escape'], scope: 'detail', description: 'clear the search; with none, back to where you were', hint: 'back'},
	{command: 'switcher.open', keys: [':'], scope: 'detail', description: 'switch Engine'},

	{command: 'resource.mark', keys: ['space'], scope: 'resources', description: 'mark or unmark (clean-up and remove name what they take)', hint: 'mark'},
	{command: 'resource.remove', keys: ['D'], scope: 'resources', description: 'remove (asks first; a volume needs its name typed)', hint: 'remove', dangerous: true},
	{command: 'resource.cleanup', keys: ['C'], scope: 'resources', description: 'clean up: remove what is unused, listed first (images: u for all)', hint: 'clean up', dangerous: true},
	{command: 'resource.inspect', keys: ['i', 'return'], scope: 'resources', description: 'inspect: image layers, network members, volume details', hint: 'inspect'},

	// Swarm (issue 17): the Services and Nodes panes, a service's tasks, the replica count.
	{command: 'service.tasks', keys: ['return'], scope: 'services', description: 'its tasks: slot, node, states, error (failed ones stay)', hint: 'tasks'},
	{command: 'service.logs', keys: ['l'], scope: 'services', description: 'the logs of all its tasks, merged, each line after its task', hint: 'logs'},
	{command: 'service.scale', keys: ['='], scope: 'services', description: 'scale: type the replica count', hint: 'scale', changes: true},
	{command: 'service.restart', keys: ['r'], scope: 'services', description: 'rolling restart: every task replaced (asks first)', hint: 'restart', dangerous: true},
	{command: 'service.remove', keys: ['D'], scope: 'services', description: 'remove the service and its tasks (asks first)', hint: 'remove', dangerous: true},
	{command: 'service.inspect', keys: ['i'], scope: 'services', description: 'inspect: the service as the Engine has it', hint: 'inspect'},
	{command: 'node.drain', keys: ['d'], scope: 'nodes', description: 'drain (its tasks move elsewhere) or make active again (asks first)', hint: 'drain/active', dangerous: true},
	{command: 'node.inspect', keys: ['i', 'return'], scope: 'nodes', description: 'inspect: the node as the Engine has it', hint: 'inspect'},
	{command: 'scroll.up', keys: ['up', 'k'], scope: 'tasks', description: 'scroll up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'tasks', description: 'scroll down', hint: 'scroll'},
	{command: 'scroll.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'tasks', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'tasks', description: 'page down'},
	{command: 'scroll.top', keys: ['g', 'home'], scope: 'tasks', description: 'first task'},
	{command: 'scroll.bottom', keys: ['G', 'end'], scope: 'tasks', description: 'last task'},
	{command: 'service.logs', keys: ['l'], scope: 'tasks', description: 'the logs of all its tasks, merged', hint: 'logs'},
	{command: 'tasks.close', keys: ['escape', 'q'], scope: 'tasks', description: 'back to the services', hint: 'back'},
	{command: 'replicas.apply', keys: ['return'], scope: 'replicas', description: 'scale to the count typed', hint: 'scale'},
	{command: 'replicas.cancel', keys: ['escape'], scope: 'replicas', description: 'cancel', hint: 'cancel'},

	{command: 'pane.next', keys: ['tab'], scope: 'global', description: 'next pane'},
	{command: 'pane.previous', keys: ['shift+tab'], scope: 'global', description: 'previous pane'},
	{command: 'pane.containers', keys: ['1'], scope: 'global', description: 'Containers pane'},
	{command: 'pane.images', keys: ['2'], scope: 'global', description: 'Images pane'},
	{command: 'pane.networks', keys: ['3'], scope: 'global', description: 'Networks pane'},
	{command: 'pane.volumes', keys: ['4'], scope: 'global', description: 'Volumes pane'},
	{command: 'pane.projects', keys: ['5'], scope: 'global', description: 'Projects pane (compose projects)'},
	{command: 'help.toggle', keys: ['?'], scope: 'global', description: 'help: every key of this pane', hint: 'help'},
	{command: 'errors.show', keys: ['!'], scope: 'global', description: 'the last 50 errors, with their times'},
	{command: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', description: 'quit', hint: 'quit'},
	{command: 'suspend', keys: ['ctrl+z'], scope: 'global', description: 'suspend to the shell, as a job (fg comes back)'},
	// Swarm (issue 17): only while the Engine is a swarm manager; elsewhere these keys do nothing.
	// Last in the help, so the Containers help keeps quit one j away at 40 rows (test/e2e/terminal.test.ts).
	{command: 'pane.services', keys: ['6'], scope: 'global', description: 'Services pane (swarm manager only)'},
	{command: 'pane.nodes', keys: ['7'], scope: 'global', description: 'Nodes pane (swarm manager only)'},

	// A terminal in raw mode sends no SIGINT or SIGTSTP: these two work whatever is open, even while typing.
	{command: 'always.quit', keys: ['ctrl+c'], scope: 'always', description: 'quit, whatever is open (a prompt or a dialog takes it as cancel)'},
	{command: 'always.suspend', keys: ['ctrl+z'], scope: 'always', description: 'suspend to the shell, whatever is open'},

	{command: 'edit.left', keys: ['left'], scope: 'edit', description: 'cursor left'},
	{command: 'edit.right', keys: ['right'], scope: 'edit', description: 'cursor right'},
	{command: 'edit.home', keys: ['home', 'ctrl+a'], scope: 'edit', description: 'start of the line'},
	{command: 'edit.end', keys: ['end', 'ctrl+e'], scope: 'edit', description: 'end of the line'},
	{command: 'edit.backspace', keys: ['backspace'], scope: 'edit', description: 'delete the character before the cursor'},
	{command: 'edit.deleteWord', keys: ['ctrl+w'], scope: 'edit', description: 'delete the word before the cursor'},
	{command: 'edit.clear', keys: ['ctrl+u'], scope: 'edit', description: 'clear the line'},

	{command: 'filter.apply', keys: ['return', 'down', 'up'], scope: 'filter', description: 'keep the filter and go back to the list', hint: 'keep'},
	{command: 'filter.cancel', keys: ['escape'], scope: 'filter', description: 'clear the filter', hint: 'clear'},

	{command: 'confirm.yes', keys: ['y', 'Y'], scope: 'confirm', description: 'yes, do it', hint: 'yes'},
	{command: 'confirm.force', keys: ['f'], scope: 'confirm', description: 'force (when offered)', hint: 'force'},
	{command: 'confirm.no', keys: ['n', 'N', 'escape', 'return', 'q'], scope: 'confirm', description: 'no (the default)', hint: 'no'},

	{command: 'confirm.volumes', keys: ['v'], scope: 'confirm', description: 'containers: remove their anonymous volumes too (when they have any)', hint: '+volumes'},
	{command: 'confirm.allUnused', keys: ['u'], scope: 'confirm', description: 'images: list every unused image instead of the dangling ones', hint: 'all unused'},
	// Issue 12 item 7: a long list scrolls in the dialog, so every target can be read before yes.
	{command: 'scroll.up', keys: ['up', 'k'], scope: 'confirm', description: 'scroll the list up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'confirm', description: 'scroll the list down', hint: 'scroll'},
	{command: 'scroll.pageUp', keys: ['pageup'], scope: 'confirm', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown'], scope: 'confirm', description: 'page down'},
	{command: 'scroll.top', keys: ['home', 'g'], scope: 'confirm', description: 'first rows'},
	{command: 'scroll.bottom', keys: ['end', 'G'], scope: 'confirm', description: 'last rows'},

	// Issue 12: a volume's remove wants its name typed; until Enter or Esc every printable key is text.
	{command: 'confirmtype.apply', keys: ['return'], scope: 'confirmtype', description: 'remove, when the name typed is right', hint: 'remove'},
	{command: 'confirmtype.cancel', keys: ['escape', 'ctrl+c'], scope: 'confirmtype', description: 'cancel', hint: 'cancel'},
	{command: 'scroll.up', keys: ['up'], scope: 'confirmtype', description: 'scroll the list up'},
	{command: 'scroll.down', keys: ['down'], scope: 'confirmtype', description: 'scroll the list down'},
	{command: 'scroll.pageUp', keys: ['pageup'], scope: 'confirmtype', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown'], scope: 'confirmtype', description: 'page down'},

	{command: 'help.close', keys: ['escape', '?', 'q', 'return'], scope: 'help', description: 'close help'},
	{command: 'scroll.up', keys: ['up', 'k'], scope: 'help', description: 'scroll up, when the keys do not fit'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'help', description: 'scroll down, when the keys do not fit'},
	{command: 'scroll.pageUp', keys: ['pageup'], scope: 'help', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'space'], scope: 'help', description: 'page down'},

	{command: 'scroll.up', keys: ['up', 'k'], scope: 'page', description: 'scroll up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'page', description: 'scroll down', hint: 'scroll'},
	{command: 'scroll.pageUp', keys: ['pageup'], scope: 'page', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'space'], scope: 'page', description: 'page down'},
	{command: 'scroll.top', keys: ['g', 'home'], scope: 'page', description: 'top'},
	{command: 'scroll.bottom', keys: ['G', 'end'], scope: 'page', description: 'bottom'},
	{command: 'page.close', keys: ['escape', 'q', 'i'], scope: 'page', description: 'close', hint: 'close'},
	{command: 'prompt.run', keys: ['return'], scope: 'prompt', description: 'run the command in the container', hint: 'run'},
	{command: 'prompt.cancel', keys: ['escape', 'ctrl+c'], scope: 'prompt', description: 'cancel', hint: 'cancel'},

	{command: 'scroll.up', keys: ['up', 'k'], scope: 'output', description: 'scroll up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'output', description: 'scroll down', hint: 'scroll'},
	{command: 'scroll.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'output', description: 'page up'},
	{command: 'scroll.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], scope: 'output', description: 'page down'},
	{command: 'scroll.top', keys: ['g', 'home'], scope: 'output', description: 'first line'},
	{command: 'scroll.bottom', keys: ['G', 'end'], scope: 'output', description: 'last line, following new output'},
	{command: 'container.run', keys: ['E'], scope: 'output', description: 'run another command in the same container', hint: 'run another'},
	{command: 'output.close', keys: ['escape', 'q', 'return'], scope: 'output', description: 'close the output', hint: 'close'},

	{command: 'scroll.up', keys: ['up', 'k'], scope: 'switcher', description: 'move up'},
	{command: 'scroll.down', keys: ['down', 'j'], scope: 'switcher', description: 'move down', hint: 'move'},
	{command: 'switcher.select', keys: ['return'], scope: 'switcher', description: 'use this Engine: reconnect and reload every pane', hint: 'use'},
	{command: 'switcher.filter', keys: ['/'], scope: 'switcher', description: 'filter by name or endpoint', hint: 'filter'},
	{command: 'switcher.close', keys: ['escape', 'q'], scope: 'switcher', description: 'close, keep the Engine in use', hint: 'close'},
	{command: 'scroll.up', keys: ['up'], scope: 'switcherfilter', description: 'move up'},
	{command: 'scroll.down', keys: ['down'], scope: 'switcherfilter', description: 'move down'},
	{command: 'switcher.select', keys: ['return'], scope: 'switcherfilter', description: 'use the selected Engine', hint: 'use'},
	{command: 'switcher.filterCancel', keys: ['escape'], scope: 'switcherfilter', description: 'clear the filter', hint: 'clear'},

	// Issue 16 items 3 and 4: pull an image (P) and update a container on its newer image (U).
	{command: 'image.pull', keys: ['P'], scope: 'images', description: 'pull: type a reference (the selected tag), progress per layer', hint: 'pull', changes: true},
	{command: 'container.update', keys: ['U'], scope: 'containers', description: 'update: pull its image, recreate on the new one (asks first)', dangerous: true},
	{command: 'pull.start', keys: ['return'], scope: 'pullprompt', description: 'pull the reference typed', hint: 'pull'},
	{command: 'pull.cancel', keys: ['escape', 'ctrl+c'], scope: 'pullprompt', description: 'cancel', hint: 'cancel'},
];
