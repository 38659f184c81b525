// Benchmarks (run with `npm run bench`): model steps per second, and `tapegrid verify` wall time for the
// four-cluster example at default settings. Figures are printed, never asserted.
import { performance } from 'node:perf_hooks';
import { buildVerifySetup, loadConfig } from '../dist/config/index.js';
import { step } from '../dist/model/index.js';
import { actionArbitrary, resolveAction, startState, verify } from '../dist/properties/index.js';
import fc from 'fast-check';

const file = 'examples/four-cluster-partitioned.yaml';
const loaded = await loadConfig(file);
if (!loaded.ok) throw new Error(`${file} does not validate`);
const setup = buildVerifySetup(loaded);

// 1. Model steps per second on random action sequences (resolution included, invariants excluded).
const sequences = fc.sample(fc.array(actionArbitrary(setup), { minLength: 40, maxLength: 40 }), { numRuns: 500, seed: 1 });
let steps = 0;
const modelStart = performance.now();
for (const actions of sequences) {
  let state = startState(setup);
  for (const action of actions) {
    const resolved = resolveAction(setup, state, action);
    if (resolved === null) continue;
    for (const event of resolved.events) {
      state = step(state, event).state;
      steps += 1;
    }
  }
}
const modelSeconds = (performance.now() - modelStart) / 1000;
console.log(`model: ${steps} steps in ${modelSeconds.toFixed(2)} s = ${Math.round(steps / modelSeconds)} steps/s (${file}, 4 clusters, ${setup.volumesPerHost * setup.definition.hosts.length} volumes)`);

// 2. The random layer of verify at default settings (200 swarm runs of up to 40 steps, every invariant per step).
for (const seed of [1, 2, 3]) {
  const start = performance.now();
  const result = verify(setup, { exhaustive: false, runs: 200, seed, maxSteps: 40 });
  const seconds = (performance.now() - start) / 1000;
  console.log(`verify random layer ${file} seed ${seed}: ${seconds.toFixed(2)} s wall, ${result.random?.stepsExplored ?? 0} steps explored, ${result.verdicts.filter((verdict) => verdict.status === 'violated').length} violated`);
}
const memory = process.memoryUsage();
console.log(`memory: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap used ${(memory.heapUsed / 1e6).toFixed(0)} MB`);
