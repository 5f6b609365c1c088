import type {Engine} from '../docker/engine.js';
import type {Store} from '../store/create-store.js';
import {type ResourceWatcher, startResourceWatcher} from '../store/resource-watcher.js';
import {startDetailWatcher} from '../store/detail-watcher.js';
import {startLogWatcher} from '../store/log-watcher.js';
import {startStatsWatcher} from '../store/stats-watcher.js';
import {startWatcher} from '../store/watcher.js';
import {startSwarmWatcher} from '../store/swarm-watcher.js';
import {startServiceLogWatcher} from '../store/service-log-watcher.js';
import type {Settings} from '../config/settings.js';

export type LiveWatchers = {
	readonly resources: ResourceWatcher;
	readonly stop: () => void;
};

/** Every watcher that keeps the store in step with one Engine, started together and stopped together. */
export function startLiveWatchers(engine: Engine, store: Store, {refresh, color}: {readonly refresh: Settings['refresh']; readonly color: boolean}): LiveWatchers {
	const resources = startResourceWatcher(engine, store, refresh?.events === undefined ? {} : {throttleMs: refresh.events});
	const stopWatcher = startWatcher(engine, store, {
		...(refresh?.events === undefined ? {} : {throttleMs: refresh.events}),
		...(refresh?.poll === undefined ? {} : {backstopMs: refresh.poll * 1000}),
	});
	// "stats": false reads no cgroup files and opens no stats streams at all (a slow link, or many containers).
	const stopStats = refresh?.stats === false ? () => {} : startStatsWatcher(engine, store, refresh?.stats === undefined ? undefined : refresh.stats * 1000);
	const stopLogs = startLogWatcher(engine, store, {color});
	const stopDetail = startDetailWatcher(engine, store);
	// Swarm (issue 17): services, nodes, tasks and a service's merged log, on a manager only.
	const stopSwarm = startSwarmWatcher(engine, store, refresh?.events === undefined ? {} : {throttleMs: refresh.events});
	const stopServiceLogs = startServiceLogWatcher(engine, store, {color});
	return {
		resources,
		stop() {
			stopWatcher();
			stopStats();
			resources.stop();
			stopLogs();
			stopDetail();
			stopSwarm();
			stopServiceLogs();
		},
	};
}
