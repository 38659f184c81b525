// Prints the mutation score per folder and per file from the accumulated Stryker report (see
// mutation-merge.mjs): killed and timed-out mutants over all mutants that compiled (compile errors and
// ignored mutants are left out). A file whose source changed since it was measured is marked stale; a file
// in the mutation scope that was never measured is listed, so a folder score never hides what it skipped.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const reportPath = process.argv.find((argument, index) => index >= 2 && !argument.startsWith('--')) ?? 'bench/mutation/accumulated-report.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const scopeFolders = ['model', 'planner', 'properties/invariants'];
const folderOf = (file) => {
  const parts = file.split('/');
  return parts[0] === 'properties' ? parts.slice(0, 2).join('/') : parts[0];
};
const emptyTally = () => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, files: 0 });
const scoreOf = (tally) => {
  const detected = tally.killed + tally.timeout;
  const total = detected + tally.survived + tally.noCoverage;
  return total === 0 ? '-' : ((100 * detected) / total).toFixed(1);
};
const folders = new Map();
const fileRows = [];
const survivors = [];
for (const [file, { mutants, source, tests }] of Object.entries(report.files)) {
  const stale = !existsSync(file) || readFileSync(file, 'utf8') !== source;
  const tally = emptyTally();
  for (const mutant of mutants) {
    if (mutant.status === 'Killed') tally.killed += 1;
    else if (mutant.status === 'Timeout') tally.timeout += 1;
    else if (mutant.status === 'Survived') {
      tally.survived += 1;
      survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? '')}`);
    } else if (mutant.status === 'NoCoverage') tally.noCoverage += 1;
  }
  fileRows.push([file, tally.killed, tally.timeout, tally.survived, tally.noCoverage, scoreOf(tally), stale ? 'stale' : 'current', tests ?? 'mutation suite (vitest.mutation.config.ts)']);
  const folderTally = folders.get(folderOf(file)) ?? emptyTally();
  for (const key of ['killed', 'survived', 'noCoverage', 'timeout']) folderTally[key] += tally[key];
  folderTally.files += 1;
  folders.set(folderOf(file), folderTally);
}
const unmeasured = scopeFolders.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => join(folder, name))
    .filter((file) => report.files[file] === undefined),
);
if (process.argv.includes('--files')) {
  console.log('file | killed | timeout | survived | no coverage | score % | measured source | tests run (fewer tests: a lower bound)');
  for (const row of fileRows.sort((a, b) => a[0].localeCompare(b[0]))) console.log(row.join(' | '));
  console.log('');
}
console.log('folder | files measured | files not measured | killed | timeout | survived | no coverage | score % (measured files)');
for (const folder of scopeFolders) {
  const tally = folders.get(folder) ?? emptyTally();
  const missing = unmeasured.filter((file) => folderOf(file) === folder).length;
  console.log([folder, tally.files, missing, tally.killed, tally.timeout, tally.survived, tally.noCoverage, scoreOf(tally)].join(' | '));
}
if (unmeasured.length > 0) console.log(`\nnot measured: ${unmeasured.join(', ')}`);
if (process.argv.includes('--survivors')) for (const line of survivors) console.log(line);
