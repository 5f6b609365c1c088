import {describe, expect, it, vi} from 'vitest';
import {parseArgs} from '../../../source/startup/cli-args.js';

describe('parseArgs', () => {
	// Flags win over the config file only when given: meow's own defaults must not stand in for them.
	it.each([
		[['--config', 'my.json'], {all: false, readOnly: false, config: 'my.json'}],
		[['--config=my.json', '-a'], {all: true, readOnly: false, config: 'my.json'}],
		[['--no-color'], {all: false, readOnly: false, color: false}],
		[['--tail', '5', '--log-buffer', '200'], {all: false, readOnly: false, tail: 5, logBuffer: 200}],
		[['--read-only'], {all: false, readOnly: true}],
	])('%j', (argv, flags) => {
		expect(parseArgs(argv)).toEqual(flags);
	});
});

describe('parseArgs refuses', () => {
	// Issue 12: `--host` alone quietly meant the local socket, and `--tail -1` was "unknown option -1".
	it.each([
		[['--host'], 'tsdtop: --host takes the address of an Engine'],
		[['-H'], 'tsdtop: --host takes the address of an Engine'],
		[['--host='], 'tsdtop: --host takes the address of an Engine'],
		[['--host', '--all'], 'tsdtop: --host takes the address of an Engine'],
		[['--context'], 'tsdtop: --context takes the name of a docker context'],
		[['--shell'], 'tsdtop: --shell takes a shell'],
		[['--tail'], 'tsdtop: --tail takes a whole number of lines, at least 0'],
		[['--tail', '-1'], 'tsdtop: --tail takes a whole number of lines, at least 0'],
		[['--tail=-1'], 'tsdtop: --tail takes a whole number of lines, at least 0'],
		[['--tail', 'abc'], 'tsdtop: --tail takes a whole number of lines, at least 0'],
		[['--tail', '-x'], 'tsdtop: --tail takes a whole number of lines, at least 0'],
		[['--log-buffer', '-5'], 'tsdtop: --log-buffer takes a whole number of lines, at least 100'],
		[['--hots', 'x'], 'tsdtop: unknown option --hots (did you mean --host?'],
	])('%j with one line and exit code 2', (argv, message) => {
		const exit = vi.spyOn(process, 'exit').mockImplementation(code => {
			throw new Error(`exit ${String(code)}`);
		});
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			expect(() => parseArgs(argv)).toThrow('exit 2');
			expect(error).toHaveBeenCalledTimes(1);
			expect(String(error.mock.calls[0]![0])).toContain(message);
		} finally {
			exit.mockRestore();
			error.mockRestore();
		}
	});

	it('takes a value that looks like an option where one is due', () => {
		expect(parseArgs(['--tail', '0', '--host', 'unix:///x.sock'])).toEqual({all: false, readOnly: false, tail: 0, host: 'unix:///x.sock'});
	});
});
