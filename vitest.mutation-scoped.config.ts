import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.js';

// A faster mutation run over one folder's own tests: TAPEGRID_MUTATION_TESTS="test/model,test/scenarios".
// Kills by other tests are not counted, so the score is a lower bound; `mutation-merge.mjs --tests` records
// which tests ran. Used as: npx stryker run --mutate model/copies.ts (with this file as vitest.configFile).
const folders = (process.env.TAPEGRID_MUTATION_TESTS ?? 'test/model').split(',').map((folder) => folder.trim());
export default defineConfig({ test: { ...base.test, include: folders.map((folder) => `${folder}/**/*.test.ts`), exclude: [] } });
