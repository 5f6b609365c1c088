// The soak's churn: containers changed from outside through the Engine API (dockerode over the
// private socket; the docker CLI is too slow for ~20 changes a second). Names are soak-NNNN, or
// soakw-NNNN for the watched ones: the soak filters tsdtop to `soakw` and compares that window,
// which stays smaller than a 120x40 screen (at most maxWatched rows). Every container is labelled
// tsdtop.bench=soak; nothing unlabelled is ever touched.
import {performance} from 'node:perf_hooks';
import {benchImage, benchLabel} from './containers.js';

export const soakLabelValue = 'soak';
export const watchedPrefix = 'soakw';
const idleCommand = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 3600 & wait $!; done'];
// Rows a filtered 120x40 screen shows: 40 - 1 (kept free) - 4 (header, titles, status, footer) - 1 (filter line).
export const maxWatched = 30;

/** The change each kind makes: the state the container ends in, or `gone`. */
const kinds = {
	start: {from: ['created', 'exited'], to: 'running', weight: 3},
	stop: {from: ['running'], to: 'exited', weight: 2},
	kill: {from: ['running'], to: 'exited', weight: 1},
	pause: {from: ['running'], to: 'paused', weight: 1.5},
	unpause: {from: ['paused'], to: 'running', weight: 1.5},
	rename: {from: ['created', 'running', 'paused', 'exited'], weight: 1.5},
	remove: {from: ['created', 'running', 'exited'], to: 'gone', weight: 1},
	create: {from: [], to: 'created', weight: 1},
};
const totalWeight = Object.values(kinds).reduce((sum, k) => sum + k.weight, 0);

export const isWatched = name => name.startsWith(`${watchedPrefix}-`);

/**
 * The soak's containers as the harness last left them (name -> {id, state}), and the changes it
 * makes to them: one change at a time per container, so its state is known when the next is picked.
 */
export class Churn {
	constructor(docker, {size, watched, random = Math.random}) {
		this.docker = docker;
		this.size = size;
		this.watchedTarget = Math.min(watched, maxWatched);
		this.random = random;
		this.containers = new Map();
		this.busy = new Set();
		this.serial = 0;
		this.counts = Object.fromEntries(Object.keys(kinds).map(k => [k, 0]));
		this.errors = [];
		this.durations = [];
	}

	nextName(watched) {
		this.serial++;
		return `${watched ? watchedPrefix : 'soak'}-${String(this.serial).padStart(4, '0')}`;
	}

	watchedCount() {
		let n = 0;
		for (const name of this.containers.keys()) {
			n += isWatched(name) ? 1 : 0;
		}

		return n;
	}

