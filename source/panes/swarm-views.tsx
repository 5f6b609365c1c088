import {Box, Text} from 'ink';
import {EditLine} from '../components/edit-line.js';
import {useServices} from '../contexts/app-context.js';
import {useAppState} from '../hooks/use-app-state.js';
import {sanitizeLine} from '../render/sanitize.js';
import {tint, type Hue} from '../render/theme.js';
import {tableHeight} from '../store/selectors.js';
import {taskLines} from '../store/swarm-task-lines.js';

const hues: Readonly<Record<'good' | 'warn' | 'bad', Hue>> = {good: 'green', warn: 'yellow', bad: 'red'};

/** A service's tasks (Enter on the Services pane; issue 17), kept live by the Swarm watcher; Esc goes back. */
export function TasksView() {
	const {theme} = useServices();
	const view = useAppState(s => s.swarm?.tasks);
	const height = useAppState(tableHeight);
	const width = useAppState(s => s.ui.viewport.columns);
	if (!view) {
		return null;
	}

	const [title, ...rows] = taskLines(view.tasks ?? [], width);
	const shown = rows.slice(view.scroll, view.scroll + height - 1);
	const failed = (view.tasks ?? []).filter(task => task.state === 'failed').length;
	const summary = view.tasks === undefined ? 'loading...' : `${rows.length} tasks${failed > 0 ? `, ${failed} failed` : ''}; Esc back, l logs`;
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold wrap="truncate">Tasks of {sanitizeLine(view.name)}  <Text dimColor>({summary})</Text></Text>
			<Text bold dimColor wrap="truncate">{title!.text}</Text>
			{shown.map(row => (
				<Text key={row.key} wrap="truncate" dimColor={row.tone === 'dim'} color={row.tone && row.tone !== 'dim' ? tint(theme, hues[row.tone]) : undefined}>{row.text}</Text>
			))}
		</Box>
	);
}

/** The replica count typed after = (issue 17), in the filter line's place. */
export function ScalePane() {
	const scale = useAppState(s => (s.ui.pane === 'services' ? s.swarm?.scale : undefined));
	return scale ? <EditLine label={`replicas of ${sanitizeLine(scale.name)}: `} value={scale} hint="Enter scale, Esc cancel"/> : null;
}
