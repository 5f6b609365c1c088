import {Box, Text} from 'ink';
import type {TextPage} from '../store/state.js';

/** A read-only page (inspect of an image, network or volume), scrolled by the page keys. */
export function PageView({page, height}: {readonly page: TextPage; readonly height: number}) {
	const visible = page.lines.slice(page.scroll, page.scroll + height);
	const end = Math.min(page.lines.length, page.scroll + height);
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold wrap="truncate">{page.title}  <Text dimColor>({page.scroll + 1}-{end} of {page.lines.length}; Esc closes)</Text></Text>
			{visible.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={page.scroll + index} wrap="truncate">{line || ' '}</Text>
			))}
		</Box>
	);
}
