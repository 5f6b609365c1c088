/**
 * Start-up phase timings for the benchmark: with TSDTOP_TRACE=1, tsdtop prints them to stderr when
 * it exits (after the terminal is restored). Costs one array push per phase otherwise.
 */
const marks: Array<[string, number]> = [];
const counts = new Map<string, number>();
const notes = new Map<string, string>();
export const tracing = process.env['TSDTOP_TRACE'] === '1';

export function mark(phase: string): void {
	marks.push([phase, performance.now()]);
}

/** Counts an event (a dispatch, a frame) for the trace; call only when `tracing`. */
export function count(name: string): void {
	counts.set(name, (counts.get(name) ?? 0) + 1);
}

/** A fact worth a line of its own at exit (e.g. where stats come from); the last one of a topic wins. */
export function note(topic: string, text: string): void {
	if (tracing) {
		notes.set(topic, text);
	}
}

export function reportTrace(): void {
	if (tracing) {
		process.stderr.write(`tsdtop trace: ${marks.map(([phase, at]) => `${phase} ${at.toFixed(0)}`).join(', ')}\n`);
		process.stderr.write(`tsdtop counts: ${[...counts].map(([name, n]) => `${name} ${n}`).join(', ')}\n`);
		for (const [topic, text] of notes) {
			process.stderr.write(`tsdtop ${topic}: ${text}\n`);
		}
	}
}
