import {describe, expect, it} from 'vitest';
import type {Engine, ExecTarget, PathStat} from '../../../source/docker/engine.js';
import {
	NoShellError, chooseShell, findUser, isExecutable, loginShell, parsePasswd, shellCandidates, shellWords, splitCommandLine,
} from '../../../source/docker/shell.js';

const passwd = [
	'root:x:0:0:root:/root:/bin/ash',
	'# a comment',
	'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
	'app:x:1000:1000::/home/app:/bin/zsh',
	'svc:x:1001:1001::/srv:/bin/false',
	'broken line',
	'odd:x:notanumber:0::/:/bin/sh',
	'',
].join('\n');

// Go's os.FileMode: a plain 0755 file, a 0644 file, a directory, a symlink.
const file = (mode = 0o755): PathStat => ({mode, linkTarget: ''});
const dir: PathStat = {mode: (2 ** 31) + 0o755, linkTarget: ''};
const link = (target: string): PathStat => ({mode: (2 ** 27) + 0o777, linkTarget: target});

describe('/etc/passwd', () => {
	it('reads name, uid and shell, skipping comments and broken lines', () => {
		expect(parsePasswd(passwd)).toEqual([
			{name: 'root', uid: 0, shell: '/bin/ash'},
			{name: 'daemon', uid: 1, shell: '/usr/sbin/nologin'},
			{name: 'app', uid: 1000, shell: '/bin/zsh'},
			{name: 'svc', uid: 1001, shell: '/bin/false'},
		]);
	});

	it.each([
		['', 'root'],
		['root', 'root'],
		['app', 'app'],
		['1000', 'app'],
		['app:staff', 'app'],
		['1000:1000', 'app'],
		['0', 'root'],
	])('Config.User %j is %s', (user, name) => {
		expect(findUser(parsePasswd(passwd), user)?.name).toBe(name);
	});

	it('knows no user that is not in the file', () => {
		expect(findUser(parsePasswd(passwd), 'ghost')).toBeUndefined();
		expect(findUser(parsePasswd(passwd), '4242')).toBeUndefined();
	});

	it.each([
		['', '/bin/ash'],
		['app', '/bin/zsh'],
		['daemon', undefined],
		['svc', undefined],
		['ghost', undefined],
	])('the login shell of %j is %s (nologin and false are none)', (user, shell) => {
		expect(loginShell(passwd, user)).toBe(shell);
	});

	it('has no login shell without a passwd file or with a relative shell', () => {
		expect(loginShell(undefined, '')).toBeUndefined();
		expect(loginShell('root:x:0:0::/:sh\n', '')).toBeUndefined();
	});
});

describe('shellCandidates', () => {
	const files = (options: Parameters<typeof shellCandidates>[0]) => shellCandidates(options).map(c => [c.file, ...c.args].join(' '));

	it('tries the login shell, then /bin/bash, then /bin/sh', () => {
		expect(files({login: '/bin/zsh'})).toEqual(['/bin/zsh', '/bin/bash', '/bin/sh']);
		expect(files({})).toEqual(['/bin/bash', '/bin/sh']);
	});

	it('puts the preferred shell first, with its arguments', () => {
		expect(files({preferred: '/usr/bin/fish', login: '/bin/zsh'})).toEqual(['/usr/bin/fish', '/bin/zsh', '/bin/bash', '/bin/sh']);
		expect(files({preferred: '/bin/bash -l'})).toEqual(['/bin/bash -l', '/bin/bash', '/bin/sh']);
	});

	it('looks a bare preferred name up along the container PATH', () => {
		expect(files({preferred: 'zsh', path: ['/usr/local/bin', '/usr/bin']})).toEqual(['/usr/local/bin/zsh', '/usr/bin/zsh', '/bin/bash', '/bin/sh']);
		// Without a PATH, the usual directories.
		expect(files({preferred: 'zsh'})).toContain('/bin/zsh');
	});

	it('never tries the same shell twice', () => {
		expect(files({preferred: '/bin/sh', login: '/bin/sh'})).toEqual(['/bin/sh', '/bin/bash']);
	});

	it('splits a shell command into words', () => {
		expect(shellWords('  /bin/bash   -l ')).toEqual(['/bin/bash', '-l']);
	});
});

