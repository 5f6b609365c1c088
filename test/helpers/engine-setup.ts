import {execFileSync} from 'node:child_process';
import type {TestProject} from 'vitest/node';
import {engineDir, engineSocket} from './engine-paths.js';
import {fingerprint, wroteRealHosts} from './real-state.js';
import {tmuxSocket} from './tmux-socket.js';

declare module 'vitest' {
	// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
	export interface ProvidedContext {
		/** fingerprint() of the person's hosts.json before any test ran. */
		realHostsJson: string;
	}
}

function engine(script: 'engine' | 'podman' | 'swarm', command: 'start' | 'stop' | 'status', dir = engineDir): boolean {
	try {
		execFileSync('bash', [`test/engine/${script}.sh`, command], {stdio: command === 'start' ? 'inherit' : 'ignore', timeout: 110_000, env: {...process.env, TSDTOP_ENGINE_DIR: dir}});
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts the private Engine once for the engine project; a missing Engine fails the run, never skips
 * it. The teardown stops every daemon the suite started: the Engine (unless it was running before),
 * the other Engines, the three-node swarm, the Podman service and the loopback registries that some
 * files start, and the tmux server of the terminals.
 */
export default function setup(project: TestProject) {
	const before = fingerprint();
	project.provide('realHostsJson', before);
	const wasRunning = engine('engine', 'status');
	if (!wasRunning && !engine('engine', 'start')) {
		throw new Error(`the private Docker Engine did not start (${engineSocket}); see the line above, or run: bash test/engine/engine.sh start`);
	}

	process.env['DOCKER_HOST'] = `unix://${engineSocket}`;
	return () => {
		// Files stop their own Engines in afterAll; these catch a file that died before it could.
		for (const suffix of ['-res', '-sw', '-rc']) {
			engine('engine', 'stop', `${engineDir}${suffix}`);
		}

		engine('swarm', 'stop');
		engine('podman', 'stop');
		// The loopback registries that the pull and update tests start (test/engine/registry.sh).
		try {
			execFileSync('bash', ['test/engine/registry.sh', 'stop'], {stdio: 'ignore', timeout: 30_000, env: {...process.env, TSDTOP_ENGINE_DIR: engineDir}});
		} catch {}

		if (!wasRunning) {
			engine('engine', 'stop');
		}

		try {
			execFileSync('tmux', ['-L', tmuxSocket, 'kill-server'], {stdio: 'ignore'});
		} catch {}

		const wrote = wroteRealHosts(before, fingerprint());
		if (wrote) {
			throw new Error(wrote);
		}
	};
}
