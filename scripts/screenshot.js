#!/usr/bin/env node
// Makes the readme screenshots from a real run: starts the private Engine (test/engine/engine.sh),
// creates a small demo set of containers (label tsdtop.demo=1), runs `tsdtop --all` in tmux at
// 110x24, and turns `tmux capture-pane -e` output into SVG files that look like a dark terminal.
//
//   node scripts/screenshot.js [--keep] [--private-engine | --shared-engine] [--build]
//   node scripts/screenshot.js --svg-only
//
//   --keep            leave the demo containers (and an engine this script started) running
//   --private-engine  use a separate Engine under /tmp/tsdtop-shot (stopped again if this started it), so
//                     other people's test or bench containers cannot show up in the picture
//   --shared-engine   use /tmp/tsdtop-engine even if it holds other containers
//                     (default: shared engine, or the private one when the shared one is not empty)
//   --build           rebuild dist/tsdtop.js first (default: only when it is missing)
//   --svg-only        only redraw the SVGs from the media/*.ansi.txt captures (no Engine, no tmux)
//
// Writes media/tsdtop-containers.svg, media/tsdtop-containers.ansi.txt, media/tsdtop-confirm.svg and
// media/tsdtop-confirm.ansi.txt, and media/tsdtop-containers.png when rsvg-convert (librsvg2-bin) is
// installed and the PNG stays under 200 KB. Never confirms anything in tsdtop: the dialog is
// cancelled with Escape. Needs root (for the Engine) and tmux; engine.sh builds the test image.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import Docker from 'dockerode';
import stringWidth from 'string-width';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mediaDir = path.join(root, 'media');
const image = 'tsdtop-test/busybox:latest';
const demoLabel = 'tsdtop.demo';
const sharedEngineDir = process.env.TSDTOP_ENGINE_DIR ?? '/tmp/tsdtop-engine';
const privateEngineDir = '/tmp/tsdtop-shot';
const tmuxSocket = 'tsdtop-shot';
const columns = 110;
const rows = 24;

const usage = 'usage: node scripts/screenshot.js [--keep] [--private-engine | --shared-engine] [--build] | --svg-only';
const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const args = new Set(isMain ? process.argv.slice(2) : []);
for (const arg of args) {
	if (!['--keep', '--private-engine', '--shared-engine', '--build', '--svg-only', '--help', '-h'].includes(arg)) {
		fail(`unknown option ${arg}\n${usage}`);
	}
}

if (args.has('--help') || args.has('-h')) {
	console.log(usage);
	process.exit(0);
}

const keep = args.has('--keep');

function log(message) {
	console.error(`screenshot: ${message}`);
}

function fail(message) {
	log(message);
	process.exit(1);
}

const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

// ---------------------------------------------------------------------------------------------
// Engine and demo containers
// ---------------------------------------------------------------------------------------------

function engineRunning(dir) {
	return spawnSync('bash', ['test/engine/engine.sh', 'status'], {cwd: root, env: {...process.env, TSDTOP_ENGINE_DIR: dir}, stdio: 'ignore'}).status === 0;
}

