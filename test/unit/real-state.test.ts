import {describe, expect, it} from 'vitest';
import {engineDir} from '../helpers/engine-paths.js';
import {wroteRealHosts} from '../helpers/real-state.js';

// The suite's check on the person's hosts history, on a machine where others may write it too.
const file = (mtime: number, hosts: string[]) => `${mtime} ${JSON.stringify({hosts})}`;
const ours = `unix://${engineDir}/docker.sock`;
const podman = `unix://${engineDir}/podman/xdg/podman/podman.sock`;
const theirs = 'unix:///tmp/someone-else/docker.sock';

describe('wroteRealHosts', () => {
	it.each<[string, string, string, boolean]>([
		['unchanged', file(1, [theirs]), file(1, [theirs]), false],
		['absent before and after', 'absent', 'absent', false],
		['created with one of our Engines', 'absent', file(2, [ours]), true],
		['our Podman socket added', file(1, [theirs]), file(2, [podman, theirs]), true],
		['our Engine moved to the front (used again)', file(1, [theirs, ours]), file(2, [ours, theirs]), true],
		['only someone else\'s entry added', file(1, [ours]), file(2, [theirs, ours]), false],
		['created by someone else', 'absent', file(2, [theirs]), false],
	])('%s', (_name, before, after, wrote) => {
		expect(wroteRealHosts(before, after) !== undefined).toBe(wrote);
	});
});
