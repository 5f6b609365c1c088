// Command-line options of the benchmark harness (see run.js for what each measures).

const usage = `Usage: node test/bench/run.js [options]
  --sizes 100,1000      container counts to measure (default 100,1000)
  --runs 5              start-up runs per size (run 1 shown as cold, median of the rest)
  --idle-seconds 20     length of each idle window (CPU %, bytes/s)
  --idle-windows 3      quiet idle windows, each beside the stats floor (spread reported)
  --busy 5              containers made busy for the realistic idle window
  --presses 40          select keys per size, and as many scroll keys (pty and tmux)
  --peer '<command>'    measure another TUI command instead of tsdtop (run through sh -c)
  --go-peer             also measure the Go peers (test/bench/peer/: a gocui list like lazydocker's
                        Containers panel, a tview table on k9s's libraries), built with Go if
                        installed: tmux keys beside tsdtop and the floor, idle CPU and RSS
  --peers-first         with --go-peer: the peers before tsdtop's tmux keys (alternate runs)
  --tsdtop <file>       measure another tsdtop build, with the same checks as dist/tsdtop.js: a
                        bundle (.js, run with this Node) or an executable (release/tsdtop-linux-x64)
  --cleanup             remove the bench containers at the end
  --json <file>         where the results go (default bench-results/latest.json)
  --quick               smoke run: sizes 40, runs 2, idle 3 s, 10 presses
  --soak                run the churn soak instead (soak.js): ~20 changes a second to N containers
                        through the Engine API, tsdtop -a filtered to a window of them; after each
                        quiet second its rows must equal the Engine's list
  --soak-size 1000      containers in the soak (default: --sizes when given, else 1000)
  --soak-seconds 300    length of the soak
  --help                this text`;

/** Parses process.argv-style arguments into the harness options; throws on a bad option. */
export function parseArgs(argv) {
	const options = {sizes: [100, 1000], json: undefined, runs: 5, idleSeconds: 20, idleWindows: 3, busy: 5, presses: 40, peer: undefined, goPeer: false, peersFirst: false, tsdtop: undefined, cleanup: false, quick: false, soak: false, soakSizes: [1000], soakSeconds: 300, help: false};
	const explicit = new Set();
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			if (inline !== undefined) {
				return inline;
			}

			i++;
			if (i >= argv.length) {
				throw usageError(`${flag} needs a value`);
			}

			return argv[i];
		};

		switch (flag) {
			case '--sizes': {
				options.sizes = value().split(',').map(s => positiveInt(s, flag));
				break;
			}

			case '--runs': {
				options.runs = positiveInt(value(), flag);
				break;
			}

			case '--idle-seconds': {
				options.idleSeconds = positiveNumber(value(), flag);
				break;
			}

			case '--idle-windows': {
				options.idleWindows = positiveInt(value(), flag);
				break;
			}

			case '--busy': {
				options.busy = positiveInt(value(), flag);
				break;
			}

			case '--presses': {
				options.presses = positiveInt(value(), flag);
				break;
			}

			case '--peer': {
				options.peer = value();
				break;
			}

			case '--go-peer': {
				options.goPeer = true;
				break;
			}

			case '--peers-first': {
				options.peersFirst = true;
				break;
			}

			case '--tsdtop': {
				options.tsdtop = value();
				break;
			}

			case '--cleanup': {
				options.cleanup = true;
				break;
			}

			case '--json': {
				options.json = value();
				break;
			}

			case '--quick': {
				options.quick = true;
				break;
			}

			case '--soak': {
				options.soak = true;
				break;
			}

			case '--soak-size': {
				options.soakSizes = [positiveInt(value(), flag)];
				break;
			}

			case '--soak-seconds': {
				options.soakSeconds = positiveNumber(value(), flag);
				break;
			}

			case '--help':
			case '-h': {
				options.help = true;
				break;
			}

			default: {
				throw usageError(`unknown option ${argv[i]}\n${usage}`);
			}
		}

		explicit.add(flag);
	}

	// --quick sets smaller defaults; options given explicitly still win.
	if (options.quick) {
		// 40: more rows than a 120x40 screen shows, so that some keys scroll.
		if (!explicit.has('--sizes')) options.sizes = [40];
		if (!explicit.has('--runs')) options.runs = 2;
		if (!explicit.has('--idle-seconds')) options.idleSeconds = 3;
		if (!explicit.has('--presses')) options.presses = 10;
	}

	// The soak's size: --soak-size, else the sizes asked for (one soak each), else 1000.
	if (!explicit.has('--soak-size') && explicit.has('--sizes')) {
		options.soakSizes = options.sizes;
	}

	return options;
}

export {usage};

function positiveInt(text, flag) {
	const n = Number(text);
	if (!Number.isInteger(n) || n <= 0) {
		throw usageError(`${flag}: expected a positive integer, got "${text}"`);
	}

	return n;
}

function positiveNumber(text, flag) {
	const n = Number(text);
	if (!Number.isFinite(n) || n <= 0) {
		throw usageError(`${flag}: expected a positive number, got "${text}"`);
	}

	return n;
}

/** An error whose message is the whole story (no stack trace needed). */
function usageError(message) {
	return Object.assign(new Error(message), {expected: true});
}
