import {Box, Text} from 'ink';
import {type Theme, tint} from '../render/theme.js';
import {sanitizeLine} from '../render/sanitize.js';
import {outputTop} from '../store/selectors.js';
import type {CommandOutput} from '../store/state.js';

/** What the title says of the run: still going, its exit code, or why it failed. */
function runState(output: CommandOutput): string {
	if (output.running) {
		return 'running...';
	}

	if (output.error) {
		return `failed: ${output.error}`;
	}

	return output.exitCode === undefined ? 'ended' : `exit code ${output.exitCode}`;
}

/**
 * The output of a command run with E: a title with the command, the container and how it ended,
 * then the lines (stderr marked "!" and red), following new lines until the person scrolls up.
 * Every line was made safe to print when it arrived (render/output-lines.ts).
 */
export function OutputPane({output, height, theme}: {readonly output: CommandOutput; readonly height: number; readonly theme: Theme}) {
	const top = outputTop(output, height);
	const shown = output.lines.slice(top, top + height);
	const total = output.lines.length;
	const failed = !output.running && (output.error !== undefined || (output.exitCode ?? 0) !== 0);
	const position = total > height ? `  lines ${top + 1}-${top + shown.length} of ${total}${output.dropped ? ` (${output.dropped} older dropped)` : ''}${output.follow ? '' : ', G follows'}` : '';
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text wrap="truncate">
				<Text bold>$ {sanitizeLine(output.command)}</Text>
				<Text dimColor>  in {sanitizeLine(output.target.name)}  </Text>
				<Text color={tint(theme, output.running ? 'yellow' : (failed ? 'red' : 'green'))} bold={failed}>{runState(output)}</Text>
				<Text dimColor>{position}</Text>
			</Text>
			{total === 0 && !output.running ? <Text dimColor>  (no output)</Text> : null}
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={top + index} wrap="truncate" color={line.stderr ? tint(theme, 'red') : undefined}>
					{line.stderr ? '! ' : '  '}{line.text}
				</Text>
			))}
		</Box>
	);
}
