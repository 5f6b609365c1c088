import type {Container, ContainerState} from '../../source/core/types.js';

/** A domain Container with sensible defaults; tests override only what they look at. */
export function makeContainer(overrides: Partial<Container> & {readonly id: string}): Container {
	const state: ContainerState = overrides.state ?? 'running';
	return {
		name: overrides.id,
		image: 'nginx:1.27',
		command: 'nginx -g daemon off;',
		state,
		status: state === 'running' ? 'Up 3 minutes' : 'Exited (0) 5 seconds ago',
		created: 1_700_000_000,
		ports: [],
		labels: {},
		...overrides,
	};
}
