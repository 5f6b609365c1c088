// `npm run bench:render`: the cost of drawing the Containers pane in-process, without a terminal or
// an Engine: first render and steady key presses for several list sizes. Complements run.js, which
// measures the real binary end to end. Each size runs in a fresh Node process (cold JIT, as at start).
import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {build} from 'esbuild';
import {bundlePlugins} from '../../scripts/bundle-plugins.js';

const outfile = 'node_modules/.cache/tsdtop-render-bench.mjs';
mkdirSync('node_modules/.cache', {recursive: true});
await build({
	entryPoints: ['test/bench/render-entry.tsx'], outfile, bundle: true, platform: 'node', format: 'esm', jsx: 'automatic', minify: true,
	define: {'process.env.NODE_ENV': '"production"'}, external: ['ssh2', 'cpu-features'], plugins: bundlePlugins, logLevel: 'error',
	banner: {js: "import {createRequire as __r} from 'node:module';const require=__r(import.meta.url);"},
});

const runs = 5;
console.log('| containers | first render ms (min / median) | key ms (median) | bytes first frame |');
console.log('|---:|---:|---:|---:|');
for (const size of [0, 100, 1000, 10_000]) {
	const samples = Array.from({length: runs}, () => JSON.parse(execFileSync(process.execPath, [outfile, String(size)], {encoding: 'utf8'}).trim().split('\n').pop()));
	const sorted = key => samples.map(s => Number(s[key])).sort((a, b) => a - b);
	const first = sorted('firstRender');
	console.log(`| ${size} | ${first[0].toFixed(0)} / ${first[Math.floor(runs / 2)].toFixed(0)} | ${sorted('perKey')[Math.floor(runs / 2)].toFixed(1)} | ${samples[0].bytes} |`);
}
