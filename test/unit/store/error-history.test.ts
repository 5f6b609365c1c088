import {describe, expect, it} from 'vitest';
import {errorHistory, reducer} from '../../../source/store/reducer.js';
import {initialState} from '../../../source/store/state.js';

describe('error history (!)', () => {
	it('keeps every error shown in the status bar with its time, and nothing else', () => {
		let state = initialState({host: 'x'});
		state = reducer(state, {type: 'status', status: {kind: 'info', text: 'showing all'}, at: 1});
		state = reducer(state, {type: 'status', status: {kind: 'error', text: 'web is gone'}, at: 2});
		state = reducer(state, {type: 'status', status: {kind: 'success', text: 'stopped db'}, at: 3});
		expect(state.errors).toEqual([{at: 2, text: 'web is gone'}]);
		expect(state.ui.status).toEqual({kind: 'success', text: 'stopped db'});
	});

	it('keeps only the last 50', () => {
		let state = initialState({host: 'x'});
		for (let i = 0; i < errorHistory + 7; i++) {
			state = reducer(state, {type: 'status', status: {kind: 'error', text: `e${i}`}, at: i});
		}

		expect(state.errors).toHaveLength(errorHistory);
		expect(state.errors[0]).toEqual({at: 7, text: 'e7'});
		expect(state.errors.at(-1)).toEqual({at: errorHistory + 6, text: `e${errorHistory + 6}`});
	});

	// Issue 12: the Engine's outage shows in the status bar, so it belongs in the history too.
	it('keeps an outage once, not once a retry, and a new error of the same outage', () => {
		let state = initialState({host: 'x'});
		state = reducer(state, {type: 'engine/disconnected', error: 'cannot reach the Docker Engine', retryAt: 1});
		state = reducer(state, {type: 'engine/disconnected', error: 'cannot reach the Docker Engine', retryAt: 2});
		expect(state.errors.map(e => e.text)).toEqual(['disconnected: cannot reach the Docker Engine']);
		state = reducer(state, {type: 'engine/disconnected', error: 'permission denied', retryAt: 3});
		expect(state.errors.map(e => e.text)).toEqual(['disconnected: cannot reach the Docker Engine', 'disconnected: permission denied']);
	});
});

