import {useApp, useInput} from 'ink';
import {useCallback} from 'react';
import {runCommand} from '../actions/run-command.js';
import {type HandOff, useServices} from '../contexts/app-context.js';
import {type InkKey, keyName} from '../keys/key-name.js';
import {splitChunk} from '../keys/split-chunk.js';
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
	const handle = useCallback((input: string, key: InkKey) => {
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

			const printable = input && !key.ctrl && !key.meta && input.codePointAt(0)! >= 0x20 && input !== '\u007F';
			const edit = name === 'backspace' ? {kind: 'backspace'} as const : (printable ? {kind: 'insert', text: input} as const : undefined);
			if (edit) {
				store.dispatch({type: 'confirm/type', edit});
			}

			return;
		}

		const command = resolveKey(name, scopes) ?? (name === 'ctrl+c' ? 'quit' : undefined);
		if (command && state.ui.readOnly && changesEngine(command)) {
			store.dispatch({type: 'status', status: {kind: 'error', text: 'read-only: tsdtop was started with --read-only, so nothing that changes the Engine is done'}});
			return;
		}

		if (command) {
			runCommand(command, context);
			return;
		}

		const editAction = {filter: 'filter/edit', logsearch: 'logs/input/edit', prompt: 'prompt/edit', switcherfilter: 'switcher/edit'} as const;
		const scope = scopes[0];
		if (scope === 'filter' || scope === 'logsearch' || scope === 'prompt' || scope === 'switcherfilter') {
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
