import type Docker from 'dockerode';
import {describeError} from './errors.js';

/** How one item of a sequential run ended: ok, or one line saying why not. */
export type ItemOutcome<T> = {readonly item: T; readonly ok: true} | {readonly item: T; readonly ok: false; readonly message: string};

/**
 * Runs `work` on each item, one after another (never in parallel: updates and project actions on
 * one Engine stay in the order the person sees them, and a failure does not stop the rest). Each
 * outcome is reported as it happens and all are returned. An aborted signal stops before the next item.
 */
export async function oneByOne<T>(items: readonly T[], work: (item: T) => Promise<void>, describe: (error: unknown) => string, onOutcome?: (outcome: ItemOutcome<T>) => void, signal?: AbortSignal): Promise<Array<ItemOutcome<T>>> {
	const outcomes: Array<ItemOutcome<T>> = [];
	for (const item of items) {
		if (signal?.aborted) {
			break;
		}

		let outcome: ItemOutcome<T>;
		try {
			// eslint-disable-next-line no-await-in-loop
			await work(item);
			outcome = {item, ok: true};
		} catch (error) {
			outcome = {item, ok: false, message: describe(error)};
		}

		outcomes.push(outcome);
		onOutcome?.(outcome);
	}

	return outcomes;
}

/** The Engine's address as error lines name it, from dockerode's own settings. */
export function engineLabel(docker: Docker): string {
	const modem = docker.modem as {socketPath?: string; host?: string; port?: number | string; protocol?: string};
	return modem.socketPath ? `unix://${modem.socketPath}` : `${modem.protocol ?? 'http'}://${modem.host ?? 'localhost'}:${modem.port ?? ''}`;
}

/** One line for an Engine error, naming this Engine when the socket itself failed. */
export function lineOf(docker: Docker, error: unknown): string {
	return describeError(error, engineLabel(docker));
}
