import {Text} from 'ink';
import TextInput from 'ink-text-input';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';

// Why the filter box is not ink-text-input (readme.md, "Where the required packages fall short"):
// it computes each value from the props of its last render and re-subscribes to input in an effect,
// so keys that arrive before the next render are lost. The filter in tsdtop keeps them (see app.test.tsx).
function Controlled({onValue}: {readonly onValue: (value: string) => void}) {
	const [value, setValue] = useState('');
	return (
		<>
			<TextInput
				value={value} onChange={next => {
					setValue(next);
					onValue(next);
				}}
			/>
			<Text>|</Text>
		</>
	);
}

describe('ink-text-input 6.0.0', () => {
	it('drops keys typed back to back', async () => {
		let last = '';
		const app = render(<Controlled onValue={v => {
			last = v;
		}}/>);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		const typed = 'spike-x-fast-typing';
		for (const char of typed) {
			app.stdin.write(char);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		app.unmount();
		// If this ever fails, ink-text-input has been fixed: reconsider using it for the filter.
		expect(last).not.toBe(typed);
		expect(last.length).toBeLessThan(typed.length);
	});
});
