// Reads CPU time and memory of processes from /proc (Linux only).
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, readlinkSync} from 'node:fs';

let ticksPerSecond;
function clockTicks() {
	if (ticksPerSecond === undefined) {
		try {
			ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
		} catch {
			ticksPerSecond = 100;
		}
	}

	return ticksPerSecond;
}

/** The fields of /proc/PID/stat after the command name; fields[0] is field 3 (state) of proc(5). */
function statFields(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system, all threads, not waited-for children) the process has used so far. */
export function cpuSeconds(pid) {
	const fields = statFields(pid);
	// Fields 14 (utime) and 15 (stime) of proc(5).
	return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** Like cpuSeconds, plus the children it has waited for (fields 16, 17): a child that ran and was reaped counts. */
function cpuWithReaped(pid) {
	const fields = statFields(pid);
	return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / clockTicks();
}

/** Resident set size in MB (VmRSS), or undefined if the process is gone. */
export function rssMb(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
		return match ? Number(match[1]) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** Open sockets of a process (its Engine connections, for a program that talks to nothing else). */
export function openSockets(pid) {
	try {
		return readdirSync(`/proc/${pid}/fd`).filter(fd => {
			try {
				return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
			} catch {
				return false;
			}
		}).length;
	} catch {
		return undefined;
	}
}

/** Every live process as [pid, ppid]; processes that vanish while being read are left out. */
function allProcesses() {
	const list = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) {
			continue;
		}

		try {
			list.push([Number(name), Number(statFields(name)[1])]);
		} catch {}
	}

	return list;
}

/**
 * The process and all its descendants (pids). A wrapper that does not exec (`sh -c 'peer; ...'`,
 * a script that starts the real program) is measured with what it runs; so is ssh under tsdtop.
 */
export function processTree(rootPid) {
	const children = new Map();
	for (const [pid, ppid] of allProcesses()) {
		if (!children.has(ppid)) {
			children.set(ppid, []);
		}

		children.get(ppid).push(pid);
	}

	const tree = [];
	const queue = [rootPid];
	while (queue.length > 0) {
		const pid = queue.shift();
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}

	return tree;
}

/**
 * CPU seconds per process of the tree under `rootPid`, children it reaped included (a short-lived
 * child that ran and exited inside a window shows up in its parent's count).
 */
export function treeCpu(rootPid) {
	const cpu = new Map();
	for (const pid of processTree(rootPid)) {
		try {
			cpu.set(pid, cpuWithReaped(pid));
		} catch {}
	}

	return cpu;
}

/** CPU seconds used between two treeCpu (or pidsCpu) samples: processes in the later one, less what they had before. */
export function cpuDelta(before, after) {
	let total = 0;
	for (const [pid, seconds] of after) {
		total += seconds - (before.get(pid) ?? 0);
	}

	return total;
}

/** CPU seconds of each pid (own threads only, not reaped children), skipping pids that are gone. */
export function pidsCpu(pids) {
	const cpu = new Map();
	for (const pid of pids) {
		try {
			cpu.set(pid, cpuSeconds(pid));
		} catch {}
	}

	return cpu;
}

/** RSS of the whole tree in MB (a sum: pages shared between its processes count once per process). */
export function treeRssMb(rootPid) {
	let total = 0;
	for (const pid of processTree(rootPid)) {
		total += rssMb(pid) ?? 0;
	}

	return total;
}

/** Open sockets of the whole tree. */
export function treeSockets(rootPid) {
	let total = 0;
	for (const pid of processTree(rootPid)) {
		total += openSockets(pid) ?? 0;
	}

	return total;
}

/**
 * The private Engine's own processes: dockerd, its containerd, and the containerd shims that name
 * that containerd's socket (other Engines on the machine have their own). Not the containers.
 */
export function enginePids(engineDir) {
	const pids = [];
	for (const file of ['docker.pid', 'exec/containerd/containerd.pid']) {
		try {
			pids.push(Number(readFileSync(`${engineDir}/${file}`, 'utf8').trim()));
		} catch {}
	}

	const address = `${engineDir}/exec/containerd/containerd.sock`;
	for (const [pid] of allProcesses()) {
		try {
			const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
			if (cmdline[0]?.includes('containerd-shim') && cmdline.includes(address)) {
				pids.push(pid);
			}
		} catch {}
	}

	return pids;
}
