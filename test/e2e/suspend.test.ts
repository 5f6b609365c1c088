import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createTestContainer, removeTestContainers, uniquePrefix} from '../helpers/test-containers.js';
import {binary, terminalPool, terminalState} from '../helpers/tmux.js';

// Issue 12: Ctrl+Z did nothing. It must work as for any job of an interactive shell: the shell's
// prompt back on a restored terminal, and fg brings tsdtop back drawn whole and answering keys.
const p = uniquePrefix('susp');
const pool = terminalPool();
const prompt = 'susp-prompt$ ';

beforeAll(async () => {
	await createTestContainer(`${p}-web`);
});

afterEach(() => {
	pool.closeAll();
});

afterAll(async () => {
	await removeTestContainers(p);
});

describe('Ctrl+Z', () => {
	it('stops tsdtop as a shell job, with the terminal restored, and fg brings it back whole', async () => {
		// An interactive shell with job control, as a person has.
		const term = pool.open({command: 'bash --norc --noprofile -i', env: {PS1: prompt}});
		await term.waitFor(prompt.trim());
		term.type(`node '${binary}'`);
		term.press('Enter');
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		expect(term.alternateScreen()).toBe(true);

		term.press('C-z');
		const stopped = await term.waitFor(s => /Stopped/.test(s) && s.trimEnd().endsWith(prompt.trim()));
		expect(stopped).not.toContain(`${p}-web`);
		expect(await terminalState(term)).toEqual({cooked: true, echo: true, cursorVisible: true, alternateScreen: false});
		expect(await term.shell('jobs')).toMatch(/Stopped\s+node/);

		term.type('fg');
		term.press('Enter');
		// The whole frame again (header, the filter kept, the row, the footer), not only what changed.
		const back = await term.waitFor(s => s.includes(`${p}-web`) && /\d+ running/.test(s) && s.includes(`filter: ${p}`) && s.includes('j move'));
		expect(back.split('\n')[0]).toMatch(/^tsdtop /);
		expect(term.alternateScreen()).toBe(true);
		term.press('?');
		await term.waitFor('Keys');
		term.press('Escape');
		await term.waitFor(s => !s.includes('Keys  ('));

		term.press('q');
		await term.waitFor(s => !s.includes(`${p}-web`) && s.trimEnd().endsWith(prompt.trim()));
		expect(await terminalState(term)).toEqual({cooked: true, echo: true, cursorVisible: true, alternateScreen: false});
	});

	it('without a shell with job control to return to, says so and carries on (stopped, nothing would wake it)', async () => {
		// The pane runs tsdtop from a script, as `bash run.sh`: no job control.
		const term = pool.open();
		await term.filterTo(p);
		await term.waitFor(`${p}-web`);
		term.press('C-z');
		await term.waitFor('no shell with job control started tsdtop');
		expect(term.alternateScreen()).toBe(true);
		term.press('?');
		await term.waitFor('Keys');
	});
});

