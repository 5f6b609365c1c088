// Lists source files over 300 lines and functions over 100 (issue 14's limits), and exits 1 if any.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import ts from 'typescript';

export const maxFileLines = 300;
export const maxFunctionLines = 100;

function sourceFiles(folder) {
	return readdirSync(folder).flatMap(name => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

/** The files and functions of `folder` over the limits, as lines of text. */
export function codeShapeProblems(folder = 'source') {
	const problems = [];
	for (const path of sourceFiles(folder)) {
		const text = readFileSync(path, 'utf8');
		const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
		if (lines > maxFileLines) {
			problems.push(`${path}: ${lines} lines (at most ${maxFileLines})`);
		}

		const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
		const visit = node => {
			if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
				const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
				const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
				if (end - start + 1 > maxFunctionLines) {
					const name = node.name?.getText(file) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(file) : 'a function');
					problems.push(`${path}:${start + 1}: ${name} is ${end - start + 1} lines (at most ${maxFunctionLines})`);
				}
			}

			ts.forEachChild(node, visit);
		};

		visit(file);
	}

	return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const problems = codeShapeProblems(process.argv[2]);
	console.log(problems.length === 0 ? 'code shape: every file and function within the limits' : problems.join('\n'));
	process.exitCode = problems.length === 0 ? 0 : 1;
}
