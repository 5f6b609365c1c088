// Reads CPU time and memory of a process from /proc (Linux only).
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

/** CPU seconds (user + system, all threads, not waited-for children) the process has used so far. */
export function cpuSeconds(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// Fields 14 (utime) and 15 (stime) of proc(5); fields[0] here is field 3.
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return (utime + stime) / clockTicks();
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
