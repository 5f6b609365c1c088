// The tests' terminal screen model (test/helpers/screen-model.ts), loaded into the bench: the bench
// runs on plain Node (20 and up, which cannot import TypeScript), so esbuild strips the types once.
// One model for the tests and the bench: what it knows of Ink's output is kept in one place.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {transform} from 'esbuild';

const source = join(dirname(fileURLToPath(import.meta.url)), '../helpers/screen-model.ts');
const {code} = await transform(readFileSync(source, 'utf8'), {loader: 'ts', format: 'esm', target: 'node20'});

/** `new ScreenModel(width, height)`: `write(output)` as it comes, `text()` the rows shown (no SGR). */
export const {ScreenModel} = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
