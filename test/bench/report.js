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

export function markdownTable(results) {
	const lines = [
		'| size | first frame ms (median) | key→screen ms (median / p95) | idle CPU % | stats floor CPU % (streams) | RSS MB | idle bytes/s | bytes/key | bytes/scroll key |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const r of results) {
		const unanswered = r.keyUnanswered > 0 ? ` (${r.keyUnanswered}/${r.keyPresses} no answer)` : '';
		lines.push(`| ${r.size} | ${n0(r.firstFrameMedianMs)} | ${n1(r.keyFirstByteMs.median)} / ${n1(r.keyFirstByteMs.p95)}${unanswered} | ${n1(r.idleCpuPercent)} | ${n1(r.statsFloorCpuPercent)} (${r.floorStreams ?? '-'}) | ${n0(r.rssMb)} | ${n0(r.idleBytesPerSecond)} | ${n0(r.bytesPerKey)} | ${n0(r.bytesPerScrollKey)} |`);
	}

	return lines.join('\n');
}

export function writeJson(path, data) {
	mkdirSync(dirname(path), {recursive: true});
	writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
