// Re-tests the survivors Stryker could not activate: mutants in code that runs while a module loads (an
// invariant's title, its list of rules), which Stryker's vitest runner switches on only after the module
// has loaded, so they "survive" tests that do catch them (stryker-js issues #6144, #6209; incremental mode
// then never re-runs them, #4372). Such a mutant has no covering test in the report. Each one is written
// into a copy of the sources and the tests its run used (or its folder's) run in a fresh vitest process: a failing test
// kills it. Results go back into bench/mutation/accumulated-report.json with the reason stated.
//
//   node scripts/mutation-reload.mjs [--file model/aotm.ts] [--dry-run]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const accumulatedPath = join(root, 'bench/mutation/accumulated-report.json');
const args = process.argv.slice(2);
const onlyFile = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
const dryRun = args.includes('--dry-run');
const timeoutMs = 180_000;

/**
 * The tests to re-test a file's mutants with: those its Stryker run used when the run was scoped
 * (`mutation-merge.mjs --tests`, so a lower bound stays one), else the test folder mirroring its top folder.
 */
function testsOf(file, recorded) {
  if (typeof recorded === 'string' && recorded.startsWith('test/')) return recorded.split(',').map((entry) => entry.trim());
  const top = file.split('/')[0];
  return [top === 'properties' ? 'test/properties' : `test/${top}`];
}

/** Offset of a 1-based line and column in `source`. */
function offsetOf(source, { line, column }) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

const accumulated = JSON.parse(readFileSync(accumulatedPath, 'utf8'));
const work = [];
for (const [file, result] of Object.entries(accumulated.files)) {
  if (onlyFile !== undefined && file !== onlyFile) continue;
  const current = readFileSync(join(root, file), 'utf8');
  if (current !== result.source) {
    console.log(`${file}: changed since it was measured, skipped (measure it again with Stryker first)`);
    continue;
  }
  for (const mutant of result.mutants) {
    if (mutant.status === 'Survived' && (mutant.coveredBy ?? []).length === 0) work.push({ file, mutant, tests: testsOf(file, result.tests) });
  }
}
console.log(`${work.length} survivor(s) without a covering test to re-test after a fresh load`);
if (dryRun || work.length === 0) process.exit(0);

const copy = mkdtempSync(join(tmpdir(), 'tapegrid-reload-'));
try {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const path of tracked) cpSync(join(root, path), join(copy, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  const runTests = (tests) => spawnSync('npx', ['vitest', 'run', '-c', 'vitest.mutation.config.ts', '--bail=1', ...tests], { cwd: copy, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, TAPEGRID_FREEZE: '1', NO_COLOR: '1' } });
  // Control: without a mutant every set of tests must pass in the copy, or a failure would prove nothing.
  for (const key of new Set(work.map(({ tests }) => tests.join(' ')))) {
    const control = runTests(key.split(' '));
    if (control.status !== 0) {
      console.error(`control run of ${key} without a mutant failed; nothing re-tested\n${control.stdout.slice(-2000)}`);
      process.exitCode = 1;
      throw new Error('control run failed');
    }
    console.log(`control: ${key} passes without a mutant`);
  }
  const counts = { Killed: 0, Timeout: 0, Survived: 0 };
  for (const { file, mutant, tests } of work) {
    const original = accumulated.files[file].source;
    const start = offsetOf(original, mutant.location.start);
    const end = offsetOf(original, mutant.location.end);
    writeFileSync(join(copy, file), original.slice(0, start) + mutant.replacement + original.slice(end));
    const started = Date.now();
    const run = runTests(tests);
    writeFileSync(join(copy, file), original);
    const status = run.error !== undefined ? 'Timeout' : run.status === 0 ? 'Survived' : 'Killed';
    counts[status] += 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const failed = /(?:FAIL|×)\s+(.+)/.exec(run.stdout ?? '')?.[1]?.replace(/\s+\d+ms$/, '').trim() ?? tests.join(' ');
    console.log(`${status.padEnd(8)} ${file}:${mutant.location.start.line} ${mutant.mutatorName} ${mutant.replacement.slice(0, 40)} (${seconds} s)${status === 'Killed' ? ` by ${failed}` : ''}`);
    if (status !== 'Survived') {
      mutant.status = status;
      mutant.statusReason = `${status === 'Killed' ? `killed by ${failed}` : `timed out in ${tests.join(' ')}`} after a fresh module load (scripts/mutation-reload.mjs): Stryker activates this module-level mutant only after the module has loaded`;
    }
  }
  writeFileSync(accumulatedPath, `${JSON.stringify(accumulated)}\n`);
  console.log(`re-tested ${work.length}: ${counts.Killed} killed, ${counts.Timeout} timed out, ${counts.Survived} survived`);
} catch (error) {
  if (error.message !== 'control run failed') throw error;
} finally {
  rmSync(copy, { recursive: true, force: true });
}
