import {Box, Text} from 'ink';
import {useServices} from '../contexts/app-context.js';
import {tint} from '../render/theme.js';
import {describeConfirm} from '../render/confirm-text.js';
import type {ConfirmRequest} from '../store/state.js';
import {keyLabel} from '../keys/keymap.js';

// A choice is named by its default key; the dialog shows the key the keymap in use binds to it.
const choiceCommands = {y: 'confirm.yes', f: 'confirm.force', u: 'confirm.allUnused'} as const;

/** Lines the dialog takes for a request, at most `room`: the pane above it gets the rest. */
export function confirmHeight(request: ConfirmRequest, room: number): number {
	const text = describeConfirm(request);
	// Border (2), title, choices, and the note and the typing line when there are.
	return Math.min(room, text.lines.length + 4 + (text.note ? 1 : 0) + (request.typeToConfirm === undefined ? 0 : 1));
}

/** Names every container that will go, and defaults to No: Enter, n and Esc all cancel. */
export function ConfirmDialog({request, height, typed}: {readonly request: ConfirmRequest; readonly height: number; readonly typed?: string}) {
	const {theme} = useServices();
	const text = describeConfirm(request);
	const typing = request.typeToConfirm !== undefined;
	const room = Math.max(1, height - 4 - (text.note ? 1 : 0) - (typing ? 1 : 0));
	const shown = text.lines.length > room ? text.lines.slice(0, room - 1) : text.lines;
	const hidden = text.lines.length - shown.length;
	return (
		<Box flexDirection="column" height={height} flexShrink={0} borderStyle="round" borderColor={tint(theme, 'red')} paddingX={1}>
			<Text bold wrap="truncate">{text.title}</Text>
			{shown.map(line => <Text key={line} wrap="truncate">  {line}</Text>)}
			{hidden > 0 ? <Text wrap="truncate" dimColor>  ... and {hidden} more ({text.lines.length} in all)</Text> : null}
			{text.note ? <Text wrap="truncate" color={tint(theme, 'yellow')}>{text.note}</Text> : null}
			{typing
				? (
					<>
						<Text wrap="truncate">{text.choices[0]?.label ?? ''}; <Text bold>Esc</Text> cancels</Text>
						<Text wrap="truncate">&gt; {typed ?? ''}<Text inverse> </Text></Text>
					</>
				)
				: (
					<Text wrap="truncate">
						{text.choices.map(choice => <Text key={choice.key}><Text bold>[{keyLabel(choiceCommands[choice.key])}]</Text> {choice.label}   </Text>)}
						<Text bold>[n/Esc/Enter]</Text> cancel
					</Text>
				)}
		</Box>
	);
}
