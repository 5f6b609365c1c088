import {execFileSync} from 'node:child_process';
import {engineSocket} from './engine-paths.js';

/** Starts the private Engine once for the engine project; a missing Engine fails the run, never skips it. */
export default function setup() {
	try {
		execFileSync('bash', ['test/engine/engine.sh', 'start'], {stdio: 'inherit', timeout: 110_000});
	} catch {
		throw new Error(`the private Docker Engine did not start (${engineSocket}); see the line above, or run: bash test/engine/engine.sh start`);
	}

	process.env['DOCKER_HOST'] = `unix://${engineSocket}`;
}
