import type {Container} from '../core/types.js';
import type {Hue} from './theme.js';

/** Colour of a container's state word; undefined means the terminal's default. */
export function stateColor(container: Container, pending: string | undefined): Hue | undefined {
	if (pending) {
		return 'yellow';
	}

	switch (container.state) {
		case 'running': {
			return container.health === 'unhealthy' ? 'red' : 'green';
		}

		case 'paused':
		case 'restarting':
		case 'removing': {
			return 'yellow';
		}

		case 'dead': {
			return 'red';
		}

		case 'exited': {
			return container.exitCode ? 'red' : undefined;
		}

		case 'created': {
			return 'blue';
		}
	}
}
