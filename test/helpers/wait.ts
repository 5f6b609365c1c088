/** Resolves after `ms`: for tests that let timers and streams run. */
export async function wait(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
