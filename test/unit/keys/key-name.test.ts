import {describe, expect, it} from 'vitest';
import {type InkKey, keyName} from '../../../source/keys/key-name.js';
import {keymap} from '../../../source/keys/keymap.js';

// Inputs shaped as Ink 6's useInput reports them.
describe('keyName', () => {
	it.each<[string, string, InkKey, string]>([
		['up arrow', '', {upArrow: true}, 'up'],
		['down arrow', '', {downArrow: true}, 'down'],
		['left arrow', '', {leftArrow: true}, 'left'],
		['right arrow', '', {rightArrow: true}, 'right'],
		['page up', '', {pageUp: true}, 'pageup'],
		['page down', '', {pageDown: true}, 'pagedown'],
		['home', '', {home: true}, 'home'],
		['end', '', {end: true}, 'end'],
		['return', '\r', {return: true}, 'return'],
		['escape', '', {escape: true}, 'escape'],
		['escape with meta set', '', {escape: true, meta: true}, 'escape'],
		['tab', '\t', {tab: true}, 'tab'],
		['shift+tab', '', {tab: true, shift: true}, 'shift+tab'],
		['backspace (0x08)', '', {backspace: true}, 'backspace'],
		['DEL (0x7f), reported as delete', '', {delete: true}, 'backspace'],
		['ctrl+c', 'c', {ctrl: true}, 'ctrl+c'],
		['ctrl+b', 'b', {ctrl: true}, 'ctrl+b'],
		['ctrl+F with shift', 'F', {ctrl: true, shift: true}, 'ctrl+f'],
		['space', ' ', {}, 'space'],
		['plain letter', 'k', {}, 'k'],
		['capital letter', 'K', {shift: true}, 'K'],
		['capital G', 'G', {shift: true}, 'G'],
		['digit', '2', {}, '2'],
		['question mark', '?', {shift: true}, '?'],
		['slash', '/', {}, '/'],
		['shift+arrow is still the arrow', '', {upArrow: true, shift: true}, 'up'],
	])('%s', (_name, input, key, expected) => {
		expect(keyName(input, key)).toBe(expected);
	});

	it('produces names the keymap uses for its special keys', () => {
		const produced = new Set([
			keyName('', {upArrow: true}), keyName('', {downArrow: true}), keyName('', {pageUp: true}), keyName('', {pageDown: true}),
			keyName('', {home: true}), keyName('', {end: true}), keyName('\r', {return: true}), keyName('', {escape: true}),
			keyName('\t', {tab: true}), keyName('', {tab: true, shift: true}), keyName(' ', {}), keyName('c', {ctrl: true}),
			keyName('b', {ctrl: true}), keyName('f', {ctrl: true}), keyName('s', {ctrl: true}), keyName('z', {ctrl: true}),
			// The edit keys of every input line.
			keyName('', {leftArrow: true}), keyName('', {rightArrow: true}), keyName('', {backspace: true}), keyName('', {delete: true}),
			keyName('a', {ctrl: true}), keyName('e', {ctrl: true}), keyName('u', {ctrl: true}), keyName('w', {ctrl: true}),
		]);
		const special = keymap.flatMap(b => b.keys).filter(k => k.length > 1);
		for (const key of special) {
			expect(produced.has(key), key).toBe(true);
		}
	});
});
