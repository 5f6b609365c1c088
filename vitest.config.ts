import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		reporters: ['default', './test/helpers/summary-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts', 'test/components/**/*.test.{ts,tsx}'],
					// Colour on, so that component tests can tell colour from no colour.
					env: {FORCE_COLOR: '1'},
				},
			},
			{
				test: {
					name: 'engine',
					include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
					globalSetup: ['./test/helpers/engine-setup.ts'],
					// One Engine and one terminal at a time: tests watch the whole Engine's list.
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
