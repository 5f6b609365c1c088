/** The Engine API's Swarm JSON (API 1.41), as far as tsdtop reads it. Only map-swarm*.ts use these. */

export type ApiSwarmInfo = {
	Swarm?: {
		NodeID?: string;
		LocalNodeState?: string;
		ControlAvailable?: boolean;
		Error?: string;
		RemoteManagers?: Array<{NodeID?: string; Addr?: string}> | null;
	};
};

export type ApiPort = {Protocol?: string; TargetPort?: number; PublishedPort?: number; PublishMode?: string};

export type ApiServiceMode = {Replicated?: {Replicas?: number}; Global?: object; ReplicatedJob?: {TotalCompletions?: number}; GlobalJob?: object};

export type ApiServiceSpec = {
	Name?: string;
	Labels?: Record<string, string> | null;
	TaskTemplate?: {ContainerSpec?: {Image?: string}; ForceUpdate?: number};
	Mode?: ApiServiceMode;
	EndpointSpec?: {Ports?: ApiPort[] | null};
};

export type ApiService = {
	ID: string;
	Version?: {Index?: number};
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: ApiServiceSpec;
	Endpoint?: {Ports?: ApiPort[] | null};
	UpdateStatus?: {State?: string; Message?: string};
};

export type ApiTask = {
	ID: string;
	ServiceID?: string;
	NodeID?: string;
	Slot?: number;
	CreatedAt?: string;
	DesiredState?: string;
	Status?: {Timestamp?: string; State?: string; Message?: string; Err?: string; ContainerStatus?: {ContainerID?: string; ExitCode?: number}};
};

export type ApiNode = {
	ID: string;
	Version?: {Index?: number};
	Spec?: {Role?: string; Availability?: string; Labels?: Record<string, string> | null};
	Description?: {Hostname?: string; Engine?: {EngineVersion?: string}};
	Status?: {State?: string; Addr?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string; Addr?: string};
};
