// Puts the --help text into readme.md's Usage block, verbatim (test/unit/readme.test.ts checks it).
import {build} from 'esbuild';

export async function helpText() {
	const result = await build({entryPoints: ['source/startup/help-text.ts'], bundle: true, format: 'esm', platform: 'node', write: false});
	const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
	return module.helpText;
}

export function replaceUsage(readme, help) {
	const start = readme.indexOf('## Usage\n\n```\n');
	const end = readme.indexOf('```\n', start + 14);
	if (start === -1 || end === -1) {
		throw new Error('readme.md needs a "## Usage" section with a ``` block');
	}

	return `${readme.slice(0, start + 14)}${help}${readme.slice(end)}`;
}
