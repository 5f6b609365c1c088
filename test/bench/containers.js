// Keeps exactly N running bench containers (bench-0001...) on the private Engine.
// Only containers labelled `tsdtop.bench` are ever started, stopped or removed here.
import Docker from 'dockerode';

export const benchLabel = 'tsdtop.bench';
export const benchImage = 'tsdtop-test/busybox:latest';
// Exits at once on SIGTERM (busybox sleep as PID 1 would ignore it), and forks once an hour, not once a
// second: 500 `while :; do sleep 1; done` loops are 500 forks a second, load on the machine being measured.
const idleCommand = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 3600 & wait $!; done'];
const concurrency = 8;
// The Engine reports Command shell-quoted; this part tells current containers from older ones.
const isCurrent = c => c.command?.includes('sleep 3600 & wait') ?? false;

export function benchName(index) {
	return `bench-${String(index).padStart(4, '0')}`;
}

export function connect(socketPath) {
	return new Docker({socketPath});
}

async function benchContainers(docker) {
	const list = await docker.listContainers({all: true, filters: {label: [benchLabel]}});
	return list.map(c => ({id: c.Id, name: c.Names[0].replace(/^\//, ''), state: c.State, labels: c.Labels, command: c.Command}));
}

/** Runs `work` over `items` with at most `limit` at a time; rejects with the first error after all settle. */
async function pool(items, limit, work) {
	const errors = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++];
			try {
				// eslint-disable-next-line no-await-in-loop
				await work(item);
			} catch (error) {
				errors.push(error);
			}
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	if (errors.length > 0) {
		throw new Error(`${errors.length} of ${items.length} container operations failed; first: ${errors[0].message}`);
	}
}

/**
 * Makes bench-0001..bench-N exist and run (labelled), removes labelled extras.
 * Returns what it did. Throws if a name is taken by a container without the label.
 */
export async function ensureBenchContainers(docker, n, log = () => {}) {
	const started = Date.now();
	const existing = await benchContainers(docker);
	const byName = new Map(existing.map(c => [c.name, c]));
	const wanted = Array.from({length: n}, (_, i) => benchName(i + 1));
	const wantedSet = new Set(wanted);

	// Labelled containers with another name, or from an older version of this harness (other command).
	const extras = existing.filter(c => !wantedSet.has(c.name) || !isCurrent(c));
	for (const c of extras) {
		byName.delete(c.name);
	}

	const toStart = wanted.filter(name => byName.has(name) && byName.get(name).state !== 'running');
	const toCreate = wanted.filter(name => !byName.has(name));

	if (extras.length + toStart.length + toCreate.length > 0) {
		log(`containers: ${n} wanted, ${existing.length} labelled exist; removing ${extras.length}, starting ${toStart.length}, creating ${toCreate.length}`);
	}

	await pool(extras, concurrency, async c => {
		// Check the label again on the object we remove, never on a name alone.
		if (c.labels?.[benchLabel] === undefined) {
			throw new Error(`refusing to remove ${c.name}: no ${benchLabel} label`);
		}

		await docker.getContainer(c.id).remove({force: true});
	});
	// A container killed with its Engine can refuse to start ("task ... already exists"): it is
	// labelled and ours, so it goes and is made again below.
	const broken = [];
	await pool(toStart, concurrency, async name => {
		await docker.getContainer(byName.get(name).id).start().catch(async error => {
			if (!/already exists/.test(error.message ?? '')) {
				ignoreAlreadyStarted(error);
				return;
			}

			await docker.getContainer(byName.get(name).id).remove({force: true});
			broken.push(name);
		});
	});
	toCreate.push(...broken);
	let done = 0;
	await pool(toCreate, concurrency, async name => {
		let container;
		try {
			container = await docker.createContainer({
				name,
				Image: benchImage,
				Cmd: idleCommand,
				Labels: {[benchLabel]: '1'},
				StopTimeout: 2,
				HostConfig: {NetworkMode: 'none'},
			});
		} catch (error) {
			if (error.statusCode === 409) {
				throw new Error(`the name ${name} is taken by a container without the ${benchLabel} label; remove or rename it yourself`);
			}

			throw error;
		}

		await container.start().catch(ignoreAlreadyStarted);
		done++;
		if (done % 50 === 0) {
			log(`containers: created ${done}/${toCreate.length}`);
		}
	});

	const after = await benchContainers(docker);
	const running = after.filter(c => c.state === 'running' && wantedSet.has(c.name) && isCurrent(c)).length;
	if (running !== n || after.length !== n) {
		throw new Error(`expected ${n} running bench containers, found ${running} running of ${after.length} labelled`);
	}

	return {created: toCreate.length, started: toStart.length, removed: extras.length, ms: Date.now() - started};
}

/** Removes every container labelled `tsdtop.bench`. */
export async function removeBenchContainers(docker) {
	const existing = await benchContainers(docker);
	await pool(existing.filter(c => c.labels?.[benchLabel] !== undefined), concurrency, async c => {
		await docker.getContainer(c.id).remove({force: true});
	});
	return existing.length;
}

function ignoreAlreadyStarted(error) {
	if (error.statusCode !== 304) {
		throw error;
	}
}
