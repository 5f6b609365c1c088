import {Box, Text} from 'ink';
import {displayKey, keyLabel, keymap} from '../keys/keymap.js';
import {confirmLayout} from '../render/confirm-layout.js';
import {describeConfirm} from '../render/confirm-text.js';
import {type Theme, tint} from '../render/theme.js';
import type {ConfirmRequest} from '../core/confirm.js';

// A choice is named by its default key; the dialog shows the key the keymap in use binds to it.
const choiceCommands = {y: 'confirm.yes', f: 'confirm.force', v: 'confirm.volumes'} as const;

/** Lines the dialog takes for a request, at most `room`: the pane above it gets the rest. */
export function confirmHeight(request: ConfirmRequest, room: number): number {
	return confirmLayout(describeConfirm(request), request.typeToConfirm !== undefined, room).height;
}

/** The keys that say no, as the keymap in use binds them (a remap shows its own). */
function cancelKeys(): string {
	return (keymap.find(b => b.scope === 'confirm' && b.command === 'confirm.no')?.keys ?? []).slice(0, 3).map(k => displayKey(k)).join('/');
}

/**
 * Names every container that will go, and defaults to No: Enter, n and Esc all cancel. A list longer
 * than the room scrolls (the move keys), with a line saying which rows are shown.
 */
export function ConfirmDialog({request, height, typed, scroll, theme}: {readonly request: ConfirmRequest; readonly height: number; readonly typed?: string; readonly scroll: number; readonly theme: Theme}) {
	const text = describeConfirm(request);
	const typing = request.typeToConfirm !== undefined;
	const layout = confirmLayout(text, typing, height, scroll);
	const shown = text.lines.slice(layout.scroll, layout.scroll + layout.rows);
	return (
		<Box flexDirection="column" height={height} flexShrink={0} borderStyle="round" borderColor={tint(theme, 'red')} paddingX={1}>
			<Text bold wrap="truncate">{text.title}</Text>
			{shown.map((line, index) => <Text key={layout.scroll + index} wrap="truncate">  {line}</Text>)}
			{layout.info ? <Text wrap="truncate" dimColor>  {layout.info}</Text> : null}
			{text.note ? <Text wrap="truncate" color={tint(theme, 'yellow')}>{text.note}</Text> : null}
			{text.volumeNote ? <Text wrap="truncate" color={tint(theme, 'yellow')}>{text.volumeNote}</Text> : null}
			{typing
				? (
					<>
						<Text wrap="truncate">{text.choices[0]?.label ?? ''}; <Text bold>{keyLabel('confirmtype.cancel', 'confirmtype')}</Text> cancels</Text>
						<Text wrap="truncate">&gt; {typed ?? ''}<Text inverse> </Text></Text>
					</>
				)
				: (
					<Text wrap="truncate">
						{text.choices.map(choice => <Text key={choice.key}><Text bold>[{keyLabel(choiceCommands[choice.key])}]</Text> {choice.label}   </Text>)}
						<Text bold>[{cancelKeys()}]</Text> cancel
					</Text>
				)}
		</Box>
	);
}
