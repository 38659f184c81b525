import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.js';

// A faster mutation run over one folder's own tests: TAPEGRID_MUTATION_TESTS="test/model,test/scenarios"
// (folders, or single test files ending in .ts; a leading ! leaves a file out).
// Kills by other tests are not counted, so the score is a lower bound; `mutation-merge.mjs --tests` records
// which tests ran. Used as: npx stryker run --mutate model/copies.ts (with this file as vitest.configFile).
const entries = (process.env.TAPEGRID_MUTATION_TESTS ?? 'test/model').split(',').map((entry) => entry.trim());
const pattern = (entry: string): string => (entry.endsWith('.ts') ? entry : `${entry}/**/*.test.ts`);
export default defineConfig({
  test: {
    ...base.test,
    include: entries.filter((entry) => !entry.startsWith('!')).map(pattern),
    exclude: entries.filter((entry) => entry.startsWith('!')).map((entry) => pattern(entry.slice(1))),
  },
});
