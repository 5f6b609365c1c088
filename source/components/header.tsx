import {Box} from 'ink';
import {type HeaderInput, headerLine} from '../render/header-line.js';
import {StyledText} from './styled-text.js';

/** Engine, connection state, counts and the pane tabs, on one line. */
export function Header(props: HeaderInput) {
	return (
		<Box flexShrink={0}>
			<StyledText line={headerLine(props)}/>
		</Box>
	);
}
