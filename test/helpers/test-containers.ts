import {randomBytes} from 'node:crypto';
import Docker from 'dockerode';
import {engineSocket, testImage} from './engine-paths.js';

/** Every container a test makes carries this label, and only those are ever removed by tests. */
export const testLabel = 'tsdtop.test';

export const docker = new Docker({socketPath: engineSocket});

/** A short unique prefix per test file, so that a filter shows only that test's containers. */
export function uniquePrefix(base: string): string {
	return `${base}-${randomBytes(3).toString('hex')}`;
}

// A shell loop that exits at once on SIGTERM: busybox sleep as PID 1 would ignore it for 10 s.
export const idleCommand = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'];

export type TestContainerOptions = {
	readonly start?: boolean;
	readonly cmd?: readonly string[];
	readonly labels?: Readonly<Record<string, string>>;
	readonly tty?: boolean;
	/** Config.User, e.g. 'nobody'. */
	readonly user?: string;
};

export async function createTestContainer(name: string, options: TestContainerOptions = {}): Promise<Docker.Container> {
	const container = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: [...(options.cmd ?? idleCommand)],
		Tty: options.tty ?? false,
		...(options.user ? {User: options.user} : {}),
		Labels: {[testLabel]: name, ...options.labels},
		StopTimeout: 2,
		HostConfig: {NetworkMode: 'none'},
	});
	if (options.start ?? true) {
		await container.start();
	}

	return container;
}

export async function stateOf(name: string): Promise<string | undefined> {
	try {
		const info = await docker.getContainer(name).inspect();
		return info.State.Status;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 404) {
			return undefined;
		}

		throw error;
	}
}

/** Removes this test's containers (by name prefix and label), never anyone else's. */
export async function removeTestContainers(prefix: string): Promise<void> {
	const list = await docker.listContainers({all: true, filters: {label: [testLabel]}});
	await Promise.all(list
		.filter(c => c.Names.some(n => n.replace(/^\//, '').startsWith(prefix)))
		.map(async c => docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
}

/** Polls until `check` holds, for conditions on the Engine's side. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		const result = await check();
		if (result) {
			return result;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	}
}