describe('isExecutable', () => {
	const statOf = (paths: Record<string, PathStat>) => async (path: string) => paths[path];

	it('is true for a plain file with an execute bit', async () => {
		expect(await isExecutable(statOf({'/bin/sh': file()}), '/bin/sh')).toBe(true);
	});

	it('is false for a missing path, a directory or a file nobody may run', async () => {
		expect(await isExecutable(statOf({}), '/bin/sh')).toBe(false);
		expect(await isExecutable(statOf({'/bin/sh': dir}), '/bin/sh')).toBe(false);
		expect(await isExecutable(statOf({'/bin/sh': file(0o644)}), '/bin/sh')).toBe(false);
	});

	it('follows symlinks, absolute and relative, to a file', async () => {
		const stat = statOf({'/bin/sh': link('busybox'), '/bin/busybox': file(), '/usr/bin/bash': link('/bin/real'), '/bin/real': file()});
		expect(await isExecutable(stat, '/bin/sh')).toBe(true);
		expect(await isExecutable(stat, '/usr/bin/bash')).toBe(true);
	});

	it('is false for a dangling or looping symlink', async () => {
		expect(await isExecutable(statOf({'/bin/sh': link('/nowhere')}), '/bin/sh')).toBe(false);
		expect(await isExecutable(statOf({'/a': link('/b'), '/b': link('/a')}), '/a')).toBe(false);
	});
});

/** An Engine that knows one container's inspect facts and files. */
function fakeEngine(options: {target?: Partial<ExecTarget>; files: Record<string, PathStat>; passwd?: string}): Engine {
	return {
		async execTarget() {
			return {name: 'web', state: 'running', user: '', path: ['/usr/bin', '/bin'], ...options.target};
		},
		async statPath(_id: string, path: string) {
			return options.files[path];
		},
		async readFile(_id: string, path: string) {
			return path === '/etc/passwd' && options.passwd !== undefined ? Buffer.from(options.passwd) : undefined;
		},
	} as unknown as Engine;
}

describe('chooseShell', () => {
	it('opens the user\'s login shell from /etc/passwd', async () => {
		const engine = fakeEngine({target: {user: 'app'}, passwd, files: {'/bin/zsh': file(), '/bin/bash': file(), '/bin/sh': file()}});
		expect(await chooseShell(engine, 'id')).toEqual({command: ['/bin/zsh'], source: 'login', user: 'app'});
	});

	it('falls back to /bin/bash, then /bin/sh, when the login shell is missing or none', async () => {
		expect((await chooseShell(fakeEngine({target: {user: 'app'}, passwd, files: {'/bin/bash': file(), '/bin/sh': file()}}), 'id')).command).toEqual(['/bin/bash']);
		expect((await chooseShell(fakeEngine({target: {user: 'daemon'}, passwd, files: {'/bin/sh': file()}}), 'id')).command).toEqual(['/bin/sh']);
		// No /etc/passwd at all (a scratch image with a static shell).
		expect((await chooseShell(fakeEngine({files: {'/bin/sh': file()}}), 'id'))).toEqual({command: ['/bin/sh'], source: 'fallback', user: 'root'});
	});

	it('prefers --shell when the container has it, and says so when it has not', async () => {
		const files = {'/usr/bin/fish': file(), '/bin/sh': file()};
		expect(await chooseShell(fakeEngine({passwd, files}), 'id', 'fish')).toEqual({command: ['/usr/bin/fish'], source: 'preferred', user: 'root'});
		const fallback = await chooseShell(fakeEngine({passwd, files: {'/bin/sh': file()}}), 'id', 'fish -l');
		expect(fallback.command).toEqual(['/bin/sh']);
		expect(fallback.note).toBe('no fish in web, using /bin/sh');
	});

	it('throws NoShellError naming what it tried when the container has no shell', async () => {
		const error = await chooseShell(fakeEngine({passwd, files: {'/bin/busybox': file()}}), 'id').catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(NoShellError);
		expect((error as Error).message).toBe('web has no shell: none of /bin/ash, /bin/bash, /bin/sh is there (--shell or the config can name one)');
	});
});

describe('splitCommandLine', () => {
	it.each<[string, string[]]>([
		['ls -la /tmp', ['ls', '-la', '/tmp']],
		['  spaced   out  ', ['spaced', 'out']],
		['echo "two  words" \'and $HOME\'', ['echo', 'two  words', 'and $HOME']],
		['echo "say \\"hi\\"" a\\ b', ['echo', 'say "hi"', 'a b']],
		['echo ""', ['echo', '']],
		['"/opt/my app/run" --flag=x', ['/opt/my app/run', '--flag=x']],
		['', []],
	])('%j is %j', (line, words) => {
		expect(splitCommandLine(line)).toEqual(words);
	});

	it('refuses an unmatched quote', () => {
		expect(() => splitCommandLine('echo "oops')).toThrow('unmatched " in the command');
	});
});
