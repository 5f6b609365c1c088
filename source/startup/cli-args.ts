import meow from 'meow';
import packageJson from '../../package.json' with {type: 'json'};
import type {Flags} from '../config/defaults.js';
import {helpText, isUnknownFlag, unknownArgument} from './help-text.js';


type Parsed = Readonly<Record<string, unknown>>;

/** The options that take a value: long name, short name, what the value must be, meow's name for it. */
const valueFlags = [
	['--host', '-H', 'takes the address of an Engine, e.g. --host unix:///var/run/docker.sock or ssh://user@host', 'host'],
	['--context', '-c', 'takes the name of a docker context', 'context'],
	['--shell', undefined, 'takes a shell, e.g. --shell /bin/bash', 'shell'],
	['--config', undefined, 'takes the path of a config file', 'config'],
	['--tail', undefined, 'takes a whole number of lines, at least 0', 'tail'],
	['--log-buffer', undefined, 'takes a whole number of lines, at least 100', 'logBuffer'],
] as const;

type ValueFlag = (typeof valueFlags)[number];

/** True when the option is on the command line but meow found no value for it (the end, or another option, came next). */
function givenWithoutValue(argv: readonly string[], [long, short, , key]: ValueFlag, flags: Parsed): boolean {
	const given = argv.some(argument => argument === long || argument === `${long}=` || (short !== undefined && argument === short));
	return given && (flags[key] === undefined || flags[key] === '');
}

/** The arguments without the values of options (`--tail -1`: the -1 is a value, not an unknown option). */
function withoutValues(argv: readonly string[]): string[] {
	const takesValue = new Set<string>(valueFlags.flatMap(([long, short]) => (short === undefined ? [long] : [long, short])));
	return argv.filter((_, index) => index === 0 || !takesValue.has(argv[index - 1]!));
}

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

	// Issue 12: `--host` with nothing after it was an empty host, which meant the local socket.
	const missing = valueFlags.find(flag => givenWithoutValue(argv, flag, cli.flags));
	if (missing) {
		console.error(`tsdtop: ${missing[0]} ${missing[2]} (see tsdtop --help)`);
		process.exit(2);
	}

	const stray = cli.input[0] ?? withoutValues(argv).find(argument => isUnknownFlag(argument));
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
