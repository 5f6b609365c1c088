/**
 * The arguments tsdtop was started with. Read when bin.ts first imports this module, before it takes
 * --no-color out of process.argv (see there), so cli.tsx still sees the flag.
 */
export const commandLine: readonly string[] = process.argv.slice(2);
