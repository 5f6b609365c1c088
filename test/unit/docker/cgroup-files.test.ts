import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {cgroupDirectory, cgroupLayout, parseFlatKeyed, parseMountinfo, parseProcessCgroups, readingV1, readingV2, statsBetween} from '../../../source/docker/cgroup-files.js';

// The kernel's own text: v1 files and v2 cpu.stat read on this project's machine (kernel 6.18,
// cgroup v1 with a v2 hierarchy beside it); v2 memory files and the systemd and rootless layouts
// in the formats of the kernel's cgroup-v2 documentation. "ID" stands for the container's id.
const id = 'f'.repeat(12) + '0123456789abcdef'.repeat(3) + 'a'.repeat(4);
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/cgroup/${name}`, import.meta.url), 'utf8').replaceAll('ID', id);
const MiB = 2 ** 20;

describe('cgroup layouts', () => {
	it.each([
		['cgroupfs driver, v1 (this machine)', 1, 'v1-hybrid.mountinfo', 'v1-cgroupfs.proc-cgroup', '/sys/fs/cgroup/memory/docker/{id}', '/sys/fs/cgroup/cpuacct/docker/{id}'],
		['systemd driver, v1, cpu and cpuacct mounted together', 1, 'v1-systemd.mountinfo', 'v1-systemd.proc-cgroup', '/sys/fs/cgroup/memory/system.slice/docker-{id}.scope', '/sys/fs/cgroup/cpu,cpuacct/system.slice/docker-{id}.scope'],
		['systemd driver, v2', 2, 'v2-systemd.mountinfo', 'v2-systemd.proc-cgroup', '/sys/fs/cgroup/system.slice/docker-{id}.scope', '/sys/fs/cgroup/system.slice/docker-{id}.scope'],
		['rootless, v2', 2, 'v2-systemd.mountinfo', 'v2-rootless.proc-cgroup', '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/docker-{id}.scope', '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/docker-{id}.scope'],
	] as const)('%s', (_, version, mountinfo, processCgroups, memory, cpu) => {
		expect(cgroupLayout(version, parseMountinfo(fixture(mountinfo)), fixture(processCgroups), id)).toEqual({version, memory, cpu});
	});

	it('has none when the process is not the container (another PID or cgroup namespace)', () => {
		expect(cgroupLayout(2, parseMountinfo(fixture('v2-systemd.mountinfo')), '0::/\n', id)).toMatch(/not visible/);
		expect(cgroupLayout(1, parseMountinfo(fixture('v1-hybrid.mountinfo')), '', id)).toMatch(/not visible/);
	});

	it('has none when no mount shows the cgroup (a mount of a subtree elsewhere)', () => {
		const mounts = parseMountinfo('40 31 0:35 /docker/abc /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n41 31 0:36 / /sys/fs/cgroup/cpuacct rw - cgroup cgroup rw,cpuacct');
		expect(cgroupDirectory(mounts, '/docker/abc/inner', 'memory')).toBe('/sys/fs/cgroup/memory/inner');
		expect(cgroupDirectory(mounts, '/docker/abcd', 'memory')).toBeUndefined();
		expect(cgroupLayout(1, mounts, fixture('v1-cgroupfs.proc-cgroup'), id)).toMatch(/not mounted/);
	});

	it('reads /proc/PID/cgroup lines of both versions, and mountinfo\'s escaped paths', () => {
		const cgroups = parseProcessCgroups(fixture('v1-systemd.proc-cgroup'));
		expect(cgroups.v1.get('cpuacct')).toBe(`/system.slice/docker-${id}.scope`);
		expect(cgroups.v1.get('name=systemd')).toBe(`/system.slice/docker-${id}.scope`);
		expect(cgroups.unified).toBe(`/system.slice/docker-${id}.scope`);
		expect(parseMountinfo('30 25 0:26 / /sys/fs/my\\040cgroup rw shared:1 - cgroup2 cgroup2 rw')).toEqual([{root: '/', mountPoint: '/sys/fs/my cgroup', version: 2, controllers: []}]);
	});
});

describe('cgroup readings', () => {
	it('v1: usage less total_inactive_file, cpuacct.usage in ns, no limit as the kernel says none', () => {
		const files = {usage: fixture('v1-memory.usage_in_bytes'), stat: fixture('v1-memory.stat'), limit: fixture('v1-memory.limit_in_bytes'), cpuacct: fixture('v1-cpuacct.usage')};
		expect(readingV1(files, 5)).toEqual({cpuNs: 104_169_261, memoryBytes: 13_557_760, at: 5});
		const cached = {...files, stat: files.stat.replace(/^total_inactive_file \d+$/m, 'total_inactive_file 4202496'), limit: '268435456\n'};
		expect(readingV1(cached, 5)).toEqual({cpuNs: 104_169_261, memoryBytes: 13_557_760 - 4_202_496, limitBytes: 256 * MiB, at: 5});
	});

	it('v2: memory.current less inactive_file, cpu.stat usage_usec with or without the cpu controller', () => {
		const files = {current: fixture('v2-memory.current'), stat: fixture('v2-memory.stat'), max: fixture('v2-memory.max'), cpuStat: fixture('v2-cpu.stat')};
		expect(readingV2(files, 7)).toEqual({cpuNs: 104_169 * 1000, memoryBytes: 55_705_600 - 5_697_536, at: 7});
		expect(readingV2({...files, max: '536870912\n', cpuStat: fixture('v2-cpu.stat-controller')}, 7)).toEqual({cpuNs: 1_402_583_000, memoryBytes: 50_008_064, limitBytes: 512 * MiB, at: 7});
	});

	it('reads flat-keyed files by key, wherever a key is', () => {
		expect(parseFlatKeyed('b 2\na 1\n')).toEqual(new Map([['b', 2], ['a', 1]]));
	});
});

describe('stats between two readings', () => {
	const host = 24 * 1024 * MiB;
	it.each([
		['a busy loop: one core over 2 s', {cpuNs: 1e9, memoryBytes: 1, at: 1000}, {cpuNs: 3e9, memoryBytes: 5 * MiB, at: 3000}, {cpuPercent: 100, memoryBytes: 5 * MiB, memoryLimitBytes: host}],
		['two cores over 1 s', {cpuNs: 0, memoryBytes: 1, at: 0}, {cpuNs: 2e9, memoryBytes: 1, at: 1000}, {cpuPercent: 200, memoryBytes: 1, memoryLimitBytes: host}],
		['the first read: memory only', undefined, {cpuNs: 3e9, memoryBytes: 7, at: 3000}, {memoryBytes: 7, memoryLimitBytes: host}],
		['a restarted container (its counter went back): memory only', {cpuNs: 9e9, memoryBytes: 1, at: 0}, {cpuNs: 1e6, memoryBytes: 2, at: 2000}, {memoryBytes: 2, memoryLimitBytes: host}],
		['a limit of its own', undefined, {cpuNs: 0, memoryBytes: 2, limitBytes: 64 * MiB, at: 0}, {memoryBytes: 2, memoryLimitBytes: 64 * MiB}],
		['a limit above the host\'s memory is the host\'s', undefined, {cpuNs: 0, memoryBytes: 2, limitBytes: 2 * host, at: 0}, {memoryBytes: 2, memoryLimitBytes: host}],
	] as const)('%s', (_, previous, next, expected) => {
		expect(statsBetween(previous, next, host)).toEqual(expected);
	});
});
