import {describe, expect, it} from 'vitest';
import {helpText, isUnknownFlag, knownFlags, unknownArgument} from '../../../source/startup/help-text.js';

describe('unknownArgument', () => {
	it.each([
		['--hots', '--host'],
		['--hsot', '--host'],
		['--host-', '--host'],
		['--al', '--all'],
		['--alll', '--all'],
		['--hlep', '--help'],
		['--verison', '--version'],
		['--versoin', '--version'],
		['--shel', '--shell'],
		['--shells', '--shell'],
	])('%s suggests %s', (argument, suggestion) => {
		const text = unknownArgument(argument);
		expect(text).toBe(`tsdtop: unknown option ${argument} (did you mean ${suggestion}? see tsdtop --help)`);
	});

	it('names only the flag, not its value', () => {
		expect(unknownArgument('--hots=tcp://h:2375')).toBe('tsdtop: unknown option --hots (did you mean --host? see tsdtop --help)');
	});

	it.each(['--zzzzzzzz', '--completely-different', '--kubernetes'])('%s gives no suggestion', argument => {
		const text = unknownArgument(argument);
		expect(text).toBe(`tsdtop: unknown option ${argument} (see tsdtop --help)`);
		expect(text).not.toMatch(/did you mean/);
	});

	it('a bare word is an unexpected argument', () => {
		const text = unknownArgument('containers');
		expect(text).toMatch(/unexpected argument "containers"/);
		expect(text).toMatch(/only options/);
		expect(text).not.toMatch(/unknown option/);
	});

	it('is one line', () => {
		for (const argument of ['--hots', '--zzzzzzzz', 'word']) {
			expect(unknownArgument(argument)).not.toContain('\n');
		}
	});
});

describe('isUnknownFlag', () => {
	it.each<[string, boolean]>([
		['--host', false],
		['-H', false],
		['--all', false],
		['-a', false],
		['--help', false],
		['-h', false],
		['--version', false],
		['-v', false],
		['--host=tcp://h:2375', false],
		['--shell', false],
		['--shell=/bin/zsh', false],
		['--hots', true],
		['--zzzzzzzz', true],
		['-x', true],
		['--ALL', true],
		['-', false],
		['word', false],
		['tcp://h:2375', false],
		['', false],
	])('%j -> %s', (argument, expected) => {
		expect(isUnknownFlag(argument)).toBe(expected);
	});
});

describe('helpText', () => {
	it('documents every known long flag', () => {
		for (const flag of knownFlags.filter(f => f.startsWith('--'))) {
			expect(helpText).toContain(flag);
		}
	});

	it('says which shell e opens and where the config file is', () => {
		expect(helpText).toContain('login shell, else /bin/bash, else /bin/sh');
		expect(helpText).toContain('TSDTOP_CONFIG');
		expect(helpText).toContain('~/.config/tsdtop/config.json');
	});
});
