// Folds the latest Stryker run (bench/mutation/mutation-report.json) into the accumulated report
// (bench/mutation/accumulated-report.json). Why: a whole-scope run is hours on 2 cores, so runs are scoped
// with `--mutate` to a few files, and Stryker's own report and incremental file keep only the files of the
// last run. The accumulated report keeps, per file, the latest run that mutated it; each file carries the
// source it was measured against, so `mutation-scores.mjs` can say which results are stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// `--tests "test/model, test/scenarios"` records that the run used only those tests (a narrower vitest
// config, for speed): its score is then a lower bound, and the scores table says so.
const options = process.argv.slice(2);
const testsIndex = options.indexOf('--tests');
const tests = testsIndex >= 0 ? options[testsIndex + 1] : 'mutation suite (vitest.mutation.config.ts)';
const positional = testsIndex < 0 ? options : options.filter((_, index) => index !== testsIndex && index !== testsIndex + 1);
const latestPath = positional[0] ?? 'bench/mutation/mutation-report.json';
const accumulatedPath = positional[1] ?? 'bench/mutation/accumulated-report.json';
const latest = JSON.parse(readFileSync(latestPath, 'utf8'));
const accumulated = existsSync(accumulatedPath) ? JSON.parse(readFileSync(accumulatedPath, 'utf8')) : { ...latest, files: {} };
const measuredAt = new Date().toISOString();
for (const [file, result] of Object.entries(latest.files)) {
  accumulated.files[file] = { ...result, measuredAt, tests };
}
accumulated.testFiles = undefined;
writeFileSync(accumulatedPath, `${JSON.stringify(accumulated)}\n`);
console.log(`${Object.keys(latest.files).length} file(s) from ${latestPath} folded into ${accumulatedPath} (${Object.keys(accumulated.files).length} files in all)`);
