import path from 'node:path';
import type {Engine, PathStat} from './engine.js';

/**
 * Which shell `e` opens in a container, found through the Engine API alone (no exec, no docker CLI):
 * the preferred one (--shell or the config) when the container has it, else the container user's
 * login shell from /etc/passwd, else /bin/bash, else /bin/sh.
 */
export type ShellChoice = {
	/** The command to exec: the shell's absolute path, then its arguments ("bash -l"). */
	readonly command: readonly string[];
	/** Where it came from, for the message: 'preferred', 'login' (from /etc/passwd) or 'fallback'. */
	readonly source: 'preferred' | 'login' | 'fallback';
	/** The user it runs as, as the person knows it ('root' when the image names none). */
	readonly user: string;
	/** Set when the preferred shell was not there and another was chosen. */
	readonly note?: string;
};

/** The container has none of the shells tried: a message, never a hang. */
export class NoShellError extends Error {}

export type PasswdEntry = {readonly name: string; readonly uid: number; readonly shell: string};

export function parsePasswd(text: string): PasswdEntry[] {
	const entries: PasswdEntry[] = [];
	for (const line of text.split('\n')) {
		const fields = line.trim().split(':');
		if (fields.length < 7 || line.startsWith('#') || line.startsWith('+') || line.startsWith('-')) {
			continue;
		}

		const uid = Number(fields[2]);
		if (Number.isInteger(uid)) {
			entries.push({name: fields[0]!, uid, shell: fields[6]!.trim()});
		}
	}

	return entries;
}

/** Config.User is '', 'name', 'uid', 'name:group' or 'uid:gid'; '' means root. */
export function findUser(entries: readonly PasswdEntry[], user: string): PasswdEntry | undefined {
	const who = user.split(':')[0]!.trim();
	if (who === '') {
		return entries.find(entry => entry.uid === 0);
	}

	return /^\d+$/.test(who) ? entries.find(entry => entry.uid === Number(who)) : entries.find(entry => entry.name === who);
}

// Login "shells" that refuse a session: a user with one of these gets the fallback instead.
const notShells = /\/(?:nologin|false|true|sync|halt|shutdown)$/;

/** The user's login shell from /etc/passwd, when it names a real one by absolute path. */
export function loginShell(passwd: string | undefined, user: string): string | undefined {
	if (passwd === undefined) {
		return undefined;
	}

	const shell = findUser(parsePasswd(passwd), user)?.shell;
	return shell?.startsWith('/') && !notShells.test(shell) ? shell : undefined;
}

/** Splits "bash -l" into ["bash", "-l"]. */
export function shellWords(command: string): string[] {
	return command.trim().split(/\s+/).filter(Boolean);
}

const defaultPath = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export type Candidate = {readonly file: string; readonly args: readonly string[]; readonly source: ShellChoice['source']};

/** The shells to try, in order, without duplicates. A bare preferred name is looked up along PATH. */
export function shellCandidates(options: {readonly preferred?: string; readonly login?: string; readonly path?: readonly string[]}): Candidate[] {
	const candidates: Candidate[] = [];
	const add = (file: string, args: readonly string[], source: Candidate['source']) => {
		if (!candidates.some(c => c.file === file && c.args.join(' ') === args.join(' '))) {
			candidates.push({file, args, source});
		}
	};

	if (options.preferred) {
		const [program, ...args] = shellWords(options.preferred);
		if (program?.startsWith('/')) {
			add(program, args, 'preferred');
		} else if (program) {
			for (const dir of options.path?.length ? options.path : defaultPath) {
				add(path.posix.join(dir, program), args, 'preferred');
			}
		}
	}

	if (options.login) {
		add(options.login, [], 'login');
	}

	add('/bin/bash', [], 'fallback');
	add('/bin/sh', [], 'fallback');
	return candidates;
}

// Go's os.FileMode type bits. `&` works on the low 32 bits, so bit 31 (a directory) tests correctly too.
const modeSymlink = 1 << 27;
// Directory, symlink, device, named pipe, socket, char device, irregular: anything but a plain file.
const modeType = (1 << 31) | modeSymlink | (1 << 26) | (1 << 25) | (1 << 24) | (1 << 21) | (1 << 19);

/** True when the path is (or links to) a plain file with an execute bit. */
export async function isExecutable(stat: (file: string) => Promise<PathStat | undefined>, file: string): Promise<boolean> {
	let current = file;
	for (let hop = 0; hop < 8; hop++) {
		// eslint-disable-next-line no-await-in-loop
		const info = await stat(current);
		if (!info) {
			return false;
		}

		if ((info.mode & modeSymlink) !== 0) {
			if (!info.linkTarget) {
				return false;
			}

			current = path.posix.resolve(path.posix.dirname(current), info.linkTarget);
			continue;
		}

		return (info.mode & modeType) === 0 && (info.mode & 0o111) !== 0;
	}

	return false;
}

/** Chooses the shell for `e` in a running container, or throws NoShellError naming what was tried. */
export async function chooseShell(engine: Engine, id: string, preferred?: string): Promise<ShellChoice> {
	const target = await engine.execTarget(id);
	// /etc/passwd may be missing (scratch images) or huge (rare); the first 1 MiB is plenty.
	const passwd = (await engine.readFile(id, '/etc/passwd', 1024 * 1024).catch(() => undefined))?.toString('utf8');
	const login = loginShell(passwd, target.user);
	const candidates = shellCandidates({preferred, login, path: target.path});
	// Asked all at once: each is one HEAD request, and a remote Engine makes them slow one by one.
	const found = await Promise.all(candidates.map(async candidate => isExecutable(async file => engine.statPath(id, file), candidate.file)));
	const index = found.indexOf(true);
	const user = target.user === '' ? 'root' : target.user;
	if (index === -1) {
		const tried = [...new Set(candidates.map(c => c.file))].join(', ');
		throw new NoShellError(`${target.name} has no shell: none of ${tried} is there (--shell or the config can name one)`);
	}

	const chosen = candidates[index]!;
	const note = preferred && chosen.source !== 'preferred' ? `no ${shellWords(preferred)[0]!} in ${target.name}, using ${chosen.file}` : undefined;
	return {command: [chosen.file, ...chosen.args], source: chosen.source, user, ...(note ? {note} : {})};
}

/**
 * Splits a command line into words the way a POSIX shell would quote them: 'single' quotes keep
 * everything, "double" quotes allow \" \\ \$ \`, a backslash outside quotes keeps the next character.
 * For E in a container with no shell, where nothing else would split it. Throws on an open quote.
 */
export function splitCommandLine(line: string): string[] {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '\'' | '"' | undefined;
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (quote === '\'') {
			if (char === '\'') {
				quote = undefined;
			} else {
				word += char;
			}
		} else if (quote === '"') {
			if (char === '"') {
				quote = undefined;
			} else if (char === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
				word += line[++i];
			} else {
				word += char;
			}
		} else if (char === '\'' || char === '"') {
			quote = char;
			inWord = true;
		} else if (char === '\\' && i + 1 < line.length) {
			word += line[++i];
			inWord = true;
		} else if (/\s/.test(char)) {
			if (inWord) {
				words.push(word);
				word = '';
				inWord = false;
			}
		} else {
			word += char;
			inWord = true;
		}
	}

	if (quote) {
		throw new Error(`unmatched ${quote} in the command`);
	}

	if (inWord) {
		words.push(word);
	}

	return words;
}
