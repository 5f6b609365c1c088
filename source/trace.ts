/**
 * Start-up phase timings for the benchmark: with TSDTOP_TRACE=1, tsdtop prints them to stderr when
 * it exits (after the terminal is restored). Costs one array push per phase otherwise.
 */
const marks: Array<[string, number]> = [];

export function mark(phase: string): void {
	marks.push([phase, performance.now()]);
}

export function reportTrace(): void {
	if (process.env['TSDTOP_TRACE'] === '1') {
		process.stderr.write(`tsdtop trace: ${marks.map(([phase, at]) => `${phase} ${at.toFixed(0)}`).join(', ')}\n`);
	}
}
