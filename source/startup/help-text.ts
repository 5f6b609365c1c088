/** The --help text; readme.md carries it verbatim (a test checks). */
export const helpText = `
  A fast terminal UI for the Docker Engine: containers, live stats and actions from the keyboard.

  Usage
    $ tsdtop [options]

  Options
    --host, -H <url>      Engine to use: unix:///path, tcp://host:port, ssh://user@host
                          (wins over DOCKER_HOST; default: DOCKER_HOST, the docker context,
                          else unix:///var/run/docker.sock, else Podman's socket)
    --context, -c <name>  Docker context to use (wins over DOCKER_CONTEXT and the current one)
    --all, -a             Start showing stopped containers too
    --shell <cmd>         Shell that e opens, e.g. /bin/zsh or "bash -l" (default: the container
                          user's login shell, else /bin/bash, else /bin/sh)
    --tail <n>            Lines of history a log pane starts with (default 500)
    --log-buffer <n>      Lines a log pane keeps; older ones go (default 10000)
    --no-color            No colours, also none from containers' logs (as NO_COLOR)
    --config <file>       Config file to read (default: TSDTOP_CONFIG, else
                          $XDG_CONFIG_HOME/tsdtop/config.json or ~/.config/tsdtop/config.json)
    --read-only           Watch only: every command that changes anything is hidden and refused
    --help, -h            Show this help
    --version, -v         Show the version

  Environment
    DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONTEXT, DOCKER_CONFIG
                          as for the docker CLI
    NO_COLOR              no colours (as --no-color)
    TSDTOP_CONFIG         the config file, JSON such as {"theme": "light"} (see readme.md)

  Keys
    Press ? inside tsdtop for every key of the pane you are in.
`;

export const knownFlags = ['--host', '-H', '--context', '-c', '--all', '-a', '--shell', '--tail', '--log-buffer', '--no-color', '--config', '--read-only', '--help', '-h', '--version', '-v'] as const;

function distance(a: string, b: string): number {
	const row = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}

	return row[b.length]!;
}

/** True for an option tsdtop does not take; values after --host are not options. */
export function isUnknownFlag(argument: string): boolean {
	return argument.startsWith('-') && argument !== '-' && !(knownFlags as readonly string[]).includes(argument.split('=')[0]!);
}

/** The message for an argument tsdtop does not take, with the nearest flag as a hint. */
export function unknownArgument(argument: string): string {
	if (!argument.startsWith('-')) {
		return `tsdtop: unexpected argument "${argument}" (tsdtop takes only options; see tsdtop --help)`;
	}

	const name = argument.split('=')[0]!;
	const nearest = knownFlags.filter(f => f.startsWith('--')).map(f => ({f, d: distance(name, f)})).sort((a, b) => a.d - b.d)[0]!;
	const hint = nearest.d <= 3 ? `did you mean ${nearest.f}? ` : '';
	return `tsdtop: unknown option ${name} (${hint}see tsdtop --help)`;
}