function startEngine(dir) {
	const result = spawnSync('bash', ['test/engine/engine.sh', 'start'], {cwd: root, env: {...process.env, TSDTOP_ENGINE_DIR: dir}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
	if (result.status !== 0) {
		fail(`could not start the Engine in ${dir} (bash test/engine/engine.sh start exited ${result.status})`);
	}

	return result.stdout.trim();
}

function stopEngine(dir) {
	spawnSync('bash', ['test/engine/engine.sh', 'stop'], {cwd: root, env: {...process.env, TSDTOP_ENGINE_DIR: dir}, stdio: ['ignore', 'ignore', 'inherit']});
}

async function removeDemo(docker) {
	const list = await docker.listContainers({all: true, filters: {label: [demoLabel]}});
	await Promise.all(list.map(async c => docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
	return list.length;
}

async function otherContainers(docker) {
	const list = await docker.listContainers({all: true});
	return list.filter(c => !(c.Labels && demoLabel in c.Labels));
}

// A shell loop that exits at once on SIGTERM (busybox sleep as PID 1 would ignore it for 10 s).
const idle = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'];
// Holds some memory so MEM is not the same few hundred KiB everywhere: a shell variable of `mb` MB.
const holding = mb => ['sh', '-c', `trap "exit 0" TERM; x=$(head -c ${mb}000000 /dev/zero | tr '\\0' x); while :; do sleep 1; done`];
// Burns a little CPU: a busy loop of a few thousand steps, then a rest, forever.
const busy = steps => ['sh', '-c', `trap "exit 0" TERM; while :; do i=0; while [ $i -lt ${steps} ]; do i=$((i+1)); done; sleep 1; done`];

const compose = (service, number = 1) => ({
	'com.docker.compose.project': 'shop',
	'com.docker.compose.service': service,
	'com.docker.compose.container-number': String(number),
});

// In creation order; `then` says what happens after start.
const demo = [
	{name: 'shop-db', cmd: holding(48), labels: compose('db')},
	{name: 'shop-api', cmd: busy(20_000), labels: compose('api')},
	{name: 'shop-web-1', cmd: busy(4000), labels: compose('web', 1)},
	{name: 'shop-web-2', cmd: busy(3000), labels: compose('web', 2)},
	{name: 'metrics', cmd: holding(12)},
	{name: 'cache', cmd: holding(24)},
	{name: 'batch-worker', cmd: idle, then: 'pause'},
	{name: 'migrate-once', cmd: ['sh', '-c', 'exit 1'], then: 'exit'},
	{name: 'backup-nightly', cmd: ['sh', '-c', 'exit 0'], then: 'exit'},
];

let stopping = false;

async function createDemo(docker) {
	for (const spec of demo) {
		if (stopping) {
			throw new Error('interrupted');
		}

		// eslint-disable-next-line no-await-in-loop
		const container = await docker.createContainer({
			name: spec.name,
			Image: image,
			Cmd: spec.cmd,
			Labels: {[demoLabel]: '1', ...spec.labels},
			StopTimeout: 2,
			HostConfig: {NetworkMode: 'none'},
		});
		// eslint-disable-next-line no-await-in-loop
		await container.start();
		if (spec.then === 'pause') {
			// eslint-disable-next-line no-await-in-loop
			await container.pause();
		} else if (spec.then === 'exit') {
			// eslint-disable-next-line no-await-in-loop
			await container.wait();
		}
	}
}

// ---------------------------------------------------------------------------------------------
// tmux
// ---------------------------------------------------------------------------------------------

function tmux(...tmuxArgs) {
	return execFileSync('tmux', ['-L', tmuxSocket, ...tmuxArgs], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

function shellQuote(value) {
	return `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}

function startTmux(session, host, workDir) {
	const conf = path.join(workDir, 'tmux.conf');
	writeFileSync(conf, 'set -g status off\nset -g escape-time 10\nset -g remain-on-exit on\n');
	try {
		// A server left over on this socket does not read the config file again.
		tmux('source-file', conf);
	} catch {}

	const command = ['env', '-u', 'NO_COLOR', '-u', 'FORCE_COLOR', '-u', 'COLORTERM', `DOCKER_HOST=${host}`, 'TERM=xterm-256color',
		process.execPath, path.join(root, 'dist/tsdtop.js'), '--all'].map(a => shellQuote(a)).join(' ');
	tmux('-f', conf, 'new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', root, command);
}

const screen = session => tmux('capture-pane', '-p', '-t', session);
// -N keeps trailing spaces: without it tmux drops the inverse blanks at the end of the selected row.
const screenWithAttributes = session => tmux('capture-pane', '-p', '-e', '-N', '-t', session);
const press = (session, ...keys) => {
	for (const key of keys) {
		tmux('send-keys', '-t', session, key);
	}
};

async function waitFor(session, check, what, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = screen(session);
		if (check(text)) {
			return text;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(100);
	}
}

// ---------------------------------------------------------------------------------------------
// ANSI (tmux capture-pane -e) to SVG
// ---------------------------------------------------------------------------------------------

// A dark theme (close to VS Code's Dark+ terminal colours).
const theme = {
	background: '#1e1e1e',
	foreground: '#d4d4d4',
	chrome: '#2d2d2d',
	palette: [
		'#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
		'#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
	],
};

function xterm256(n) {
	if (n < 16) {
		return theme.palette[n];
	}

	if (n < 232) {
		const steps = [0, 95, 135, 175, 215, 255];
		const v = n - 16;
		return hex(steps[Math.floor(v / 36)], steps[Math.floor(v / 6) % 6], steps[v % 6]);
	}

	const level = 8 + ((n - 232) * 10);
	return hex(level, level, level);
}

function hex(r, g, b) {
	return `#${[r, g, b].map(v => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a, b, amount) {
	const parse = c => [1, 3, 5].map(i => Number.parseInt(c.slice(i, i + 2), 16));
	const [x, y] = [parse(a), parse(b)];
	return hex(...x.map((v, i) => Math.round((v * (1 - amount)) + (y[i] * amount))));
}

const plain = () => ({fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false, hidden: false});

/** Applies one SGR parameter list (the part between `ESC [` and `m`) to `style`. */
function applySgr(style, parameterText) {
	// Colon sub-parameters (38:2::r:g:b, 4:3) are folded into the semicolon form.
	const parts = parameterText === '' ? [0] : parameterText.split(';').flatMap(p => {
		if (!p.includes(':')) {
			return [p === '' ? 0 : Number(p)];
		}

		const sub = p.split(':').map(s => (s === '' ? undefined : Number(s)));
		if ((sub[0] === 38 || sub[0] === 48 || sub[0] === 58) && sub[1] === 2) {
			return [sub[0], 2, ...sub.slice(-3).map(v => v ?? 0)];
		}

		return sub.map(v => v ?? 0).slice(0, sub[0] === 4 ? 1 : undefined).map((v, i) => (sub[0] === 4 && i === 0 && sub[1] === 0 ? 24 : v));
	});
	for (let i = 0; i < parts.length; i++) {
		const p = parts[i];
		if (p === 0) {
			Object.assign(style, plain());
		} else if (p === 1) {
			style.bold = true;
		} else if (p === 2) {
			style.dim = true;
		} else if (p === 3) {
			style.italic = true;
		} else if (p === 4 || p === 21) {
			style.underline = true;
		} else if (p === 7) {
			style.inverse = true;
		} else if (p === 8) {
			style.hidden = true;
		} else if (p === 9) {
			style.strike = true;
		} else if (p === 22) {
			style.bold = false;
			style.dim = false;
		} else if (p === 23) {
			style.italic = false;
		} else if (p === 24) {
			style.underline = false;
		} else if (p === 27) {
			style.inverse = false;
		} else if (p === 28) {
			style.hidden = false;
		} else if (p === 29) {
			style.strike = false;
		} else if (p >= 30 && p <= 37) {
			style.fg = theme.palette[p - 30];
		} else if (p === 39) {
			style.fg = undefined;
		} else if (p >= 40 && p <= 47) {
			style.bg = theme.palette[p - 40];
		} else if (p === 49) {
			style.bg = undefined;
		} else if (p >= 90 && p <= 97) {
			style.fg = theme.palette[p - 90 + 8];
		} else if (p >= 100 && p <= 107) {
			style.bg = theme.palette[p - 100 + 8];
		} else if (p === 38 || p === 48 || p === 58) {
			let color;
			if (parts[i + 1] === 5) {
				color = xterm256(parts[i + 2] ?? 0);
				i += 2;
			} else if (parts[i + 1] === 2) {
				color = hex(parts[i + 2] ?? 0, parts[i + 3] ?? 0, parts[i + 4] ?? 0);
				i += 4;
			}

			if (p === 38) {
				style.fg = color;
			} else if (p === 48) {
				style.bg = color;
			}
		}
		// Anything else (blink, fonts, overline, underline colour) does not show in a still picture.
	}
}

/** Splits captured lines into runs of cells with the same attributes: [{col, width, text, style}]. */
export function parseAnsi(text) {
	const lines = text.replace(/\n$/, '').split('\n');
	const style = plain();
	return lines.map(line => {
		const runs = [];
		let col = 0;
		let current;
		const key = s => JSON.stringify(s);
		// eslint-disable-next-line no-control-regex
		const tokens = line.match(/\u001B\[[0-9;:?<>=]*[ -/]*[@-~]|\u001B[\]P_^X][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B.|[^\u001B]+/gu) ?? [];
		for (const token of tokens) {
			if (token.startsWith('\u001B')) {
				if (/^\u001B\[[0-9;:]*m$/u.test(token)) {
					applySgr(style, token.slice(2, -1));
				}

				// Other escape sequences (cursor moves, OSC titles, hyperlinks) draw nothing.
				continue;
			}

			for (const char of token.replaceAll('\t', ' ')) {
				// eslint-disable-next-line no-control-regex
				if (/[\u0000-\u001F\u007F]/u.test(char)) {
					continue;
				}

				const width = stringWidth(char);
				if (width === 0 && current) {
					current.text += char; // Combining mark: stays with the cell before.
					continue;
				}

				if (!current || current.key !== key(style)) {
					current = {col, width: 0, text: '', style: {...style}, key: key(style)};
					runs.push(current);
				}

				current.text += char;
				current.width += width;
				col += width;
			}
		}

		return runs;
	});
}

// Box-drawing characters as the arms they have from the cell centre: up, right, down, left; `round`
// marks (with ~) the rounded corners ╭╮╯╰ that Ink's round borders use. Light and heavy lines only.
const boxArms = new Map([
	['\u2500', 'rl'], ['\u2501', 'rl'], ['\u2502', 'ud'], ['\u2503', 'ud'],
	['\u250C', 'rd'], ['\u250F', 'rd'], ['\u2510', 'ld'], ['\u2513', 'ld'],
	['\u2514', 'ur'], ['\u2517', 'ur'], ['\u2518', 'ul'], ['\u251B', 'ul'],
	['\u251C', 'udr'], ['\u2523', 'udr'], ['\u2524', 'udl'], ['\u252B', 'udl'],
	['\u252C', 'rld'], ['\u2533', 'rld'], ['\u2534', 'rlu'], ['\u253B', 'rlu'],
	['\u253C', 'udrl'], ['\u254B', 'udrl'],
	['\u2574', 'l'], ['\u2575', 'u'], ['\u2576', 'r'], ['\u2577', 'd'],
	['\u256D', '~rd'], ['\u256E', '~ld'], ['\u256F', '~ul'], ['\u2570', '~ur'],
]);

/** SVG path data for a box-drawing character in the cell at (left, top), or undefined for others. */
function boxPath(char, left, top, w, h) {
	const arms = boxArms.get(char);
	if (arms === undefined) {
		return undefined;
	}

	const n = v => Number(v.toFixed(2));
	const cx = n(left + (w / 2));
	const cy = n(top + (h / 2));
	if (arms.startsWith('~')) {
		const dx = arms.includes('r') ? 1 : -1;
		const dy = arms.includes('d') ? 1 : -1;
		const r = n(w / 2);
		return `M${n(cx + (dx * w / 2))} ${cy}A${r} ${r} 0 0 ${dx * dy > 0 ? 0 : 1} ${cx} ${n(cy + (dy * r))}V${n(cy + (dy * h / 2))}`;
	}

	let d = '';
	if (arms.includes('l') || arms.includes('r')) {
		d += `M${arms.includes('l') ? n(left) : cx} ${cy}H${arms.includes('r') ? n(left + w) : cx}`;
	}

	if (arms.includes('u') || arms.includes('d')) {
		d += `M${cx} ${arms.includes('u') ? n(top) : cy}V${arms.includes('d') ? n(top + h) : cy}`;
	}

	return d;
}

function escapeXml(text) {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\'', '&apos;');
}

/** The SVG of a captured screen of `width` x `height` cells. */
export function ansiToSvg(text, {width = columns, height = rows, title = 'tsdtop'} = {}) {
	const font = 14;
	const cellW = 8.43; // 0.602 em: the advance of DejaVu Sans Mono, Menlo, Consolas and most others.
	const cellH = 19;
	const padX = 16;
	const top = 40; // Title bar.
	const padBottom = 14;
	const svgW = Math.ceil((padX * 2) + (width * cellW));
	const svgH = Math.ceil(top + (height * cellH) + padBottom);
	const x = col => (padX + (col * cellW)).toFixed(2);
	const backgrounds = [];
	const texts = [];
	const boxes = [];
	const lines = parseAnsi(text).slice(0, height);
	for (const [row, runs] of lines.entries()) {
		const y = top + (row * cellH);
		const lineTexts = [];
		for (const run of runs) {
			const s = run.style;
			let fg = s.fg ?? theme.foreground;
			let bg = s.bg;
			if (s.inverse) {
				[fg, bg] = [bg ?? theme.background, fg];
			}

			if (s.dim) {
				fg = mix(fg, bg ?? theme.background, 0.45);
			}

			if (bg !== undefined) {
				backgrounds.push(`<rect x="${x(run.col)}" y="${y}" width="${(run.width * cellW).toFixed(2)}" height="${cellH}" fill="${bg}"/>`);
			}

			if (s.hidden || run.text.trim() === '') {
				continue;
			}

			const attributes = [];
			if (fg !== theme.foreground) {
				attributes.push(`fill="${fg}"`);
			}

			if (s.bold) {
				attributes.push('font-weight="bold"');
			}

			if (s.italic) {
				attributes.push('font-style="italic"');
			}

			const decorations = [s.underline && 'underline', s.strike && 'line-through'].filter(Boolean);
			if (decorations.length > 0) {
				attributes.push(`text-decoration="${decorations.join(' ')}"`);
			}

			// Box-drawing characters become lines that join from row to row, as in a terminal; the
			// rest is text in pieces between them, without leading and trailing spaces, each placed on
			// its cells by x and textLength.
			let col = run.col;
			let piece = '';
			let pieceCol = col;
			let box = '';
			const flush = () => {
				const body = piece.trimEnd();
				const leading = body.length - body.trimStart().length;
				if (body.trim() !== '') {
					const at = pieceCol + stringWidth(body.slice(0, leading));
					const text = body.trimStart();
					lineTexts.push(`<tspan x="${x(at)}" textLength="${(stringWidth(text) * cellW).toFixed(2)}"${attributes.map(a => ` ${a}`).join('')}>${escapeXml(text)}</tspan>`);
				}

				piece = '';
			};

			for (const char of run.text) {
				const path = boxPath(char, padX + (col * cellW), y, cellW, cellH);
				if (path === undefined) {
					if (piece === '') {
						pieceCol = col;
					}

					piece += char;
				} else {
					flush();
					box += path;
				}

				col += stringWidth(char);
			}

			flush();
			if (box !== '') {
				const heavy = /[\u2501\u2503\u250F\u2513\u2517\u251B\u2523\u252B\u2533\u253B\u254B]/u.test(run.text);
				boxes.push(`<path d="${box}" stroke="${fg}" stroke-width="${heavy ? 2.4 : 1.2}"/>`);
			}
		}

		if (lineTexts.length > 0) {
			texts.push(`<text y="${(y + (cellH * 0.76)).toFixed(2)}" xml:space="preserve">${lineTexts.join('')}</text>`);
		}
	}

	const dots = ['#ff5f57', '#febc2e', '#28c840'].map((c, i) => `<circle cx="${22 + (i * 20)}" cy="16" r="6" fill="${c}"/>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${svgW}" height="${svgH}" viewBox="0 0 ${svgW} ${svgH}" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<rect width="${svgW}" height="${svgH}" rx="8" fill="${theme.background}"/>
<path d="M0 8a8 8 0 0 1 8-8h${svgW - 16}a8 8 0 0 1 8 8v24h-${svgW}z" fill="${theme.chrome}"/>
${dots}
<text x="${svgW / 2}" y="20.5" text-anchor="middle" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="12" fill="#9d9d9d">${escapeXml(title)}</text>
<g shape-rendering="crispEdges">
${backgrounds.join('\n')}
</g>
<g fill="none" stroke-linecap="square">
${boxes.join('\n')}
</g>
<g font-family="ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace" font-size="${font}" fill="${theme.foreground}">
${texts.join('\n')}
</g>
</svg>
`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
	if (args.has('--build') || !existsSync(path.join(root, 'dist/tsdtop.js'))) {
		log('building dist/tsdtop.js');
		execFileSync(process.execPath, ['scripts/build.js'], {cwd: root, stdio: ['ignore', 'inherit', 'inherit']});
	}

	let engineDir = args.has('--private-engine') ? privateEngineDir : sharedEngineDir;
	let wasRunning = engineRunning(engineDir);
	let host = startEngine(engineDir);
	let docker = new Docker({socketPath: host.replace(/^unix:\/\//, '')});
	if (!args.has('--private-engine') && !args.has('--shared-engine')) {
		const others = await otherContainers(docker);
		if (others.length > 0) {
			log(`${others.length} other container(s) on ${host} would show in the picture; using a separate Engine in ${privateEngineDir} (--shared-engine to use it anyway)`);
			engineDir = privateEngineDir;
			wasRunning = engineRunning(engineDir);
			host = startEngine(engineDir);
			docker = new Docker({socketPath: host.replace(/^unix:\/\//, '')});
		}
	}

	const workDir = mkdtempSync(path.join(tmpdir(), 'tsdtop-shot-'));
	const session = `shot-${process.pid}`;
	let cleaned;
	let creating;
	const cleanup = async () => {
		cleaned ??= (async () => {
			stopping = true;
			await creating?.catch(() => undefined); // Stops at the next container; then all go.
			try {
				tmux('kill-session', '-t', session);
			} catch {}

			rmSync(workDir, {recursive: true, force: true});
			if (keep) {
				log(`kept the demo containers on ${host} (remove them with: docker -H ${host} rm -f $(docker -H ${host} ps -aq --filter label=${demoLabel}))`);
			} else {
				await removeDemo(docker);
				if (engineDir === privateEngineDir && !wasRunning) {
					stopEngine(engineDir);
				}
			}
		})();
		return cleaned;
	};

	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => {
			log(`${signal}; cleaning up`);
			void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}

	mkdirSync(mediaDir, {recursive: true});
	try {
		const removed = await removeDemo(docker);
		if (removed > 0) {
			log(`removed ${removed} demo container(s) from an earlier run`);
		}

		log(`creating ${demo.length} demo containers on ${host}`);
		creating = createDemo(docker);
		await creating;
		startTmux(session, host, workDir);
		const names = demo.map(d => d.name);
		await waitFor(session, s => names.every(n => s.includes(n)), 'the demo containers on screen');
		log('containers on screen; waiting for CPU figures');
		// Non-zero CPU on the busy row: a figure such as 3.2% or 12%, not 0.0%.
		await waitFor(session, s => /shop-api.*\s(?:0\.[1-9]|[1-9]\d*(?:\.\d)?)%/.test(s), 'CPU figures for shop-api', 30_000);
		await sleep(6000);

		// Two rows down, then mark that row (Space also moves on to the next one).
		press(session, 'j', 'j');
		await sleep(300);
		press(session, 'Space');
		await sleep(1500);
		const containers = screenWithAttributes(session);
		writeShot('tsdtop-containers', containers, {png: true});

		// The removal dialog, then cancel it: Escape means no. Nothing is ever confirmed.
		press(session, 'D');
		await waitFor(session, s => /Remove \d+ containers?\?/.test(s) && s.includes('cancel'), 'the removal dialog', 5000);
		await sleep(800);
		const confirm = screenWithAttributes(session);
		press(session, 'Escape');
		writeShot('tsdtop-confirm', confirm);
		await waitFor(session, s => s.includes('shop-api') && !/Remove \d+ containers?\?/.test(s), 'the list after cancelling', 5000);
		const left = await docker.listContainers({all: true, filters: {label: [demoLabel]}});
		if (left.length !== demo.length) {
			log(`warning: ${left.length} of ${demo.length} demo containers left after cancelling the dialog`);
		}

		press(session, 'q');
		const deadline = Date.now() + 5000;
		while (tmux('display-message', '-p', '-t', session, '#{pane_dead}').trim() !== '1') {
			if (Date.now() > deadline) {
				log('warning: tsdtop did not quit within 5 s of q');
				break;
			}

			// eslint-disable-next-line no-await-in-loop
			await sleep(100);
		}
	} finally {
		await cleanup();
	}
}

/** Writes media/NAME.ansi.txt and media/NAME.svg, and with `png` also media/NAME.png when rsvg-convert is there and the file stays small. */
function writeShot(name, capture, {png = false} = {}) {
	const svgPath = path.join(mediaDir, `${name}.svg`);
	writeFileSync(path.join(mediaDir, `${name}.ansi.txt`), capture);
	writeFileSync(svgPath, ansiToSvg(capture, {title: 'tsdtop --all'}));
	log(`wrote media/${name}.svg and media/${name}.ansi.txt`);
	if (png) {
		writePng(name, svgPath);
	}
}

const pngLimit = 200 * 1024;

function writePng(name, svgPath) {
	const pngPath = path.join(mediaDir, `${name}.png`);
	const temporary = `${pngPath}.tmp`;
	const result = spawnSync('rsvg-convert', [svgPath, '-o', temporary], {stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
	if (result.error || result.status !== 0) {
		rmSync(temporary, {force: true});
		log(`no PNG: rsvg-convert ${result.error ? 'not found (apt-get install -y librsvg2-bin)' : `failed: ${result.stderr.trim()}`}`);
		return;
	}

	const size = statSync(temporary).size;
	if (size > pngLimit) {
		rmSync(temporary, {force: true});
		log(`no PNG: it would be ${Math.round(size / 1024)} KB (over ${pngLimit / 1024} KB)`);
		return;
	}

	renameSync(temporary, pngPath);
	log(`wrote media/${name}.png (${Math.round(size / 1024)} KB)`);
}

/** --svg-only: redraws the SVGs from the .ansi.txt captures already in media/, without a run. */
function svgOnly() {
	for (const name of ['tsdtop-containers', 'tsdtop-confirm']) {
		const capture = readFileSync(path.join(mediaDir, `${name}.ansi.txt`), 'utf8');
		const svgPath = path.join(mediaDir, `${name}.svg`);
		writeFileSync(svgPath, ansiToSvg(capture, {title: 'tsdtop --all'}));
		log(`wrote media/${name}.svg from media/${name}.ansi.txt`);
		if (name === 'tsdtop-containers') {
			writePng(name, svgPath);
		}
	}
}

// Run only as a script, so that tests or other scripts can import parseAnsi and ansiToSvg.
if (isMain) {
	if (args.has('--svg-only')) {
		svgOnly();
	} else {
		await main().catch(error => {
			fail(error instanceof Error ? error.message : String(error));
		});
	}
}