	/** Makes `size` containers exist, `watchedTarget` of them watched; reuses the soak's earlier ones. */
	async prepare(log) {
		const list = await this.docker.listContainers({all: true, filters: {label: [benchLabel]}});
		const others = list.filter(c => c.Labels[benchLabel] !== soakLabelValue);
		const ours = list.filter(c => c.Labels[benchLabel] === soakLabelValue);
		// The plain bench's containers would be load the soak does not count: they go (run.js makes
		// them again when it needs them).
		const broken = ours.filter(c => !['created', 'running', 'paused', 'exited'].includes(c.State));
		const extra = ours.filter(c => !broken.includes(c)).slice(this.size);
		await pool([...others, ...broken, ...extra], 8, async c => this.docker.getContainer(c.Id).remove({force: true}));
		for (const c of ours.filter(c => !broken.includes(c) && !extra.includes(c))) {
			const name = c.Names[0].replace(/^\//, '');
			this.containers.set(name, {id: c.Id, state: c.State});
			this.serial = Math.max(this.serial, Number(/-(\d+)$/.exec(name)?.[1] ?? 0));
		}

		const missing = this.size - this.containers.size;
		if (others.length + broken.length + extra.length + missing > 0) {
			log(`soak: removed ${others.length} other bench and ${broken.length + extra.length} soak containers, creating ${Math.max(0, missing)}`);
		}

		await pool(Array.from({length: Math.max(0, missing)}), 8, async () => {
			const name = this.nextName(this.watchedCount() < this.watchedTarget);
			const container = await this.create(name);
			await container.start();
			this.containers.set(name, {id: container.id, state: 'running'});
		});
		// Exactly the target watched, so that the window starts full and stays on one screen.
		for (let n = this.watchedCount(); n !== this.watchedTarget; n = this.watchedCount()) {
			const pick = [...this.containers.keys()].find(name => isWatched(name) === n > this.watchedTarget);
			// eslint-disable-next-line no-await-in-loop
			await this.rename(pick, n < this.watchedTarget);
		}
	}

	create(name) {
		return this.docker.createContainer({
			name, Image: benchImage, Cmd: idleCommand, Labels: {[benchLabel]: soakLabelValue}, StopTimeout: 2, HostConfig: {NetworkMode: 'none'},
		});
	}

	async rename(from, watched) {
		const to = this.nextName(watched);
		const entry = this.containers.get(from);
		await this.docker.getContainer(entry.id).rename({name: to});
		this.containers.delete(from);
		this.containers.set(to, entry);
		return to;
	}

	/** A random change that can be made now, or undefined: {kind, name} (name undefined for create). */
	pick() {
		for (let tries = 0; tries < 20; tries++) {
			let r = this.random() * totalWeight;
			let kind = Object.keys(kinds).find(k => (r -= kinds[k].weight) < 0) ?? 'create';
			// Creates and removes keep the count near N: below it a create, at or above it a removal.
			if (kind === 'create' || kind === 'remove') {
				kind = this.containers.size < this.size ? 'create' : 'remove';
			}

			if (kind === 'create') {
				return {kind};
			}

			// Half the changes land in the watched window, so that the screen has something to show.
			const watchedSide = this.random() < 0.5;
			const candidates = [...this.containers].filter(([name, c]) => !this.busy.has(name) && kinds[kind].from.includes(c.state) && isWatched(name) === watchedSide);
			if (candidates.length > 0) {
				return {kind, name: candidates[Math.floor(this.random() * candidates.length)][0]};
			}
		}

		return undefined;
	}

	/**
	 * Makes the change; resolves when the API call returned with what the Engine should now say:
	 * {kind, name, newName?, state ('gone' for a removal), startedAt, returnedAt} or {error}.
	 */
	async apply({kind, name}) {
		const startedAt = performance.now();
		const entry = name === undefined ? undefined : this.containers.get(name);
		let newName;
		if (name !== undefined) {
			this.busy.add(name);
		}

		try {
			const container = entry && this.docker.getContainer(entry.id);
			switch (kind) {
				case 'create': {
					// A created container lands in the window only while it has room.
					newName = this.nextName(this.watchedCount() < this.watchedTarget && this.random() < 0.5);
					this.busy.add(newName);
					const created = await this.create(newName);
					this.containers.set(newName, {id: created.id, state: 'created'});
					break;
				}

				case 'rename': {
					// Keep the window near its target size: in when short, out when over, else either way.
					const watchedNow = this.watchedCount();
					const inside = isWatched(name);
					const toWatched = watchedNow < this.watchedTarget ? true : (watchedNow > this.watchedTarget ? false : !inside);
					newName = await this.rename(name, toWatched && (inside || watchedNow < maxWatched));
					break;
				}

				case 'remove': {
					await container.remove({force: true});
					this.containers.delete(name);
					break;
				}

				default: {
					await (kind === 'stop' ? container.stop({t: 1}) : container[kind]());
					entry.state = kinds[kind].to;
				}
			}

			this.counts[kind]++;
			this.durations.push(performance.now() - startedAt);
			const state = kind === 'rename' ? entry.state : kinds[kind].to;
			return {kind, name, newName, state, startedAt, returnedAt: performance.now()};
		} catch (error) {
			// The harness's own view may be wrong now: read the truth back for this container.
			this.errors.push({kind, name, message: error.message});
			await this.resync(name ?? newName);
			return {kind, name, newName, error: error.message, startedAt, returnedAt: performance.now()};
		} finally {
			this.busy.delete(name);
			this.busy.delete(newName);
		}
	}

	async resync(name) {
		const [c] = await this.docker.listContainers({all: true, filters: {name: [`^/${name}$`]}}).catch(() => []);
		if (c === undefined) {
			this.containers.delete(name);
		} else {
			this.containers.set(name, {id: c.Id, state: c.State});
		}
	}
}

/** Runs `work` over `items` with at most `limit` at a time; throws the first error after all settle. */
async function pool(items, limit, work) {
	const errors = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++];
			// eslint-disable-next-line no-await-in-loop
			await work(item).catch(error => errors.push(error));
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	if (errors.length > 0) {
		throw new Error(`${errors.length} of ${items.length} container operations failed; first: ${errors[0].message}`);
	}
}
