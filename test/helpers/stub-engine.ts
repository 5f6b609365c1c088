import type {Engine} from '../../source/docker/engine.js';

/**
 * An Engine for component tests, which render the store and never reach the Engine: every method
 * answers nothing, and a test overrides the ones it records. Integration and end-to-end tests use
 * the real private Engine.
 */
export function stubEngine(overrides: Partial<Engine> = {}): Engine {
	return {
		host: 'unix:///test.sock',
		info: async () => ({host: 'unix:///test.sock', version: '27.0.0'}),
		listContainers: async () => [],
		async * events() {},
		async stats() {},
		statsSource: async () => ({kind: 'api', reason: 'a stub Engine'}),
		async act() {},
		listImages: async () => [],
		listNetworks: async () => [],
		listVolumes: async () => [],
		diskUsage: async () => {
			throw new Error('no system df in component tests');
		},
		removeImage: async () => undefined,
		removeNetwork: async () => undefined,
		removeVolume: async () => undefined,
		imageHistory: async () => [],
		networkContainers: async () => [],
		async * logs() {},
		isRunning: async () => true,
		inspect: async () => ({}),
		top: async () => ({titles: [], processes: []}),
		async * statsDetail() {},
		execTarget: async id => ({name: id, state: 'running', user: '', path: []}),
		statPath: async () => undefined,
		readFile: async () => undefined,
		exec: async () => {
			throw new Error('no exec in this component test');
		},
		updates: {
			pull: async reference => ({kind: 'error', reference, message: 'no pulls in component tests'}),
			check: async id => ({containerId: id, name: id, reference: '', oldImageId: '', changed: false, pull: {kind: 'error', reference: '', message: 'no pulls in component tests'}}),
			recreate: async id => ({ok: false, name: id, error: 'no recreate in component tests', steps: [], rolledBack: false}),
			updateAll: async () => [],
		},
		...overrides,
	};
}
