import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli-args.js';

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
