import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property runs are modest here; `npm run verify:deep` runs many more.
    // Whole-example searches take 20 to 40 s alone on CI's 2 cores and over a minute beside other test
    // files; the limit catches a hung test, not a slow one (speed is measured by the benchmarks in bench/).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Volumes a model step produced are frozen: a change that bypasses copy-on-write throws.
    env: { TAPEGRID_FREEZE: '1' },
  },
});
