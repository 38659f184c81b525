// Start-up benchmark (npm run bench:startup): wall time of `tapegrid --help`, `validate` of the
// two-cluster example (bundled, and unbundled for comparison; goal under 300 ms) and `verify` of the
// four-cluster example, each against bare `node -e 0` measured in the same run (medians of several
// runs), printed as ratios; and the import time of mathjs's ES
// module entry against the single-file build the unit parser loads. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.env.TAPEGRID_BENCH_RUNS ?? 7);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function wall(args, times = runs) {
  const samples = [];
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}

const bare = wall(['-e', '0']);
const cases = [
  ['tapegrid --help', ['bin/tapegrid.js', '--help'], 2],
  ['tapegrid validate examples/two-cluster-ha.yaml', ['bin/tapegrid.js', 'validate', 'examples/two-cluster-ha.yaml'], null],
  // The same command from the unbundled tsc output (what bin/ ran before scripts/bundle.mjs): the gain of the bundle.
  ['validate, unbundled dist/cli (before the bundle)', ['--input-type=module', '-e', "const { main } = await import('./dist/cli/main.js'); process.exitCode = await main(['validate', 'examples/two-cluster-ha.yaml']);"], null],
  ['tapegrid verify examples/four-cluster-partitioned.yaml', ['bin/tapegrid.js', 'verify', 'examples/four-cluster-partitioned.yaml'], null],
];
console.log(`node -e 0: ${bare.toFixed(0)} ms (median of ${runs})`);
for (const [name, args, goal] of cases) {
  const times = name.includes('verify') ? 3 : runs;
  const ms = wall(args, times);
  const absoluteGoal = name.startsWith('tapegrid validate') ? ' (goal: under 300 ms)' : '';
  console.log(`${name}: ${ms.toFixed(0)} ms, ${(ms / bare).toFixed(2)} x bare node${goal === null ? '' : ` (goal: within ${goal} x)`}${absoluteGoal} (median of ${times})`);
}

// mathjs: the ES module entry (hundreds of files) against the single-file build, each in a fresh process.
const esm = [];
const single = [];
for (let index = 0; index < Math.min(runs, 5); index += 1) {
  esm.push(Number(spawnSync(process.execPath, ['--input-type=module', '-e', "const t = performance.now(); await import('mathjs'); process.stdout.write(String(performance.now() - t));"], { encoding: 'utf8' }).stdout));
  single.push(Number(spawnSync(process.execPath, ['--input-type=module', '-e', "import { createRequire } from 'node:module'; const t = performance.now(); createRequire(process.cwd() + '/x.js')('mathjs/lib/browser/math.js'); process.stdout.write(String(performance.now() - t));"], { encoding: 'utf8' }).stdout));
}
console.log(`mathjs import: ES module entry ${median(esm).toFixed(0)} ms, single-file build ${median(single).toFixed(0)} ms (${(median(esm) / median(single)).toFixed(1)} x faster; medians of ${esm.length})`);

// Unit parsing: the plain forms of the examples through the fast path (mathjs never loaded) against a
// form outside it, which loads mathjs on first use. Each in a fresh process, including the import.
const parseIn = (text) => Number(spawnSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); const q = await import('./dist/config/quantity.js'); const r = q.unitParser().quantity(${JSON.stringify(text)}, 'duration'); if (!r.ok) throw new Error(r.problem); process.stdout.write(String(performance.now() - t) + ' ' + q.mathjsLoaded());`], { encoding: 'utf8' }).stdout.split(' ')[0]);
const plainParse = median(Array.from({ length: Math.min(runs, 5) }, () => parseIn('20 min')));
const fallbackParse = median(Array.from({ length: Math.min(runs, 5) }, () => parseIn('2 hr')));
console.log(`unit parser: "20 min" (fast path, mathjs not loaded) ${plainParse.toFixed(1)} ms; "2 hr" (mathjs loaded for it) ${fallbackParse.toFixed(0)} ms`);
