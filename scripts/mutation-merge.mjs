// Folds the latest Stryker run (bench/mutation/mutation-report.json) into the accumulated report
// (bench/mutation/accumulated-report.json). Why: a whole-scope run is hours on 2 cores, so runs are scoped
// with `--mutate` to a few files, and Stryker's own report and incremental file keep only the files of the
// last run. The accumulated report keeps, per file, the latest run that mutated it; each file carries the
// source it was measured against, so `mutation-scores.mjs` can say which results are stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// `--tests "test/model, test/scenarios"` records that the run used only those tests (a narrower vitest
// config, for speed): its score is then a lower bound, and the scores table says so.
// `--mutated "model/state.ts,model/events.ts"` names the files the run was asked to mutate: Stryker leaves a
// file with nothing to mutate (types only) out of its report, and such a file is recorded as measured with
// no mutants rather than listed as never measured.
const options = process.argv.slice(2);
const valueOf = (name) => (options.includes(name) ? options[options.indexOf(name) + 1] : undefined);
const tests = valueOf('--tests') ?? 'mutation suite (vitest.mutation.config.ts)';
const mutated = (valueOf('--mutated') ?? '').split(',').filter((file) => file !== '');
const flagged = new Set(['--tests', '--mutated'].flatMap((name) => (options.includes(name) ? [options.indexOf(name), options.indexOf(name) + 1] : [])));
const positional = options.filter((_, index) => !flagged.has(index));
const latestPath = positional[0] ?? 'bench/mutation/mutation-report.json';
const accumulatedPath = positional[1] ?? 'bench/mutation/accumulated-report.json';
const latest = JSON.parse(readFileSync(latestPath, 'utf8'));
const accumulated = existsSync(accumulatedPath) ? JSON.parse(readFileSync(accumulatedPath, 'utf8')) : { ...latest, files: {} };
const measuredAt = new Date().toISOString();
for (const [file, result] of Object.entries(latest.files)) {
  accumulated.files[file] = { ...result, measuredAt, tests };
}
for (const file of mutated) {
  if (latest.files[file] === undefined) accumulated.files[file] = { language: 'typescript', source: readFileSync(file, 'utf8'), mutants: [], measuredAt, tests: `${tests} (no mutants: types only)` };
}
accumulated.testFiles = undefined;
writeFileSync(accumulatedPath, `${JSON.stringify(accumulated)}\n`);
console.log(`${Object.keys(latest.files).length} file(s) from ${latestPath} folded into ${accumulatedPath} (${Object.keys(accumulated.files).length} files in all)`);
