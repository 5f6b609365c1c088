import {describe, expect, it} from 'vitest';
import {describeSshFailure, dialArgs, exitArgs, masterArgs} from '../../../source/docker/ssh-args.js';

const control = '/tmp/tsdtop-ssh-x/control';

describe('ssh command lines', () => {
	it('the master logs in once, in batch mode, and goes to the background', () => {
		expect(masterArgs({host: 'server', user: 'me', port: 2222}, control)).toEqual([
			'-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', `ControlPath=${control}`, '-l', 'me', '-p', '2222',
			'-o', 'ControlMaster=yes', '-o', 'ControlPersist=30', '-f', '-N', '--', 'server',
		]);
	});

	it('leaves user and port to ~/.ssh/config when the URL does not name them', () => {
		const args = masterArgs({host: 'alias'}, control);
		expect(args).not.toContain('-l');
		expect(args).not.toContain('-p');
		expect(args.at(-1)).toBe('alias');
	});

	it('each channel rides the master and runs docker system dial-stdio, with no TTY', () => {
		const args = dialArgs({host: 'server'}, control);
		expect(args).toContain(`ControlPath=${control}`);
		expect(args).toContain('ControlMaster=no');
		expect(args).toContain('BatchMode=yes');
		expect(args).toContain('-T');
		expect(args.slice(args.indexOf('--'))).toEqual(['--', 'server', 'docker', 'system', 'dial-stdio']);
	});

	it('a host that looks like an option stays a host (after --)', () => {
		const args = dialArgs({host: '-oProxyCommand=evil'}, control);
		expect(args.indexOf('-oProxyCommand=evil')).toBeGreaterThan(args.indexOf('--'));
	});

	it('quitting asks the master to exit', () => {
		const args = exitArgs({host: 'server', port: 22}, control);
		expect(args.slice(-4)).toEqual(['-O', 'exit', '--', 'server']);
		expect(args).toContain(`ControlPath=${control}`);
	});
});

describe('describeSshFailure: what ssh printed, as one line to act on', () => {
	const where = 'ssh://me@server';
	it.each([
		['No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n', 255, 'the SSH host key is not known'],
		['Host key verification failed.\n', 255, 'the SSH host key is not known'],
		['@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n', 255, 'has CHANGED'],
		['me@server: Permission denied (publickey).\n', 255, 'SSH login refused (Permission denied, publickey)'],
		['me@server: Permission denied (publickey,password).\n', 255, 'tsdtop cannot ask for a password'],
		['ssh: Could not resolve hostname nosuch.invalid: Name or service not known\n', 255, 'cannot resolve the host name nosuch.invalid'],
		['ssh: connect to host 10.0.0.1 port 22: Connection refused\n', 255, 'SSH connection refused'],
		['ssh: connect to host 10.0.0.1 port 22: Connection timed out\n', 255, 'no answer from the SSH server within 10 s'],
		['ssh: connect to host 10.0.0.1 port 22: No route to host\n', 255, 'no route to the SSH server'],
		['bash: line 1: docker: command not found\n', 127, 'docker is not installed on the far side'],
		['sh: 1: docker: not found\n', 127, 'docker is not installed on the far side'],
		['unknown command "dial-stdio" for "docker system"\n', 1, 'too old for ssh://'],
		['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', 1, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock'],
		['permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: ...\n', 1, 'may not use the Docker socket'],
		['mux_client_request_session: session request failed: Session open refused by peer\n', 255, 'MaxSessions'],
		['kex_exchange_identification: Connection closed by remote host\n', 255, 'closed the connection'],
		['Warning: Permanently added \'[h]:22\' (ED25519) to the list of known hosts.\nsomething odd happened\n', 1, 'something odd happened'],
		['', 255, 'ssh exited with code 255'],
	])('%j (exit %i)', (stderr, code, expected) => {
		const message = describeSshFailure(stderr, where, code);
		expect(message).toContain(expected);
		expect(message.startsWith(`${where}: `)).toBe(true);
		expect(message).not.toContain('\n');
	});
});
