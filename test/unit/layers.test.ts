import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cruise, type ICruiseResult, type IConfiguration} from 'dependency-cruiser';
import {describe, expect, test} from 'vitest';

// Issue 14: the layers of source/ are rules a build checks, not a picture in the readme.
const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(folder: string, baseDir?: string): Promise<string[]> {
	const {output} = await cruise([folder], {
		ruleSet: rules,
		validate: true,
		tsPreCompilationDeps: true,
		doNotFollow: {path: 'node_modules'},
		...(baseDir ? {baseDir} : {}),
	});
	return (output as ICruiseResult).summary.violations.map(v => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map(c => c.name).join(' -> ')})` : ''}`);
}

describe('the layers of source/', () => {
	test('no folder imports from a layer above it or a sibling, no module cycle, type imports counted', async () => {
		expect(await violations('source')).toEqual([]);
	}, 60_000);

	// The rules must be able to fail: a copy of the layout with one type import upwards.
	test('a type import from docker/ into store/ is refused', async () => {
		const root = mkdtempSync(join(tmpdir(), 'tsdtop-layers-'));
		mkdirSync(join(root, 'source/docker'), {recursive: true});
		mkdirSync(join(root, 'source/store'), {recursive: true});
		writeFileSync(join(root, 'source/store/state.ts'), 'export type State = {readonly n: number};\n');
		writeFileSync(join(root, 'source/docker/engine.ts'), 'import type {State} from \'../store/state.js\';\nexport const n = (s: State) => s.n;\n');
		writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'NodeNext', moduleResolution: 'NodeNext'}}));
		expect(await violations('source', root)).toEqual(['docker-imports-below: source/docker/engine.ts -> source/store/state.ts']);
	}, 60_000);
});
