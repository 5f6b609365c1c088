// Bundles tsdtop into one file, dist/tsdtop.js: one file parses and starts far faster than hundreds
// of modules (STACK.md: 0.7-1.0 s bundled against 1.2-1.5 s from tsc output), and React runs its
// production build. Native optional modules stay external.
import {build} from 'esbuild';

// Ink imports react-devtools-core only when DEV=true; it is not installed, and a bundle cannot leave the import dangling.
const stubDevtools = {
	name: 'stub-react-devtools-core',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};', loader: 'js'}));
	},
};

const started = Date.now();
await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/tsdtop.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	define: {'process.env.NODE_ENV': '"production"'},
	// ssh2 (and its native cpu-features) only matter for ssh:// Engines.
	external: ['ssh2', 'cpu-features'],
	plugins: [stubDevtools],
	banner: {js: "import {createRequire as __tsdtopRequire} from 'node:module';const require=__tsdtopRequire(import.meta.url);"},
	logLevel: 'warning',
});
console.log(`built dist/tsdtop.js in ${Date.now() - started} ms`);
