import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import type {Flags} from './defaults.js';
import {helpText, isUnknownFlag, unknownArgument} from './help-text.js';


/** Parses the command line with meow; prints help, the version or a refusal and exits where it should. */
export function parseArgs(argv: readonly string[]): Flags {
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv: [...argv],
		pkg: packageJson,
		description: false,
		// tsdtop reports unknown options itself, with a hint (meow only lists them).
		allowUnknownFlags: true,
		flags: {
			host: {type: 'string', shortFlag: 'H'},
			context: {type: 'string', shortFlag: 'c'},
			readOnly: {type: 'boolean', default: false},
			all: {type: 'boolean', shortFlag: 'a', default: false},
			// No defaults here: a flag not given leaves the config file's setting in force.
			tail: {type: 'number'},
			logBuffer: {type: 'number'},
			color: {type: 'boolean'},
			shell: {type: 'string'},
			config: {type: 'string'},
			help: {type: 'boolean', shortFlag: 'h'},
			version: {type: 'boolean', shortFlag: 'v'},
		},
	});

	if (cli.flags.version) {
		cli.showVersion();
	}

	const stray = cli.input[0] ?? argv.find(argument => isUnknownFlag(argument));
	if (stray !== undefined) {
		console.error(unknownArgument(stray));
		process.exit(2);
	}

	for (const [flag, value, least] of [['--tail', cli.flags.tail, 0], ['--log-buffer', cli.flags.logBuffer, 100]] as const) {
		if (value !== undefined && (!Number.isInteger(value) || value < least)) {
			console.error(`tsdtop: ${flag} takes a whole number of lines, at least ${least} (see tsdtop --help)`);
			process.exit(2);
		}
	}

	if (cli.flags.config !== undefined && cli.flags.config.trim() === '') {
		console.error('tsdtop: --config takes the path of a config file (see tsdtop --help)');
		process.exit(2);
	}

	return {
		host: cli.flags.host,
		context: cli.flags.context,
		all: cli.flags.all,
		readOnly: cli.flags.readOnly,
		// meow makes an absent boolean false: only a --no-color actually given may win over the config file.
		...(cli.flags.color === false && argv.includes('--no-color') ? {color: false} : {}),
		...(cli.flags.tail === undefined ? {} : {tail: cli.flags.tail}),
		...(cli.flags.logBuffer === undefined ? {} : {logBuffer: cli.flags.logBuffer}),
		...(cli.flags.shell === undefined ? {} : {shell: cli.flags.shell}),
		...(cli.flags.config === undefined ? {} : {config: cli.flags.config}),
	};
}
