// Makes a few bench containers busy for a while, so that the idle window sees what a real Engine
// shows: CPU and memory that change. Each runs a busybox loop (docker exec, detached) that burns
// CPU, then holds some memory, then lets it go, with lengths that differ per container and turn.
import {benchName} from './containers.js';

/** The loop: ends by itself after `seconds`, so nothing outlives the harness for long. */
function busyScript(seconds, seed) {
	return [
		`end=$(( $(date +%s) + ${seconds} )); n=${seed}`,
		'while [ "$(date +%s)" -lt "$end" ]; do',
		// Burn: about 0.08 s of CPU per 50,000 turns on this machine, so 0.1-0.3 s.
		'  i=0; while [ $i -lt $((n * 50000)) ]; do i=$((i+1)); done',
		// Allocate: the shell holds n MB in a variable while it sleeps, then frees it.
		String.raw`  x=$(head -c $((n * 1048576)) /dev/zero | tr '\0' x); sleep $n; x=`,
		'  sleep 1; n=$(( n % 4 + 1 ))',
		'done',
	].join('\n');
}

/** Starts the loop in bench-0001..bench-`count` for `seconds`; resolves once every exec has started. */
export async function startBusy(docker, count, seconds) {
	const names = Array.from({length: count}, (_, i) => benchName(i + 1));
	await Promise.all(names.map(async (name, i) => {
		const exec = await docker.getContainer(name).exec({Cmd: ['sh', '-c', busyScript(seconds, (i % 4) + 1)], AttachStdout: false, AttachStderr: false});
		await exec.start({Detach: true});
	}));
	return names;
}
