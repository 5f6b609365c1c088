import {execFileSync} from 'node:child_process';
import Docker from 'dockerode';
import {resolveConnection} from '../../source/docker/connection.js';
import {createSwarm, type Swarm} from '../../source/docker/swarm.js';
import {engineDir, testImage} from './engine-paths.js';
import {testLabel} from './test-containers.js';

/** The sockets of test/engine/swarm.sh's three Engines: node 0 is the manager, 1 and 2 the workers. */
export const swarmHosts = [0, 1, 2].map(n => `unix://${engineDir}-swarm${n}/docker.sock`);

function script(command: 'start' | 'stop' | 'restart-manager'): void {
	execFileSync('bash', ['test/engine/swarm.sh', command], {stdio: ['ignore', 'ignore', 'inherit'], timeout: 110_000, env: {...process.env, TSDTOP_ENGINE_DIR: engineDir}});
}

export const startSwarm = () => {
	script('start');
};

export const stopSwarm = () => {
	script('stop');
};

export const restartManager = () => {
	script('restart-manager');
};

/** The tsdtop Swarm capabilities on node n, as tsdtop itself connects. */
export function swarmOn(n: number): Swarm {
	return createSwarm(resolveConnection(swarmHosts[n], {}));
}

/** A raw client of the manager, to set up what a test needs. */
export const manager = () => new Docker({socketPath: swarmHosts[0]!.replace('unix://', '')});

export type TestService = {readonly name: string; readonly replicas?: number; readonly global?: boolean; readonly cmd?: readonly string[]; readonly publish?: number};

// A shell loop that exits at once on SIGTERM, so tasks stop without the 10 s grace period.
const idle = ['sh', '-c', 'trap "exit 0" TERM; while :; do echo "up $(hostname)"; sleep 1; done'];

/**
 * Creates a labelled service of the test image. No networks and host-mode ports: overlay networks
 * cannot work with three Engines on one host (see test/engine/swarm.sh).
 */
export async function createTestService(service: TestService): Promise<string> {
	const created = await manager().createService({
		Name: service.name,
		Labels: {[testLabel]: 'swarm'},
		TaskTemplate: {
			ContainerSpec: {Image: testImage, Command: [...(service.cmd ?? idle)]},
			RestartPolicy: {Condition: 'any', Delay: 500_000_000},
		},
		Mode: service.global ? {Global: {}} : {Replicated: {Replicas: service.replicas ?? 1}},
		...(service.publish ? {EndpointSpec: {Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: service.publish, PublishMode: 'host'}]}} : {}),
	} as Docker.CreateServiceOptions) as {id?: string; ID?: string};
	return created.id ?? created.ID ?? '';
}

/** Removes the services with the test label whose name starts with prefix. */
export async function removeTestServices(prefix: string): Promise<void> {
	const docker = manager();
	const services = await docker.listServices({filters: {label: [testLabel]}}).catch(() => []);
	await Promise.all(services
		.filter(service => service.Spec?.Name?.startsWith(prefix))
		.map(async service => docker.getService(service.ID).remove().catch(() => undefined)));
}
