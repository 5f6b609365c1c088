import type {EventEmitter} from 'node:events';
import {useApp, useInput, useStdin} from 'ink';
import {useCallback, useEffect, useRef} from 'react';
import {runCommand} from '../actions/handlers.js';
import {typeText} from '../actions/scroll.js';
import type {CommandServices} from '../actions/services.js';
import {type HandOff, useServices} from '../contexts/app-context.js';
import {type InkKey, keyName} from '../keys/key-name.js';
import {escapeThenKey, splitChunk} from '../keys/split-chunk.js';
import {resolveKey} from '../keys/keymap.js';
import {activeScopes} from '../keys/scopes.js';

/**
 * The only useInput in tsdtop: every key goes through the keymap to a command and its handler. The handler is stable
 * and reads the latest state from the store, so keys typed faster than frames are never lost.
 */
export function useKeyboard(): void {
	const services = useServices();
	const {exit, suspendTerminal} = useApp();
	// The sequence Ink is about to hand to useInput, as the terminal sent it: useInput's (input, key)
	// cannot tell Esc-then-/ from a plain / (see escapeThenKey). prependListener: read before useInput's.
	// Ink's context holds the emitter at run time; its public type leaves it out.
	const {internal_eventEmitter: inputEvents} = useStdin() as {readonly internal_eventEmitter?: EventEmitter};
	const sequence = useRef('');
	useEffect(() => {
		const record = (data: string) => {
			sequence.current = data;
		};

		inputEvents?.prependListener('input', record);
		return () => {
			inputEvents?.removeListener('input', record);
		};
	}, [inputEvents]);
	const handle = useCallback((input: string, key: InkKey) => {
		// Read once: the presses handled below, and any key not read from stdin, must not see it again.
		const presses = escapeThenKey(sequence.current);
		sequence.current = '';
		if (presses) {
			for (const [char, charKey] of presses) {
				handle(char, charKey);
			}

			return;
		}

		// Keys typed quickly can arrive as one chunk ("jjj", "web\r"): take them one at a time.
		if (input.length > 1 && !key.ctrl && !key.meta) {
			for (const [char, charKey] of splitChunk(input)) {
				handle(char, charKey);
			}

			return;
		}

		const {handOff} = services;
		const commandServices: CommandServices = {
			store: services.store, engine: services.engine, exit, resources: services.resources, shell: services.shell, switchEngine: services.switchEngine,
			handOff: handOff && (async (task: Parameters<HandOff>[0]) => handOff(task, suspendTerminal)),
		};
		// Key -> command (the keymap, in the scopes of what is open) -> handler. A key no command has is
		// text where a line is being typed, and nothing elsewhere.
		const command = resolveKey(keyName(input, key), activeScopes(services.store.getState()));
		if (command) {
			runCommand(command, commandServices);
		} else if (input && !key.ctrl && !key.meta && input.codePointAt(0)! >= 0x20 && input !== '\u007F') {
			typeText(commandServices, input);
		}
	}, [services, exit, suspendTerminal]);
	useInput(handle);
}
