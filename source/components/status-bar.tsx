import {Text} from 'ink';
import {type Theme, tint} from '../render/theme.js';
import {EditLine} from './edit-line.js';
import {sanitizeLine} from '../render/sanitize.js';
import type {ConnectionState, Prompt, Status} from '../store/state.js';

const colors = {info: undefined, progress: 'yellow', success: 'green', error: 'red'} as const;

/** One line: the command line of E while it is typed, else the connection's trouble, else the last message. */
type Props = {
	readonly connection: ConnectionState;
	readonly status?: Status;
	readonly prompt?: Prompt;
	readonly theme: Theme;
};

export function StatusBar({connection, status, prompt, theme}: Props) {
	if (prompt) {
		return <PromptLine prompt={prompt}/>;
	}

	if (connection.status === 'disconnected') {
		const seconds = Math.max(0, Math.ceil(((connection.retryAt ?? 0) - Date.now()) / 1000));
		return (
			<Text wrap="truncate" color={tint(theme, 'red')} bold>
				disconnected, retrying in {seconds}s: {sanitizeLine(connection.error ?? '')}
			</Text>
		);
	}

	if (connection.status === 'connecting') {
		return <Text wrap="truncate" dimColor>connecting to {sanitizeLine(connection.host)}...</Text>;
	}

	if (!status) {
		return <Text> </Text>;
	}

	return (
		<Text wrap="truncate" color={tint(theme, colors[status.kind])} bold={status.kind === 'error'}>
			{sanitizeLine(status.text)}
		</Text>
	);
}

/** "run in web: <command>", edited like the filter box (same keys, same store-fed input). */
function PromptLine({prompt}: {readonly prompt: Prompt}) {
	return <EditLine label={`run in ${sanitizeLine(prompt.target.name)}: `} value={prompt} hint="Enter run, Esc cancel"/>;
}
