import {useApp, useInput} from 'ink';
import {useCallback} from 'react';
import {runCommand} from '../actions/run-command.js';
import {useServices} from '../contexts/app-context.js';
import {type InkKey, keyName} from '../keys/key-name.js';
import {splitChunk} from '../keys/split-chunk.js';
import {paneScopes, resolveKey, type Scope} from '../keys/keymap.js';
import type {AppState} from '../store/state.js';
import type {TextEdit} from '../store/text-edit.js';

const textEdits: Record<string, TextEdit> = {
	backspace: {kind: 'backspace'}, left: {kind: 'left'}, right: {kind: 'right'}, home: {kind: 'home'}, end: {kind: 'end'},
	'ctrl+a': {kind: 'home'}, 'ctrl+e': {kind: 'end'}, 'ctrl+u': {kind: 'clear'}, 'ctrl+w': {kind: 'deleteWord'},
};

const only = {prompt: ['prompt'], confirm: ['confirm'], help: ['help'], output: ['output'], filter: ['filter']} as const satisfies Record<string, readonly Scope[]>;

/** The scopes a key is looked up in now: whatever is open on top decides. The same array for the same answer. */
export function scopesFor(state: AppState): readonly Scope[] {
	const {overlay} = state.ui;
	if (state.ui.prompt) {
		return only.prompt;
	}

	if (overlay?.kind === 'confirm' || overlay?.kind === 'help' || overlay?.kind === 'output') {
		return only[overlay.kind];
	}

	return state.ui.filter.open ? only.filter : paneScopes(state.ui.pane);
}

/**
 * The only useInput in tsdtop: every key goes through the keymap to a command. The handler is stable
 * and reads the latest state from the store, so keys typed faster than frames are never lost.
 */
export function useKeyboard(): void {
	const services = useServices();
	const {exit} = useApp();
	const handle = useCallback((input: string, key: InkKey) => {
		// Keys typed quickly can arrive as one chunk ("jjj", "web\r"): take them one at a time.
		if (input.length > 1 && !key.ctrl && !key.meta) {
			for (const [char, charKey] of splitChunk(input)) {
				handle(char, charKey);
			}

			return;
		}

		const {store} = services;
		const context = {store, engine: services.engine, exit, handOff: services.handOff, shell: services.shell};
		const state = store.getState();
		const name = keyName(input, key);
		const scopes = scopesFor(state);
		const command = resolveKey(name, scopes) ?? (name === 'ctrl+c' ? 'quit' : undefined);
		if (command) {
			runCommand(command, context);
			return;
		}

		if (scopes[0] === 'filter' || scopes[0] === 'prompt') {
			const printable = input && !key.ctrl && !key.meta && input.codePointAt(0)! >= 0x20 && input !== '\u007F';
			const edit = textEdits[name] ?? (printable ? {kind: 'insert', text: input} as const : undefined);
			if (edit) {
				store.dispatch({type: scopes[0] === 'filter' ? 'filter/edit' : 'prompt/edit', edit});
			}

			return;
		}
	}, [services, exit]);
	useInput(handle);
}
