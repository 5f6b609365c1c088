import {naturalCompare} from '../core/natural-order.js';

/** The part of GET /containers/{id}/json that recreating a container reads; the rest passes through. */
export type ContainerInspect = {
	readonly Id: string;
	readonly Name: string;
	/** The image id the container runs. */
	readonly Image: string;
	readonly State?: {readonly Running?: boolean; readonly Paused?: boolean; readonly Restarting?: boolean};
	readonly Config: ContainerConfig;
	readonly HostConfig?: HostConfig;
	readonly NetworkSettings?: {readonly Networks?: Readonly<Record<string, Endpoint>> | null};
	readonly Mounts?: ReadonlyArray<{readonly Type?: string; readonly Name?: string; readonly Destination: string; readonly RW?: boolean}> | null;
};

type Strings = readonly string[] | null | undefined;

/** Settings an image has defaults for; the container's own values override them. */
export type ImageConfig = {
	readonly Env?: Strings;
	readonly Cmd?: Strings;
	readonly Entrypoint?: Strings;
	readonly Labels?: Readonly<Record<string, string>> | null;
	readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
	readonly Volumes?: Readonly<Record<string, unknown>> | null;
	readonly Healthcheck?: unknown;
	readonly User?: string;
	readonly WorkingDir?: string;
	readonly StopSignal?: string;
};

export type ContainerConfig = ImageConfig & {readonly Hostname?: string; readonly Image?: string; readonly [key: string]: unknown};

export type MountSpec = {readonly Type?: string; readonly Source?: string; readonly Target: string; readonly ReadOnly?: boolean; readonly [key: string]: unknown};

export type HostConfig = {
	readonly Binds?: Strings;
	readonly Mounts?: readonly MountSpec[] | null;
	readonly Links?: Strings;
	readonly NetworkMode?: string;
	readonly AutoRemove?: boolean;
	readonly [key: string]: unknown;
};

export type Endpoint = {
	readonly IPAMConfig?: {readonly IPv4Address?: string; readonly IPv6Address?: string; readonly LinkLocalIPs?: Strings} | null;
	readonly Links?: Strings;
	readonly Aliases?: Strings;
	readonly DriverOpts?: Readonly<Record<string, string>> | null;
	readonly [key: string]: unknown;
};

