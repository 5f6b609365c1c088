import {Text} from 'ink';
import {sanitizeLine} from '../render/sanitize.js';
import type {TextValue} from '../store/text-edit.js';

/**
 * One line being typed: a label, the text with the cursor drawn where it is (a whole character, an
 * emoji included), and a hint. The filter, the E command line and the log search all use it.
 */
export function EditLine({label, value, hint}: {readonly label: string; readonly value: TextValue; readonly hint: string}) {
	const {text, cursor} = value;
	const code = text.codePointAt(cursor);
	const at = code === undefined ? ' ' : String.fromCodePoint(code);
	return (
		<Text wrap="truncate">
			<Text bold>{label}</Text>{sanitizeLine(text.slice(0, cursor))}<Text inverse>{sanitizeLine(at) || ' '}</Text>{sanitizeLine(text.slice(cursor + at.length))}
			<Text dimColor>  ({hint})</Text>
		</Text>
	);
}
