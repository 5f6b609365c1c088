import type {Reporter, TestModule} from 'vitest/node';

type Counts = {passed: number; failed: number; skipped: number; errors: number};

/** Failures that belong to no test: an import that threw, a beforeAll/afterAll that threw, an unhandled error. */
function moduleErrors(module: TestModule): number {
	let errors = module.errors().length;
	for (const suite of module.children.allSuites()) {
		errors += suite.errors().length;
	}

	// A file that failed without any error recorded above (vitest keeps some collection failures on the
	// module's state only) still failed.
	if (errors === 0 && module.state() === 'failed' && ![...module.children.allTests()].some(test => test.result().state === 'failed')) {
		errors = 1;
	}

	return errors;
}

export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): Counts {
	const counts: Counts = {passed: 0, failed: 0, skipped: 0, errors: unhandledErrors.length};
	for (const module of testModules) {
		for (const test of module.children.allTests()) {
			const {state} = test.result();
			if (state === 'passed') counts.passed++;
			else if (state === 'failed') counts.failed++;
			else counts.skipped++;
		}

		counts.errors += moduleErrors(module);
	}

	return counts;
}

/**
 * Ends the run with the plain "N passed, N failed" line that CI reads in any language. Errors outside
 * tests count as failures: a beforeAll that threw skips its tests, and "0 failed" then would be a lie.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
		const {passed, failed, skipped, errors} = countRun(testModules, unhandledErrors);
		const outside = errors ? ` (${errors} outside tests: a hook, an import or an unhandled error)` : '';
		process.stdout.write(`\ntests: ${passed} passed, ${failed + errors} failed${outside}${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}
