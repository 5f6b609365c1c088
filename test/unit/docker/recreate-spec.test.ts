import {describe, expect, it} from 'vitest';
import {type ContainerInspect, ownConfig, recreateSpec} from '../../../source/docker/recreate-spec.js';

const id = 'abcdef1234567890'.padEnd(64, '0');
const image = {
	Env: ['PATH=/usr/bin', 'VERSION=1'],
	Cmd: ['serve'],
	Entrypoint: ['/entry'],
	Labels: {'org.opencontainers.image.version': '1'},
	ExposedPorts: {'80/tcp': {}},
	Volumes: {'/var/lib/app': {}},
	User: 'app',
	WorkingDir: '/srv',
};

const inspect = (over: Partial<ContainerInspect> = {}): ContainerInspect => ({
	Id: id,
	Name: '/web',
	Image: 'sha256:old',
	State: {Running: true},
	Config: {
		Hostname: id.slice(0, 12),
		Image: 'me/web:1',
		Env: ['PATH=/usr/bin', 'VERSION=1', 'OWN=x'],
		Cmd: ['serve'],
		Entrypoint: ['/entry'],
		Labels: {'org.opencontainers.image.version': '1', 'com.docker.compose.project': 'shop'},
		ExposedPorts: {'80/tcp': {}, '9000/tcp': {}},
		Volumes: {'/var/lib/app': {}},
		User: 'app',
		WorkingDir: '/srv',
		Tty: true,
		OnBuild: null,
	},
	HostConfig: {Binds: ['data:/data:rw', '/host:/host:ro'], NetworkMode: 'front', RestartPolicy: {Name: 'always'}, Memory: 1024},
	NetworkSettings: {Networks: {
		front: {Aliases: ['web', id.slice(0, 12)], IPAMConfig: {IPv4Address: '10.0.0.5'}, IPAddress: '10.0.0.5', NetworkID: 'n1', EndpointID: 'e1', Gateway: '10.0.0.1'},
		back: {Aliases: null, IPAMConfig: null, NetworkID: 'n2'},
		another: {Aliases: ['x'], DriverOpts: {mtu: '1400'}},
	}},
	Mounts: [
		{Type: 'volume', Name: 'data', Destination: '/data', RW: true},
		{Type: 'bind', Destination: '/host', RW: false},
		{Type: 'volume', Name: 'f00d', Destination: '/var/lib/app', RW: true},
	],
	...over,
});

describe('ownConfig', () => {
	it('keeps only what differs from the old image, so the new image\'s defaults apply', () => {
		const own = ownConfig(inspect().Config, image, id);
		expect(own).toEqual({
			Image: 'me/web:1',
			Env: ['OWN=x'],
			Labels: {'com.docker.compose.project': 'shop'},
			ExposedPorts: {'9000/tcp': {}},
			Volumes: undefined,
			Tty: true,
		});
	});

	it('keeps the Cmd when the container sets its own entrypoint (an entrypoint clears the image\'s Cmd)', () => {
		const own = ownConfig({...inspect().Config, Entrypoint: ['/other']}, image, id);
		expect(own['Entrypoint']).toEqual(['/other']);
		expect(own['Cmd']).toEqual(['serve']);
	});

	it('keeps every setting when the old image is gone, and a hostname the person chose', () => {
		const config = {...inspect().Config, Hostname: 'web-host'};
		const own = ownConfig(config, undefined, id);
		expect(own['Env']).toEqual(config.Env);
		expect(own['Hostname']).toBe('web-host');
		expect(own).not.toHaveProperty('OnBuild');
	});
});

describe('recreateSpec', () => {
	it('joins the NetworkMode\'s network at create with its aliases and static address, the others after', () => {
		const spec = recreateSpec(inspect(), image, 'me/web:1');
		expect(spec.create['NetworkingConfig']).toEqual({EndpointsConfig: {front: {Aliases: ['web'], IPAMConfig: {IPv4Address: '10.0.0.5'}}}});
		expect(spec.create.HostConfig.NetworkMode).toBe('front');
		expect(spec.connectAfter).toEqual([{network: 'another', endpoint: {Aliases: ['x'], DriverOpts: {mtu: '1400'}}}, {network: 'back', endpoint: {}}]);
	});

	it('re-attaches anonymous volumes by name and leaves binds and named volumes as they were', () => {
		const spec = recreateSpec(inspect(), image, 'me/web:2');
		expect(spec.create['Image']).toBe('me/web:2');
		expect(spec.create.HostConfig.Binds).toEqual(['data:/data:rw', '/host:/host:ro']);
		expect(spec.create.HostConfig.Mounts).toEqual([{Type: 'volume', Source: 'f00d', Target: '/var/lib/app', ReadOnly: false}]);
		expect(spec.create.HostConfig['RestartPolicy']).toEqual({Name: 'always'});
		expect(spec.create.HostConfig['Memory']).toBe(1024);
	});

	it('fills in the source of an anonymous --mount, and writes links as create takes them', () => {
		const spec = recreateSpec(inspect({
			HostConfig: {NetworkMode: 'none', Mounts: [{Type: 'volume', Target: '/cache'}], Links: ['/db:/web/database']},
			Mounts: [{Type: 'volume', Name: 'beef', Destination: '/cache', RW: true}],
		}), image, 'me/web:1');
		expect(spec.create.HostConfig.Mounts).toEqual([{Type: 'volume', Source: 'beef', Target: '/cache'}]);
		expect(spec.create.HostConfig.Links).toEqual(['db:database']);
		expect(spec.create).not.toHaveProperty('NetworkingConfig');
		expect(spec.connectAfter).toEqual([]);
	});

	it.each(['host', 'none', 'container:abc'])('joins no network by endpoint with NetworkMode %s', mode => {
		const spec = recreateSpec(inspect({HostConfig: {NetworkMode: mode}}), image, 'me/web:1');
		expect(spec.create.HostConfig.NetworkMode).toBe(mode);
		expect(spec.connectAfter).toEqual([]);
		expect(spec.create).not.toHaveProperty('NetworkingConfig');
	});
});
