// The results table (markdown), the machine line, and the JSON file.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus} from 'node:os';
import {dirname} from 'node:path';

/** nproc, CPU model, Node version and Engine version, for the line under the table. */
export async function describeMachine(docker) {
	let cpuModel = cpus()[0]?.model;
	try {
		cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
	} catch {}

	let engine;
	try {
		const version = await docker.version();
		engine = {version: version.Version, apiVersion: version.ApiVersion};
	} catch (error) {
		engine = {error: error.message};
	}

	return {nproc: cpus().length, cpuModel: cpuModel ?? 'unknown', node: process.version, engine};
}

export function machineLine(machine) {
	const engine = machine.engine.version ? `Docker Engine ${machine.engine.version} (API ${machine.engine.apiVersion})` : `Engine unknown (${machine.engine.error})`;
	return `Machine: nproc ${machine.nproc}, ${machine.cpuModel}, Node ${machine.node}, ${engine}`;
}

const n0 = value => (value === undefined || value === null ? '-' : value.toFixed(0));
const n1 = value => (value === undefined || value === null ? '-' : value.toFixed(1));

const pair = (a, b, format) => `${format(a)} / ${format(b)}`;
const spread = ({median, min, max}) => `${n1(median)} (${n1(min)}-${n1(max)})`;

/** One row a size; each cell names its parts in the header (see run.js for what each measures). */
export function markdownTable(results) {
	const lines = [
		'| size | first frame ms (cold / median) | first key answered ms (cold / median) | select key ms (median / p95) | scroll key ms (median / p95) | tmux key ms (median / p95) | tmux floor ms (median / p95) | idle CPU % (median, min-max) | stats floor CPU % (median, min-max; streams) | Engine CPU % (idle / no client) | realistic idle CPU % (busy) | RSS MB (idle / realistic) | idle bytes/s (quiet / realistic) | bytes/key | bytes/scroll key |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const r of results) {
		const missing = ({frameMs, presses}) => (frameMs.count < presses ? ` (${presses - frameMs.count}/${presses} no answer)` : '');
		const cells = [
			r.size,
			pair(r.cold.firstFrameMs, r.firstFrameMedianMs, n0),
			pair(r.cold.firstKeyMs, r.firstKeyMedianMs, n0),
			pair(r.selectKey.frameMs.median, r.selectKey.frameMs.p95, n1) + missing(r.selectKey),
			pair(r.scrollKey.frameMs.median, r.scrollKey.frameMs.p95, n1) + missing(r.scrollKey),
			pair(r.tmuxKey.median, r.tmuxKey.p95, n1) + (r.tmuxKey.count < r.tmuxKey.presses ? ` (${r.tmuxKey.presses - r.tmuxKey.count}/${r.tmuxKey.presses} not seen)` : ''),
			r.tmuxFloor ? pair(r.tmuxFloor.median, r.tmuxFloor.p95, n1) : '-',
			spread(r.idle.cpuPercent),
			`${spread(r.statsFloor.cpuPercent)}; ${r.statsFloor.streams}`,
			pair(r.engine.cpuPercent, r.engine.aloneCpuPercent, n1),
			`${n1(r.realistic.cpuPercent)} (${r.realistic.busy})`,
			pair(r.idle.rssMb, r.realistic.rssMb, n0),
			pair(r.idle.bytesPerSecond, r.realistic.bytesPerSecond, n0),
			n0(r.bytesPerKey),
			n0(r.bytesPerScrollKey),
		];
		lines.push(`| ${cells.join(' | ')} |`);
	}

	return lines.join('\n');
}

/**
 * With --go-peer: one row a program a size, from the same run: the tmux key (the selected row
 * read from tmux's capture), the idle CPU (median of the quiet windows) and RSS of its process tree.
 */
export function peerTable(results, command) {
	const lines = [
		'| size | program | tmux key ms (median / p95) | keys seen | idle CPU % (median, min-max) | RSS MB |',
		'|---:|---|---:|---:|---:|---:|',
	];
	const seen = key => `${key.count}/${key.presses}`;
	for (const r of results) {
		if (r.tmuxFloor) {
			lines.push(`| ${r.size} | floor (floor.c) | ${pair(r.tmuxFloor.median, r.tmuxFloor.p95, n1)} | ${seen(r.tmuxFloor)} | - | - |`);
		}

		for (const peer of r.peers) {
			lines.push(`| ${r.size} | ${peer.name} (Go) | ${pair(peer.tmuxKey.median, peer.tmuxKey.p95, n1)} | ${seen(peer.tmuxKey)} | ${spread(peer.idle.cpuPercent)} | ${n0(peer.idle.rssMb)} |`);
		}

		lines.push(`| ${r.size} | ${command} | ${pair(r.tmuxKey.median, r.tmuxKey.p95, n1)} | ${seen(r.tmuxKey)} | ${spread(r.idle.cpuPercent)} | ${n0(r.idle.rssMb)} |`);
	}

	return lines.join('\n');
}

export function writeJson(path, data) {
	mkdirSync(dirname(path), {recursive: true});
	writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
