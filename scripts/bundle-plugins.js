// What the bundle leaves out or loads late, shared by the build and the render benchmark.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

// A dependency's source with one rewrite applied; a rewrite that no longer matches fails the build,
// so a new version of the dependency cannot undo it unseen.
async function rewritten(path, rewrite, whenGone) {
	const source = await readFile(path, 'utf8');
	const patched = rewrite(source);
	if (patched === source) {
		throw new Error(whenGone);
	}

	return patched;
}

// Ink imports react-devtools-core only when DEV=true; it is not installed, and a bundle cannot leave the import dangling.
const stubDevtools = {
	name: 'stub-react-devtools-core',
	setup(builder) {
		builder.onResolve({filter: /^(react-devtools-core|ws)$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};', loader: 'js'}));
	},
};

// dockerode loads gRPC and protobufjs at start-up for BuildKit sessions (image builds), which tsdtop
// never starts: about a third of the bundle. They are replaced by a module that says so if ever used.
const stubBuildKit = {
	name: 'stub-buildkit-session',
	setup(builder) {
		builder.onResolve({filter: /^(@grpc\/grpc-js|@grpc\/proto-loader|protobufjs)$/}, args => ({path: args.path, namespace: 'unused'}));
		builder.onLoad({filter: /.*/, namespace: 'unused'}, args => ({
			contents: `const fail = () => { throw new Error('${'${args.path}'} is not bundled in tsdtop'); }; module.exports = new Proxy({}, {get: fail});`,
			loader: 'js',
		}));
	},
};

// docker-modem requires its ssh agent (and so ssh2, with native crypto) at load. tsdtop never uses
// it: ssh:// runs the system OpenSSH client (source/docker/ssh-tunnel.ts) and gives docker-modem a
// plain http.Agent. The require becomes a function that says so, and ssh2 is never loaded.
const noModemSsh = {
	name: 'no-docker-modem-ssh',
	setup(builder) {
		builder.onLoad({filter: /docker-modem[\\/]lib[\\/]modem\.js$/}, async args => ({
			contents: await rewritten(args.path, source => source.replace("ssh = require('./ssh'),", "ssh = function () { throw new Error('tsdtop reaches ssh:// Engines through the system ssh, not ssh2'); },"), 'docker-modem changed: update the ssh patch in scripts/bundle-plugins.js'),
			loader: 'js',
		}));
	},
};

// string-width, wrap-ansi, cli-truncate, slice-ansi, @alcalzone/ansi-tokenize and Ink's line-update
// build an ICU Intl.Segmenter (about 2.6 MB of RSS) when they load or are called. Each gets
// source/terminal/lazy-segmenter.ts instead, which cuts ASCII text itself and builds ICU's segmenter
// for the first text that is not ASCII (issue 15). A module that no longer has the pattern fails the
// build, so a new version cannot bring the segmenter back unseen.
const segmenterModules = /node_modules[\\/](?:string-width[\\/]index|wrap-ansi[\\/]index|cli-truncate[\\/]index|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|ink[\\/]build[\\/]line-update)\.js$/;
const lazySegmenterFile = fileURLToPath(new URL('../source/terminal/lazy-segmenter.ts', import.meta.url));
const lazySegmenter = {
	name: 'lazy-intl-segmenter',
	setup(builder) {
		builder.onLoad({filter: segmenterModules}, async args => {
			const patched = await rewritten(args.path, source => source.replaceAll('new Intl.Segmenter(', '__tsdtopSegmenter('), `${args.path} no longer builds \`new Intl.Segmenter(\`: update lazySegmenter in scripts/bundle-plugins.js`);
			return {contents: `import {lazySegmenter as __tsdtopSegmenter} from ${JSON.stringify(lazySegmenterFile)};\n${patched}`, loader: 'js'};
		});
	},
};

export const bundlePlugins = [stubDevtools, stubBuildKit, noModemSsh, lazySegmenter];
