// Planner benchmarks (run with `npm run bench`): one plan, and the catalog search at scale.
import { performance } from 'node:perf_hooks';
import { buildPlanInputs, loadCatalog, loadConfig, referenceCatalogPath } from '../dist/config/index.js';
import { buildPlan, cheapestConfiguration } from '../dist/planner/index.js';

const file = 'examples/three-cluster-ha-dr.yaml';
const loaded = await loadConfig(file);
const catalog = await loadCatalog(referenceCatalogPath, loaded.units);
const inputs = buildPlanInputs(loaded.config, loaded.units, catalog.catalog);

let start = performance.now();
const rounds = 20;
for (let index = 0; index < rounds; index += 1) buildPlan(inputs);
console.log(`plan ${file}: ${((performance.now() - start) / rounds).toFixed(1)} ms per plan (search included)`);

// A large catalog: 40 link options x 60 cache sizes x 8 drives; 3 pairs, 3 caches, 3 drive choices.
const big = {
  ...catalog.catalog,
  linkOptions: Array.from({ length: 40 }, (_, index) => ({ name: `link-${index}`, count: 2, bytesPerSecondEach: (index + 1) * 250e6, cost: 10 + index * 3, whatIf: false, source: 'bench' })),
  cacheOptions: Array.from({ length: 60 }, (_, index) => ({ name: `cache-${index}`, bytes: (index + 1) * 10e12, cost: 20 + index * 8, source: 'bench' })),
};
const bigInputs = { ...inputs, catalog: big };
start = performance.now();
const result = cheapestConfiguration(bigInputs);
const seconds = (performance.now() - start) / 1000;
const combinations = 40 ** 3 * 60 ** 3 * 8 ** 3;
console.log(`search over ${combinations.toExponential(2)} candidate configurations (40 links x 3 pairs, 60 caches x 3 clusters, 8 drives x 3): ${seconds.toFixed(2)} s, ${result.candidatesConsidered} options judged, total cost ${result.totalCost}`);