/** What POST /containers/create and then POST /networks/{id}/connect need to make the copy. */
export type RecreateSpec = {
	/** The create body (no name: the caller names it). */
	readonly create: {readonly [key: string]: unknown; readonly HostConfig: HostConfig; readonly NetworkingConfig?: {readonly EndpointsConfig: Readonly<Record<string, Endpoint>>}};
	/** Networks beyond the first: API versions before 1.44 take only one at create. */
	readonly connectAfter: ReadonlyArray<{readonly network: string; readonly endpoint: Endpoint}>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function withoutKeysOf<T>(own: Readonly<Record<string, T>> | null | undefined, image: Readonly<Record<string, unknown>> | null | undefined, equalValue: boolean): Record<string, T> | undefined {
	if (!own) {
		return undefined;
	}

	const kept = Object.fromEntries(Object.entries(own).filter(([key, value]) => !(image && key in image && (!equalValue || same(image[key], value)))));
	return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * The container's own settings: inspect reports the image's defaults merged in, and copying those
 * would pin the old image's values (its PATH, its version variables, its labels) onto the new image.
 * Like watchtower, keep only what differs from the old image, so the new image's defaults apply.
 */
export function ownConfig(config: ContainerConfig, image: ImageConfig | undefined, id: string): Record<string, unknown> {
	const own: Record<string, unknown> = {...config};
	delete own['OnBuild'];
	// The Engine fills in the short id when no hostname is given: the copy gets its own.
	if (config.Hostname === id.slice(0, 12)) {
		delete own['Hostname'];
	}

	if (!image) {
		return own;
	}

	const imageEnv = new Set(image.Env ?? []);
	own['Env'] = (config.Env ?? []).filter(variable => !imageEnv.has(variable));
	own['Labels'] = withoutKeysOf(config.Labels, image.Labels, true) ?? {};
	own['ExposedPorts'] = withoutKeysOf(config.ExposedPorts, image.ExposedPorts, false);
	own['Volumes'] = withoutKeysOf(config.Volumes, image.Volumes, false);
	// Setting an entrypoint clears the image's Cmd: Cmd is the image's only when the entrypoint is too.
	if (same(config.Entrypoint, image.Entrypoint)) {
		delete own['Entrypoint'];
		if (same(config.Cmd, image.Cmd)) {
			delete own['Cmd'];
		}
	}

	for (const key of ['Healthcheck', 'User', 'WorkingDir', 'StopSignal'] as const) {
		if (same(config[key], image[key])) {
			delete own[key];
		}
	}

	return own;
}

/** Targets already mounted by Binds ("src:dst[:opts]") or Mounts. */
function mountedTargets(host: HostConfig): Set<string> {
	const targets = new Set((host.Mounts ?? []).map(mount => mount.Target));
	for (const bind of host.Binds ?? []) {
		const parts = bind.split(':');
		// Windows paths aside, the destination is the second field.
		if (parts[1]) {
			targets.add(parts[1]);
		}
	}

	return targets;
}

/**
 * Mounts that keep every volume: anonymous volumes (an image VOLUME, `-v /data`, `--mount` without
 * source) have no name in HostConfig, so the copy would get new empty ones. They are mounted by
 * their generated names instead, as compose does when it recreates.
 */
function keptMounts(inspect: ContainerInspect, host: HostConfig): MountSpec[] | undefined {
	const volumes = (inspect.Mounts ?? []).filter(mount => mount.Type === 'volume' && mount.Name);
	const nameAt = new Map(volumes.map(mount => [mount.Destination, mount.Name!]));
	const mounts = (host.Mounts ?? []).map(mount => (mount.Type === 'volume' && !mount.Source && nameAt.has(mount.Target) ? {...mount, Source: nameAt.get(mount.Target)} : mount));
	const covered = mountedTargets(host);
	for (const volume of volumes) {
		if (!covered.has(volume.Destination)) {
			mounts.push({Type: 'volume', Source: volume.Name!, Target: volume.Destination, ReadOnly: volume.RW === false});
		}
	}

	return mounts.length > 0 ? mounts : undefined;
}

/** Inspect writes links as "/other:/this/alias"; create takes "other:alias". */
function createLinks(links: Strings): string[] | undefined {
	return links?.map(link => {
		const [target = '', alias = ''] = link.split(':');
		return `${target.replace(/^\//, '')}:${alias.split('/').at(-1) ?? alias}`;
	});
}

/** Only what a person sets on an endpoint: the addresses and ids the Engine gave the old one are not copied. */
function endpointSettings(endpoint: Endpoint, id: string): Endpoint {
	const ipam = endpoint.IPAMConfig && (endpoint.IPAMConfig.IPv4Address || endpoint.IPAMConfig.IPv6Address || (endpoint.IPAMConfig.LinkLocalIPs ?? []).length > 0) ? endpoint.IPAMConfig : undefined;
	// Engines before API 1.45 list the short id among the aliases: the copy has another id.
	const aliases = (endpoint.Aliases ?? []).filter(alias => alias !== id.slice(0, 12));
	return {
		...(ipam ? {IPAMConfig: ipam} : {}),
		...(endpoint.Links?.length ? {Links: createLinks(endpoint.Links)} : {}),
		...(aliases.length > 0 ? {Aliases: aliases} : {}),
		...(endpoint.DriverOpts && Object.keys(endpoint.DriverOpts).length > 0 ? {DriverOpts: endpoint.DriverOpts} : {}),
	};
}

/** The networks to join, the NetworkMode's first, then by name (inspect's order is not promised). */
function networks(inspect: ContainerInspect, mode: string): Array<[string, Endpoint]> {
	if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) {
		return [];
	}

	const first = mode === 'default' ? 'bridge' : mode;
	return Object.entries(inspect.NetworkSettings?.Networks ?? {}).sort(([a], [b]) => (a === first ? -1 : (b === first ? 1 : naturalCompare(a, b))));
}

/** Pure: the create body for a copy of the container on `image`, and the networks to connect after. */
export function recreateSpec(inspect: ContainerInspect, oldImage: ImageConfig | undefined, image: string): RecreateSpec {
	const host = inspect.HostConfig ?? {};
	const mode = host.NetworkMode ?? 'default';
	const joined = networks(inspect, mode).map(([network, endpoint]) => ({network, endpoint: endpointSettings(endpoint, inspect.Id)}));
	const mounts = keptMounts(inspect, host);
	const links = createLinks(host.Links);
	const [first, ...rest] = joined;
	const hostConfig: HostConfig = {
		...host,
		...(mounts ? {Mounts: mounts} : {}),
		...(links ? {Links: links} : {}),
		// The first network by name, so that a network named by its id before keeps working.
		...(first && mode !== 'default' && mode !== 'bridge' ? {NetworkMode: first.network} : {}),
	};
	return {
		create: {
			...ownConfig(inspect.Config, oldImage, inspect.Id),
			Image: image,
			HostConfig: hostConfig,
			...(first ? {NetworkingConfig: {EndpointsConfig: {[first.network]: first.endpoint}}} : {}),
		},
		connectAfter: rest,
	};
}
