#!/usr/bin/env node
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
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
		tail: {type: 'number', default: 500},
		logBuffer: {type: 'number', default: 10_000},
		color: {type: 'boolean', default: true},
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
try {
	connection = resolveConnection(cli.flags.host);
} catch (error) {
	if (error instanceof ConnectionError) {
		console.error(`tsdtop: ${error.message}`);
		process.exit(2);
	}

	throw error;
}

for (const [flag, value, least] of [['--tail', cli.flags.tail, 0], ['--log-buffer', cli.flags.logBuffer, 100]] as const) {
	if (!Number.isInteger(value) || value < least) {
		console.error(`tsdtop: ${flag} takes a whole number of lines, at least ${least} (see tsdtop --help)`);
		process.exit(2);
	}
}

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
process.exitCode = await run({connection, early, showAll: cli.flags.all, color: cli.flags.color && !process.env['NO_COLOR'], tail: cli.flags.tail, logBuffer: cli.flags.logBuffer});
