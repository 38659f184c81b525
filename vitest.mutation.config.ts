import { defineConfig } from 'vitest/config';

// Mutation testing runs the tests that exercise the TypeScript sources in-process: the model, planner,
// properties and scenario tests. Command-line, report and browser tests run the built `dist/` and cannot
// see a mutant, so they are left out here (they run in `npm test`). The whole-example searches
// (examples, DR plans, seeded model bugs, replays) take from 5 s to minutes per run, which every
// mutant they cover would pay again; `TAPEGRID_MUTATION_FULL=1` includes them.
export default defineConfig({
  test: {
    include: ['test/model/**/*.test.ts', 'test/planner/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/scenarios/**/*.test.ts', 'test/config/**/*.test.ts'],
    exclude: process.env.TAPEGRID_MUTATION_FULL === '1' ? [] : ['test/properties/examples.test.ts', 'test/properties/drPlan.test.ts', 'test/properties/mutants.test.ts', 'test/properties/replay.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TAPEGRID_FREEZE: '1' },
  },
});
