// Prints the mutation score per folder from Stryker's JSON report (npm run mutation): killed and
// timed-out mutants over all mutants that compiled (compile errors and ignored mutants are left out).
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'bench/mutation/mutation-report.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const folders = new Map();
const survivors = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  const parts = file.split('/');
  const folder = parts[0] === 'properties' ? parts.slice(0, 2).join('/') : parts[0];
  const tally = folders.get(folder) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  for (const mutant of mutants) {
    if (mutant.status === 'Killed') tally.killed += 1;
    else if (mutant.status === 'Timeout') tally.timeout += 1;
    else if (mutant.status === 'Survived') {
      tally.survived += 1;
      survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? '')}`);
    } else if (mutant.status === 'NoCoverage') tally.noCoverage += 1;
  }
  folders.set(folder, tally);
}
console.log('folder | killed | timeout | survived | no coverage | score %');
for (const [folder, tally] of [...folders].sort()) {
  const detected = tally.killed + tally.timeout;
  const total = detected + tally.survived + tally.noCoverage;
  console.log([folder, tally.killed, tally.timeout, tally.survived, tally.noCoverage, total === 0 ? '-' : ((100 * detected) / total).toFixed(1)].join(' | '));
}
if (process.argv.includes('--survivors')) for (const line of survivors) console.log(line);
