import type {EventEmitter} from 'node:events';
import {useApp, useInput, useStdin} from 'ink';
import {useCallback, useEffect, useRef} from 'react';
import {runCommand} from '../actions/run-command.js';
import {type HandOff, useServices} from '../contexts/app-context.js';
import {type InkKey, keyName} from '../keys/key-name.js';
import {escapeThenKey, splitChunk} from '../keys/split-chunk.js';
import {changesEngine, resolveKey} from '../keys/keymap.js';
import {activeScopes} from '../keys/scopes.js';
import type {TextEdit} from '../store/text-edit.js';

const textEdits: Record<string, TextEdit> = {
	backspace: {kind: 'backspace'}, left: {kind: 'left'}, right: {kind: 'right'}, home: {kind: 'home'}, end: {kind: 'end'},
	'ctrl+a': {kind: 'home'}, 'ctrl+e': {kind: 'end'}, 'ctrl+u': {kind: 'clear'}, 'ctrl+w': {kind: 'deleteWord'},
};

/**
 * The only useInput in tsdtop: every key goes through the keymap to a command. The handler is stable
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

		const {store} = services;
		const {handOff} = services;
		const context = {store, engine: services.engine, exit, resources: services.resources, handOff: handOff && (async (task: Parameters<HandOff>[0]) => handOff(task, suspendTerminal)), shell: services.shell, switchEngine: services.switchEngine};
		const state = store.getState();
		const name = keyName(input, key);
		const scopes = activeScopes(state);
		const {overlay} = state.ui;
		// A volume dialog wants a word typed: keys are text until Enter (confirm) or Esc (cancel).
		if (overlay?.kind === 'confirm' && overlay.request.typeToConfirm !== undefined) {
			if (name === 'return' || name === 'escape' || name === 'ctrl+c') {
				runCommand(name === 'return' ? 'confirm.yes' : 'confirm.no', context);
				return;
			}

			// Keys that type nothing still scroll the list (issue 12 item 7).
			if (name === 'up' || name === 'down' || name === 'pageup' || name === 'pagedown') {
				const scroll = resolveKey(name, scopes);
				if (scroll?.startsWith('move.')) {
					runCommand(scroll, context);
				}

				return;
			}

			const printable = input && !key.ctrl && !key.meta && input.codePointAt(0)! >= 0x20 && input !== '\u007F';
			const edit = name === 'backspace' ? {kind: 'backspace'} as const : (printable ? {kind: 'insert', text: input} as const : undefined);
			if (edit) {
				store.dispatch({type: 'confirm/type', edit});
			}

			return;
		}

		// Ctrl+C and Ctrl+Z do what they do in any program, whatever is open (a terminal in raw mode sends
		// no SIGINT or SIGTSTP itself).
		const command = resolveKey(name, scopes) ?? (name === 'ctrl+c' ? 'quit' : (name === 'ctrl+z' ? 'suspend' : undefined));
		if (command && state.ui.readOnly && changesEngine(command)) {
			store.dispatch({type: 'status', status: {kind: 'error', text: 'read-only: tsdtop was started with --read-only, so nothing that changes the Engine is done'}});
			return;
		}

		if (command) {
			runCommand(command, context);
			return;
		}

		const editAction = {filter: 'filter/edit', logsearch: 'logs/input/edit', detailsearch: 'detail/input/edit', prompt: 'prompt/edit', switcherfilter: 'switcher/edit'} as const;
		const scope = scopes[0];
		if (scope === 'filter' || scope === 'logsearch' || scope === 'detailsearch' || scope === 'prompt' || scope === 'switcherfilter') {
			const printable = input && !key.ctrl && !key.meta && input.codePointAt(0)! >= 0x20 && input !== '\u007F';
			const edit = textEdits[name] ?? (printable ? {kind: 'insert', text: input} as const : undefined);
			if (edit) {
				store.dispatch({type: editAction[scope], edit});
			}

			return;
		}
	}, [services, exit, suspendTerminal]);
	useInput(handle);
}
