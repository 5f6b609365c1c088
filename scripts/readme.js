// `npm run readme`: rewrites the key list and the Usage block of readme.md from the sources.
import {readFileSync, writeFileSync} from 'node:fs';
import {keysMarkdown, replaceKeys} from './keys-table.js';
import {helpText, replaceUsage} from './readme-usage.js';

const readme = readFileSync('readme.md', 'utf8');
writeFileSync('readme.md', replaceUsage(replaceKeys(readme, await keysMarkdown()), await helpText()));
console.log('readme.md: key list and usage updated from source/keys/keymap.ts and source/startup/help-text.ts');
