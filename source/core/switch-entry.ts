/** An Engine the switcher (`:`) offers: a docker context, a remembered --host, or the default. */
export type SwitchEntry = {
	/** 'context:NAME', 'host:URL' or 'default': tells entries apart and finds the one in use. */
	readonly id: string;
	readonly kind: 'context' | 'host' | 'default';
	/** The context's name, the host's URL, or 'default'. */
	readonly name: string;
	/** Where it connects, as the person would write it. */
	readonly endpoint: string;
	/** Where the entry comes from: 'context', 'DOCKER_HOST', '--host history', 'local socket'. */
	readonly from: string;
	/** The docker CLI's current context (DOCKER_CONTEXT or config.json). */
	readonly current?: boolean;
	/** The Engine tsdtop is connected to now. */
	readonly inUse?: boolean;
};
