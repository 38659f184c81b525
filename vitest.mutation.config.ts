import { defineConfig } from 'vitest/config';

// Mutation testing runs the tests that exercise the TypeScript sources in-process: the model, planner,
// properties and scenario tests. Command-line, report and browser tests run the built `dist/` and cannot
// see a mutant, so they are left out here (they run in `npm test`).
export default defineConfig({
  test: {
    include: ['test/model/**/*.test.ts', 'test/planner/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/scenarios/**/*.test.ts', 'test/config/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TAPEGRID_FREEZE: '1' },
  },
});
