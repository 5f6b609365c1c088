// `node test/bench/ssh.js ssh://user@host[:port] [calls]`: time per API call over ssh://, dockerode's
// own ssh path (ssh2 through SSH_AUTH_SOCK, a new SSH session per call) against tsdtop's (one
// OpenSSH ControlMaster connection, keep-alive channels). The old path needs the key in ssh-agent.
import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {build} from 'esbuild';

const [url, calls = '20'] = process.argv.slice(2);
if (!url) {
	console.error('usage: node test/bench/ssh.js ssh://user@host[:port] [calls]');
	process.exit(2);
}

const outfile = 'node_modules/.cache/tsdtop-ssh-bench.mjs';
mkdirSync('node_modules/.cache', {recursive: true});
await build({
	entryPoints: ['test/bench/ssh-entry.ts'], outfile, bundle: true, platform: 'node', format: 'esm',
	external: ['ssh2', 'cpu-features', '@grpc/*', 'protobufjs'], logLevel: 'error',
	banner: {js: "import {createRequire as __r} from 'node:module';const require=__r(import.meta.url);"},
});

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const which of ['old', 'new']) {
	const {times} = JSON.parse(execFileSync(process.execPath, [outfile, url, calls, which], {encoding: 'utf8'}).trim().split('\n').pop());
	const login = which === 'new' ? times.shift() : undefined;
	const total = times.reduce((sum, t) => sum + t, 0);
	console.log(`${which === 'old' ? 'dockerode ssh2  ' : 'OpenSSH mux     '} ${calls} calls: ${total.toFixed(0)} ms total, first ${times[0].toFixed(0)} ms, median ${median(times).toFixed(1)} ms${login === undefined ? '' : `, login ${login.toFixed(0)} ms`}`);
}
