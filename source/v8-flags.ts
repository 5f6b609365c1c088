import {setFlagsFromString} from 'node:v8';

/**
 * V8 flags, set before anything else runs (bin.ts imports this first: before the compile cache is
 * enabled, whose entries are tied to the flags). The bin cannot pass them on its command line
 * (`#!/usr/bin/env node`) and NODE_OPTIONS is the person's. TSDTOP_V8_FLAGS replaces the list
 * (empty: V8's defaults), to compare the two in the benchmark.
 */
export const defaultV8Flags = ['--memory-saver-mode'];
const saverMs = Number(process.env['TSDTOP_SAVER_MS'] ?? 10_000);

export function setV8Flags(env: NodeJS.ProcessEnv = process.env): readonly string[] {
	const override = env['TSDTOP_V8_FLAGS'];
	const flags = override === undefined ? defaultV8Flags : override.split(/\s+/).filter(Boolean);
	for (const flag of flags) {
		setFlagsFromString(flag);
	}

	if (flags.includes('--memory-saver-mode') && saverMs > 0) {
		setTimeout(() => {
			setFlagsFromString('--no-memory-saver-mode');
		}, saverMs).unref();
	}

	return flags;
}

setV8Flags();
