// `npm run readme`: rewrites the key list in readme.md from source/keys/keymap.ts.
import {readFileSync, writeFileSync} from 'node:fs';
import {keysMarkdown, replaceKeys} from './keys-table.js';

const readme = readFileSync('readme.md', 'utf8');
writeFileSync('readme.md', replaceKeys(readme, await keysMarkdown()));
console.log('readme.md: key list updated from source/keys/keymap.ts');
