// Exhaustive search benchmark (run with `npm run bench`): for every bundled example at its default
// scope, distinct and generated states, states per second (one core), the depth completed and the
// peak heap. Figures are printed, never asserted.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildVerifySetup, exhaustiveBoundsOf, loadConfig } from '../dist/config/index.js';
import { exhaustiveSearch, invariants } from '../dist/properties/index.js';

const root = join(import.meta.dirname, '..');
const files = [
  ...readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.yaml')).map((name) => `examples/${name}`),
  ...readdirSync(join(root, 'examples', 'drtest')).filter((name) => name.endsWith('.yaml')).map((name) => `examples/drtest/${name}`),
  ...readdirSync(join(root, 'examples', 'unsafe')).filter((name) => name.endsWith('.yaml')).map((name) => `examples/unsafe/${name}`),
];
const only = process.argv[2];
console.log('example | scope (volumes/host, failures, max states) | end | complete depth | distinct | generated | s | generated/s | distinct/s | peak heap MB');
for (const file of files.filter((name) => only === undefined || name.includes(only))) {
  const loaded = await loadConfig(join(root, file));
  if (!loaded.ok) continue;
  const scope = exhaustiveBoundsOf(loaded.config);
  const setup = { ...buildVerifySetup(loaded), volumesPerHost: scope.volumesPerHost };
  const start = performance.now();
  const { search } = exhaustiveSearch(setup, { scope, invariants });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    [
      file,
      `${scope.volumesPerHost}, ${scope.maxFailures}, ${scope.maxStates}`,
      search.end,
      search.completeDepth,
      search.distinctStates,
      search.generatedStates,
      seconds.toFixed(2),
      Math.round(search.generatedStates / seconds),
      Math.round(search.distinctStates / seconds),
      (search.peakHeapBytes / 2 ** 20).toFixed(0),
    ].join(' | '),
  );
}
