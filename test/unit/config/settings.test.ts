import {describe, expect, it} from 'vitest';
import {parseConfig} from '../../../source/config/config.js';
import {settle} from '../../../source/config/settings.js';

const plain = {all: false, readOnly: false};
const file = parseConfig('{"logs": {"tail": 50, "buffer": 500}, "theme": "light", "shell": "zsh", "pane": "images"}', 'c.json');

describe('settle', () => {
	it('uses the defaults when neither flags nor the file say', () => {
		expect(settle(plain, {}, {})).toEqual({theme: {color: true}, tail: 500, logBuffer: 10_000});
	});

	it('uses the file over the defaults', () => {
		expect(settle(plain, file, {})).toMatchObject({tail: 50, logBuffer: 500, shell: 'zsh', pane: 'images', theme: {color: true, hues: expect.any(Object) as object}});
	});

	it('uses the flags over the file', () => {
		expect(settle({...plain, tail: 7, logBuffer: 300, shell: ' bash ', color: false}, file, {})).toMatchObject({tail: 7, logBuffer: 300, shell: 'bash', theme: {color: false}});
	});

	it.each([
		['NO_COLOR over a light theme', plain, {theme: 'light'}, {NO_COLOR: '1'}, false],
		['--no-color over a dark theme', {...plain, color: false}, {theme: 'dark'}, {}, false],
		['theme none', plain, {theme: 'none'}, {}, false],
		['theme light', plain, {theme: 'light'}, {}, true],
	] as const)('colour: %s', (_, flags, config, env, color) => {
		expect(settle(flags, config, env).theme.color).toBe(color);
	});
});
