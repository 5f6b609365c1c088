// The one script a Node single executable application runs (scripts/release.js). Node 24's SEA
// runs a CommonJS main only ("mainFormat": "module" is newer: 24.22 runs such a main as CommonJS), and its require() reaches
// built-in modules only, so the whole app must be one CommonJS file that loads no file at run time.
// esbuild refuses top-level await in CommonJS output, and tsdtop has it (bin.ts and cli.tsx await
// dynamic imports; yoga-layout, inside Ink, awaits its WebAssembly). So: one ESM bundle without
// code splitting (esbuild turns each dynamic import into an async initialiser of the module), whose
// imports of built-ins are turned into require() calls; that body, which then has no import or
// export statement left, runs inside one async function. The npm build (scripts/build.js) is untouched.
import {builtinModules} from 'node:module';
import vm from 'node:vm';
import {build} from 'esbuild';
import {bundlePlugins} from './bundle-plugins.js';

const builtins = new Set(builtinModules);

// `import x from 'node:fs'` becomes a CommonJS module that requires it: the SEA's require has them all.
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(builder) {
		builder.onResolve({filter: /^[\w:/]+$/}, args => {
			if (args.namespace === 'builtin') {
				// The require inside the module below: the real one.
				return {path: args.path, external: true};
			}

			const name = args.path.replace(/^node:/, '');
			return builtins.has(name) || builtins.has(args.path) ? {path: `node:${name}`, namespace: 'builtin'} : undefined;
		});
		builder.onLoad({filter: /.*/, namespace: 'builtin'}, args => ({contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'}));
	},
};

/**
 * Bundles source/bin.ts into the CommonJS text of a SEA main script. Throws if the bundle would
 * still load a file at run time (a require of anything but a built-in, ssh2's included).
 */
export async function buildSeaMain() {
	const result = await build({
		entryPoints: ['source/bin.ts'],
		bundle: true,
		write: false,
		metafile: true,
		outfile: 'sea-main.js',
		platform: 'node',
		format: 'esm',
		target: 'node24',
		minify: true,
		legalComments: 'none',
		jsx: 'automatic',
		// meow wants import.meta.url (tsdtop gives it package.json itself, so the path only has to be a file URL).
		define: {'process.env.NODE_ENV': '"production"', 'import.meta': '__tsdtopImportMeta'},
		external: ['ssh2', 'cpu-features'],
		plugins: [builtinsByRequire, ...bundlePlugins],
		logLevel: 'warning',
	});
	// bin.ts's hashbang is no statement: out of a function body it must go.
	const body = result.outputFiles[0].text.replace(/^#!.*\n/, '');
	const main = [
		'"use strict";',
		'const __tsdtopImportMeta = {url: require("node:url").pathToFileURL(process.execPath).href};',
		// Strict mode and `this` undefined, as in the module the body was bundled as.
		`(async function () {${body}\n}).call(undefined);`,
		'',
	].join('\n');
	// An import or export statement left in the body would be a syntax error here.
	new vm.Script(main, {filename: 'sea-main.js'});
	// What the bundle still loads from outside, as esbuild saw it (minified, require has another name).
	const loaded = Object.values(result.metafile.outputs).flatMap(output => output.imports.filter(i => i.external).map(i => i.path));
	const files = [...new Set(loaded)].filter(name => !name.startsWith('node:'));
	if (files.length > 0) {
		throw new Error(`the SEA bundle would require files at run time: ${files.join(', ')}`);
	}

	return main;
}
