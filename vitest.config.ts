import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property runs are modest here; `npm run verify:deep` runs many more.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Volumes a model step produced are frozen: a change that bypasses copy-on-write throws.
    env: { TAPEGRID_FREEZE: '1' },
  },
});
