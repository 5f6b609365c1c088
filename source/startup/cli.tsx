import {commandLine} from './command-line.js';
import {ConfigError, loadConfig, shellProblem} from '../config/config.js';
import {ConnectionError, resolveConnection} from '../docker/connection.js';
import {paintEarly} from './early-paint.js';
import {takeEarlyAnswers} from '../docker/early-prefetch.js';
import {prefetch} from '../docker/prefetch.js';
import {connectOverSsh} from '../docker/ssh-tunnel.js';
import {defaultFlags} from '../config/defaults.js';
import {tuneHeap} from './heap.js';
import {settle} from '../config/settings.js';
import {mark} from '../core/trace.js';
import {withoutFetch} from './without-fetch.js';

mark('cli');
tuneHeap();

// Plain `tsdtop`, the common case, needs no parser: meow (about a sixth of the bundle) loads only
// when there are arguments to read.
const argv = commandLine;
const flags = argv.length === 0 ? defaultFlags : (await import('./cli-args.js')).parseArgs(argv);


let connection;
let config;
try {
	connection = resolveConnection(flags.host, process.env, flags.context);
	config = loadConfig(process.env, undefined, flags.config);
} catch (error) {
	if (error instanceof ConnectionError || error instanceof ConfigError) {
		console.error(`tsdtop: ${error.message}`);
		process.exit(2);
	}

	throw error;
}

if (flags.shell !== undefined && shellProblem(flags.shell)) {
	console.error(`tsdtop: --shell ${shellProblem(flags.shell)!}`);
	process.exit(2);
}

const settings = settle(flags, config, process.env);

if (!process.stdin.isTTY || !process.stdout.isTTY) {
	console.error('tsdtop: needs an interactive terminal (stdin and stdout must be a TTY)');
	process.exit(2);
}

// ssh:// logs in first, once: a refused login or an unknown host key is one line here, never a prompt.
if (connection.ssh) {
	try {
		connection = await connectOverSsh(connection);
		mark('ssh');
	} catch (error) {
		console.error(`tsdtop: ${(error as Error).message}`);
		process.exit(1);
	}
}

// The Engine starts answering now. If it answers quickly, the list is on screen before Ink loads.
const early = takeEarlyAnswers(connection.options.socketPath) ?? prefetch(connection);
let endFirstFrame = () => {};
if (early) {
	endFirstFrame = await paintEarly(early, {connection, showAll: flags.all, readOnly: flags.readOnly, settings});
} else {
	// One turn of the event loop puts the requests on the wire.
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

// Loaded after the checks above, so --help and errors answer without paying for Ink and React.
mark('checked');
const {run} = await withoutFetch(async () => import('./run.js'));
mark('loaded');
// From here a resize is Ink's to draw (its first frame clears the whole screen).
endFirstFrame();
process.exitCode = await run({
	connection,
	early,
	showAll: flags.all,
	readOnly: flags.readOnly,
	...settings,
});
