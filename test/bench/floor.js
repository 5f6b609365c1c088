// Measures the stats floor (see stats-floor.js) beside a session: the same number of streams as
// the program held, over the same idle window.
import {spawn} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {cpuSeconds} from './proc.js';

const script = join(dirname(fileURLToPath(import.meta.url)), 'stats-floor.js');
const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/** CPU % of one core of a bare process holding `streams` stats streams for `seconds`. */
export async function measureStatsFloor(socketPath, streams, seconds) {
	const child = spawn(process.execPath, [script, socketPath, String(streams)], {stdio: ['ignore', 'pipe', 'inherit']});
	try {
		await new Promise((resolve, reject) => {
			child.stdout.on('data', data => {
				if (String(data).includes('streaming')) {
					resolve();
				}
			});
			child.once('exit', code => reject(new Error(`stats-floor.js exited (code ${code})`)));
		});
		// Past the first samples, as the session was.
		await sleep(2000);
		const before = cpuSeconds(child.pid);
		const started = performance.now();
		await sleep(seconds * 1000);
		const elapsed = (performance.now() - started) / 1000;
		return ((cpuSeconds(child.pid) - before) / elapsed) * 100;
	} finally {
		child.kill();
	}
}
