import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {engineHost} from './engine-paths.js';

/**
 * A real OpenSSH server on a loopback port, for ssh:// tests: its own config, host key and
 * authorized key (all made here), run as root so the far side's `docker system dial-stdio` reaches
 * the private Engine (SetEnv DOCKER_HOST). Its log (LogLevel VERBOSE) records every connection and
 * every session (channel), which is how a test counts SSH connections.
 */
export type Sshd = {
	readonly port: number;
	readonly dir: string;
	/** The private key sshd accepts for root, and one it does not. */
	readonly goodKey: string;
	readonly badKey: string;
	/** The line a known_hosts file needs for this server. */
	readonly knownHostsLine: string;
	log(): string;
	stop(): void;
};

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => {
				resolve(port);
			});
		});
	});
}

function keygen(file: string): void {
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tsdtop-test', '-f', file]);
}

export async function startSshd(): Promise<Sshd> {
	const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-sshd-'));
	// The test user's home lives in here too: it must be able to walk in.
	chmodSync(dir, 0o755);
	const hostKey = path.join(dir, 'host_key');
	const goodKey = path.join(dir, 'good_key');
	const badKey = path.join(dir, 'bad_key');
	keygen(hostKey);
	keygen(goodKey);
	keygen(badKey);
	writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(`${goodKey}.pub`));
	const port = await freePort();
	const logFile = path.join(dir, 'sshd.log');
	const config = path.join(dir, 'sshd_config');
	writeFileSync(config, [
		`Port ${port}`,
		'ListenAddress 127.0.0.1',
		`HostKey ${hostKey}`,
		`AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
		`PidFile ${path.join(dir, 'sshd.pid')}`,
		'PermitRootLogin prohibit-password',
		'PasswordAuthentication no',
		'KbdInteractiveAuthentication no',
		'UsePAM no',
		// The files sit in a temp folder, not in a home sshd would check.
		'StrictModes no',
		'LogLevel VERBOSE',
		// sshd's default, written out: tests count on it.
		'MaxSessions 10',
		`SetEnv DOCKER_HOST=${engineHost}`,
		'',
	].join('\n'));
	// sshd refuses to start without its privilege separation folder (Debian makes it at boot).
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	writeFileSync(logFile, '');
	const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-f', config, '-E', logFile], {stdio: 'ignore'});
	// Stopped with the test process however it ends, not only by stop() in an afterAll that ran.
	const killOnExit = () => child.kill();
	process.once('exit', killOnExit);
	const log = () => readFileSync(logFile, 'utf8');
	const deadline = Date.now() + 10_000;
	while (!log().includes('Server listening')) {
		if (child.exitCode !== null || Date.now() > deadline) {
			throw new Error(`sshd did not start (is openssh-server installed? apt-get install -y openssh-server); its log:\n${log()}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	const [type, key] = readFileSync(`${hostKey}.pub`, 'utf8').split(' ');
	return {
		port,
		dir,
		goodKey,
		badKey,
		knownHostsLine: `[127.0.0.1]:${port} ${type!} ${key!}`,
		log,
		stop() {
			process.removeListener('exit', killOnExit);
			child.kill();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/**
 * A local user of its own whose home holds ~/.ssh: OpenSSH finds ~ through the password database,
 * not $HOME, so proving that tsdtop honours ~/.ssh/config needs a real user. tsdtop is copied into
 * the home so the user can run it wherever the checkout lives.
 */
export type SshUser = {
	readonly name: string;
	readonly home: string;
	/** The shell command that runs tsdtop as this user with these arguments, its stderr to a file when given. */
	command(args: readonly string[], stderrFile?: string): string;
	remove(): void;
};

export function makeSshUser(sshd: Sshd, binary: string, hosts: Readonly<Record<string, {readonly key: string; readonly knownHosts: boolean; readonly port?: number}>>): SshUser {
	const name = `tsdssh${randomBytes(3).toString('hex')}`;
	const home = path.join(sshd.dir, name);
	const ssh = path.join(home, '.ssh');
	mkdirSync(ssh, {recursive: true});
	writeFileSync(path.join(ssh, 'known_hosts'), sshd.knownHostsLine);
	writeFileSync(path.join(ssh, 'no_known_hosts'), '');
	const config = Object.entries(hosts).map(([alias, host], index) => {
		copyFileSync(host.key, path.join(ssh, `key${index}`));
		return [
			`Host ${alias}`,
			'  HostName 127.0.0.1',
			`  Port ${host.port ?? sshd.port}`,
			'  User root',
			`  IdentityFile ~/.ssh/key${index}`,
			'  IdentitiesOnly yes',
			`  UserKnownHostsFile ~/.ssh/${host.knownHosts ? 'known_hosts' : 'no_known_hosts'}`,
			'',
		].join('\n');
	});
	writeFileSync(path.join(ssh, 'config'), config.join(''));
	// The npm build whole (the bin loads its chunks from beside it), or a release executable alone.
	const standalone = !binary.endsWith('.js');
	if (standalone) {
		copyFileSync(binary, path.join(home, 'tsdtop'));
	} else {
		cpSync(path.dirname(binary), home, {recursive: true});
	}

	execFileSync('useradd', ['--system', '--no-create-home', '--home-dir', home, '--shell', '/bin/sh', name]);
	execFileSync('chown', ['-R', `${name}:`, home]);
	execFileSync('chmod', ['-R', 'go-rwx', home]);
	return {
		name,
		home,
		command: (args, stderrFile) => ['runuser', '-u', name, '--', 'env', '-u', 'SSH_AUTH_SOCK', '-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION', ...(standalone ? [path.join(home, 'tsdtop')] : ['node', path.join(home, 'tsdtop.js')]), ...args]
			.map(word => `'${word.replaceAll("'", "'\\''")}'`).join(' ') + (stderrFile ? ` 2>'${stderrFile}'` : ''),
		remove() {
			try {
				// -f: a master ssh that outlived a failed test must not keep the user in the database.
				execFileSync('userdel', ['-f', name], {stdio: 'ignore'});
			} catch {}
		},
	};
}
