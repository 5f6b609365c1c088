import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {describe, expect, test} from 'vitest';
// @ts-expect-error: a plain JavaScript module without types
import {bundlePlugins} from '../../scripts/bundle-plugins.js';

// A fake string-width in a node_modules folder of its own, bundled with the build's plugins.
async function bundleStringWidth(source: string): Promise<string> {
	const root = mkdtempSync(join(tmpdir(), 'tsdtop-plugin-'));
	mkdirSync(join(root, 'node_modules/string-width'), {recursive: true});
	writeFileSync(join(root, 'node_modules/string-width/index.js'), source);
	writeFileSync(join(root, 'entry.js'), 'import width from \'string-width\'; console.log(width(\'x\'));\n');
	const result = await build({entryPoints: [join(root, 'entry.js')], bundle: true, write: false, format: 'esm', platform: 'node', plugins: bundlePlugins as [], logLevel: 'silent', absWorkingDir: root});
	return result.outputFiles[0]!.text;
}

// Issue 15: the text modules' segmenters are made lazy in the bundle, and a module that changes fails the build.
describe('the lazy segmenter plugin', () => {
	test('new Intl.Segmenter() in a text module becomes the lazy one', async () => {
		const out = await bundleStringWidth('const segmenter = new Intl.Segmenter();\nexport default text => [...segmenter.segment(text)].length;\n');
		expect(out).not.toContain('new Intl.Segmenter()');
		expect(out).toContain('simpleAscii');
	});

	test('a text module without the pattern fails the build, naming the plugin', async () => {
		await expect(bundleStringWidth('export default text => text.length;\n')).rejects.toThrow(/update lazySegmenter in scripts\/bundle-plugins\.js/);
	});
});
