// Bundled by ssh.js: times sequential GET /containers/json over ssh://, the old way (dockerode's
// ssh2 agent, one SSH session per call) and tsdtop's (one ControlMaster connection, keep-alive
// dial-stdio channels). Prints one JSON line.
import Docker from 'dockerode';
import {resolveConnection} from '../../source/docker/connection.js';
import {connectOverSsh} from '../../source/docker/ssh-tunnel.js';

const [url, calls = '20', which = 'new'] = process.argv.slice(2);
const timed = async (docker: Docker) => {
	const times: number[] = [];
	for (let i = 0; i < Number(calls); i++) {
		const started = performance.now();
		// eslint-disable-next-line no-await-in-loop
		await docker.listContainers({all: true});
		times.push(performance.now() - started);
	}

	return times;
};

const started = performance.now();
let times: number[];
if (which === 'old') {
	process.noDeprecation = true;
	const parsed = new URL(url!);
	times = await timed(new Docker({protocol: 'ssh', host: parsed.hostname, port: Number(parsed.port || 22), username: parsed.username || undefined, sshOptions: {agent: process.env['SSH_AUTH_SOCK']}} as Docker.DockerOptions));
} else {
	const connection = await connectOverSsh(resolveConnection(url, {}));
	const login = performance.now() - started;
	times = await timed(new Docker(connection.options));
	times.unshift(login);
}

console.log(JSON.stringify({which, times}));
process.exit(0);
