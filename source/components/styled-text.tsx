import {Text} from 'ink';
import type {Segment, StyledLine} from '../render/styled-line.js';

/** Draws a StyledLine (render/styled-line.ts) as Ink Text, cut at the edge of its box. */
export function StyledText({line}: {readonly line: StyledLine}) {
	const {style} = line;
	return (
		<Text wrap="truncate" bold={style?.bold} dimColor={style?.dim} inverse={style?.inverse} color={style?.color}>
			{line.segments.map((segment, index) => (styled(segment)
				// eslint-disable-next-line react/no-array-index-key
				? <Text key={index} bold={segment.bold} dimColor={segment.dim} inverse={segment.inverse} color={segment.color}>{segment.text}</Text>
				: segment.text))}
		</Text>
	);
}

function styled(segment: Segment): boolean {
	return Boolean(segment.bold || segment.dim || segment.inverse || segment.color);
}
