// Bundles tsdtop into dist/tsdtop.js and a few chunks: a bundle parses and starts far faster than
// hundreds of modules (STACK.md: 0.7-1.0 s bundled against 1.2-1.5 s from tsc output), and React
// runs its production build. Split at the dynamic imports: the entry (arguments, connection, the
// first frame) is small, so the list is on screen before the Ink, React and dockerode chunk has even
// been parsed. Native optional modules stay external.
import {rm} from 'node:fs/promises';
import {readFile} from 'node:fs/promises';
import {build} from 'esbuild';
import {bundlePlugins} from './bundle-plugins.js';

// The bundle must carry what tsdtop adds to Ink's renderer (scripts/patches/ink+*.patch: the frame
// caches in output.js, the moved-lines renderer in log-update.js), applied by `npm ci`/`npm install`
// in this repository (the prepare script). A patch made for another Ink version is refused by
// patch-package, and then these checks fail too.
for (const file of ['log-update.js', 'output.js']) {
	// eslint-disable-next-line no-await-in-loop
	const source = await readFile(`node_modules/ink/build/${file}`, 'utf8');
	if (!source.includes('tsdtop patch')) {
		throw new Error(`Ink's ${file} is not patched: run \`npx patch-package --patch-dir scripts/patches\` (npm ci does it)`);
	}
}

const started = Date.now();
// Chunks are named by hash: old ones would pile up.
await rm('dist', {recursive: true, force: true});
await build({
	entryPoints: {tsdtop: 'source/bin.ts'},
	outdir: 'dist',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	// TSDTOP_PROFILE_BUILD=1 keeps names readable in CPU profiles.
	minify: !process.env.TSDTOP_PROFILE_BUILD,
	legalComments: 'none',
	jsx: 'automatic',
	define: {'process.env.NODE_ENV': '"production"'},
	// Never loaded (see noModemSsh in bundle-plugins.js); external so they cannot slip into the bundle.
	external: ['ssh2', 'cpu-features'],
	plugins: bundlePlugins,
	banner: {js: "import {createRequire as __tsdtopRequire} from 'node:module';const require=__tsdtopRequire(import.meta.url);"},
	logLevel: 'warning',
});
console.log(`built dist/ in ${Date.now() - started} ms`);
