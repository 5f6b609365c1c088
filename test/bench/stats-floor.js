#!/usr/bin/env node
// The floor under any Node client's idle CPU: a bare process holding `count` stats streams of
// running containers over `socket`, reading each sample and doing nothing with it.
//
//   node test/bench/stats-floor.js <socket path> <count>
//
// The Engine sends a sample a second on every stream, so whatever tsdtop does on top of that is
// what it can still save; below this, only fewer streams would go. Prints "streaming N" once all
// are open.
import http from 'node:http';

const [socketPath, countText] = process.argv.slice(2);
const count = Number(countText);
const get = path => new Promise((resolve, reject) => {
	http.get({socketPath, path}, response => {
		const parts = [];
		response.on('data', part => parts.push(part));
		response.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8'))));
	}).on('error', reject);
});

const running = await get('/containers/json');
const ids = running.slice(0, count).map(container => container.Id);
let open = 0;
for (const id of ids) {
	http.get({socketPath, path: `/containers/${id}/stats?stream=1`}, response => {
		response.on('data', () => {});
		open++;
		if (open === ids.length) {
			console.log(`streaming ${open}`);
		}
	}).on('error', error => {
		console.error(`stats-floor: ${error.message}`);
		process.exit(1);
	});
}
