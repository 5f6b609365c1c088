// Loaded with `node --import` by an end-to-end test: holds the chunk that brings Ink (the bundle's
// run-*.js, imported by cli.tsx after the first frame is drawn) until the file named by
// TSDTOP_TEST_HOLD exists, so the test can act while only the first frame is on screen. A loader
// hook that waits would block the main thread (and with it tsdtop's resize handling): instead the
// chunk is replaced by a module that waits with a top-level await, then imports the real one and
// passes its exports on.
import {registerHooks} from 'node:module';

const gate = process.env['TSDTOP_TEST_HOLD'];
const held = /\/chunks\/run-[^/?]*\.js$/;

registerHooks({
	load(url, context, nextLoad) {
		if (!gate || !held.test(url)) {
			return nextLoad(url, context);
		}

		const real = `${url}?released`;
		const source = String(nextLoad(url, context).source);
		// esbuild ends a chunk with `export{a as run,...}`.
		const names = [...source.matchAll(/export\s*\{([^}]*)\}/g)].at(-1)?.[1].split(',').map(item => item.trim().split(/\s+as\s+/).at(-1)) ?? [];
		if (names.length === 0) {
			throw new Error(`hold-ink: no exports found in ${url}`);
		}

		const wrapper = [
			'import {existsSync} from \'node:fs\';',
			`await new Promise(resolve => { const timer = setInterval(() => { if (existsSync(${JSON.stringify(gate)})) { clearInterval(timer); resolve(); } }, 10); });`,
			`const real = await import(${JSON.stringify(real)});`,
			...names.map(name => `export const ${name} = real.${name};`),
		].join('\n');
		return {format: 'module', source: wrapper, shortCircuit: true};
	},
});
