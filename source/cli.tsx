#!/usr/bin/env node
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {ConfigError, loadConfig, shellProblem} from './config.js';
import {ConnectionError, resolveConnection} from './docker/connection.js';
import {prefetch} from './docker/prefetch.js';
import {helpText, isUnknownFlag, unknownArgument} from './help-text.js';
import {mark} from './trace.js';

mark('cli');

const cli = meow(helpText, {
	importMeta: import.meta,
	pkg: packageJson,
	description: false,
	// tsdtop reports unknown options itself, with a hint (meow only lists them).
	allowUnknownFlags: true,
	flags: {
		host: {type: 'string', shortFlag: 'H'},
		all: {type: 'boolean', shortFlag: 'a', default: false},
		shell: {type: 'string'},
		help: {type: 'boolean', shortFlag: 'h'},
		version: {type: 'boolean', shortFlag: 'v'},
	},
});

if (cli.flags.version) {
	cli.showVersion();
}

const stray = cli.input[0] ?? process.argv.slice(2).find(argument => isUnknownFlag(argument));
if (stray !== undefined) {
	console.error(unknownArgument(stray));
	process.exit(2);
}

// Ink goes silent when CI is set (it reads is-in-ci once, at import). A person at a TTY wants the UI.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];

let connection;
let config;
try {
	connection = resolveConnection(cli.flags.host);
	config = loadConfig();
} catch (error) {
	if (error instanceof ConnectionError || error instanceof ConfigError) {
		console.error(`tsdtop: ${error.message}`);
		process.exit(2);
	}

	throw error;
}

if (cli.flags.shell !== undefined && shellProblem(cli.flags.shell)) {
	console.error(`tsdtop: --shell ${shellProblem(cli.flags.shell)!}`);
	process.exit(2);
}

const shell = cli.flags.shell?.trim() ?? config.shell;

if (!process.stdin.isTTY || !process.stdout.isTTY) {
	console.error('tsdtop: needs an interactive terminal (stdin and stdout must be a TTY)');
	process.exit(2);
}

// The Engine starts answering now; one turn of the event loop puts the requests on the wire.
const early = prefetch(connection);
await new Promise(resolve => {
	setImmediate(resolve);
});

// Loaded after the checks above, so --help and errors answer without paying for Ink and React.
mark('checked');
const {run} = await import('./run.js');
mark('loaded');
process.exitCode = await run({connection, early, showAll: cli.flags.all, color: !process.env['NO_COLOR'], ...(shell ? {shell} : {})});
