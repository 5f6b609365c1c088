// The layers of source/, lowest first. A folder imports only from folders below it (type imports
// count: a type that two layers share lives in the lower one), so no cycle can form between folders.
//   core                      domain types and pure helpers every layer may use
//   docker, render, terminal  the Engine API; text from data; the terminal's bytes (siblings, apart)
//   store                     state as plain data, pure updates, watchers that feed it
//   keys                      the command registry and key map
//   config                    the config file, checked against keys, columns and themes
//   actions                   command handlers: Engine calls and store updates
//   contexts, hooks           React glue: what the tree is given, and the hooks that read it
//   components, panes         what is drawn (components get props; panes pick state for them)
//   startup                   the command line, the first frame, wiring everything
const layers = [
	['core'],
	['docker', 'render', 'terminal'],
	['store'],
	['keys'],
	['config'],
	['actions'],
	['contexts'],
	['hooks'],
	['components'],
	['panes'],
	['startup'],
];

const rank = new Map(layers.flatMap((folders, index) => folders.map(folder => [folder, index])));
const above = index => layers.slice(index + 1).flat();
const siblings = folder => layers[rank.get(folder)].filter(other => other !== folder);

const upward = [...rank.keys()].flatMap(folder => {
	const forbidden = [...above(rank.get(folder)), ...siblings(folder)];
	return forbidden.length === 0 ? [] : [{
		name: `${folder}-imports-below`,
		comment: `source/${folder}/ may import only from the layers below it (${forbidden.join(', ')} are not)`,
		severity: 'error',
		from: {path: `^source/${folder}/`},
		to: {path: `^source/(${forbidden.join('|')})/`},
	}];
});

module.exports = {
	forbidden: [
		...upward,
		{
			name: 'no-circular',
			comment: 'No module imports itself through others (type imports included)',
			severity: 'error',
			from: {},
			to: {circular: true},
		},
		{
			name: 'components-receive-props',
			comment: 'A component draws its props: the store and the services are read by panes (hooks and contexts)',
			severity: 'error',
			from: {path: '^source/components/'},
			to: {path: '^source/(hooks|contexts)/'},
		},
		{
			name: 'no-loose-files',
			comment: 'source/ holds folders and the one entry, bin.ts',
			severity: 'error',
			from: {path: '^source/[^/]+$', pathNot: '^source/bin\\.ts$'},
			to: {},
		},
		{
			name: 'engine-and-render-without-react',
			comment: 'The Engine layer and the text layer know nothing of React or Ink',
			severity: 'error',
			from: {path: '^source/(core|docker|render|store)/'},
			to: {path: '^node_modules/(react|ink|ink-[a-z-]+)/'},
		},
		{
			name: 'only-docker-talks-to-the-engine',
			comment: 'dockerode is reached through source/docker/ alone',
			severity: 'error',
			from: {path: '^source/', pathNot: '^source/docker/'},
			to: {path: '^node_modules/(dockerode|docker-modem)/', dependencyTypesNot: ['type-only']},
		},
		{
			name: 'not-to-unresolvable',
			severity: 'error',
			from: {},
			to: {couldNotResolve: true},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		exclude: {path: '^(dist|release|node_modules)/'},
		enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default']},
	},
};
